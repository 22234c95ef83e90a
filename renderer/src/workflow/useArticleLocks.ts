import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleFields } from '../../../shared/domain/article';
import type { LockPart } from '../../../shared/workflow/parts';
import type { LockInfo } from '../../../shared/collaboration/types';
import { api } from '../api/client';
import { useSession } from '../stores/sessionStore';

export interface ArticleLocks {
  locks: LockInfo[];
  /** The holder of a part when it is someone else; null when it is free or mine. */
  heldByOther(part: LockPart): LockInfo | null;
  /** Takes (or keeps) a part before editing it; resolves false with the holder shown when someone else has it. */
  acquire(part: LockPart): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * Locks for an open story. The editor calls `acquire(part)` on the first
 * keystroke in a part; saves keep the lock alive; closing the story (unmount)
 * releases it. When someone force-releases a lock this window held, the edits
 * `pendingPatch()` still reports unsaved are kept on the server as a revision
 * (locks.saveDisplaced) before `onForced` runs, so they are never lost.
 */
export function useArticleLocks(
  articleId: string,
  options: { pendingPatch(): Partial<ArticleFields> | null; onForced?(part: LockPart, saved: boolean): void },
): ArticleLocks {
  const me = useSession((s) => s.session?.user.id ?? null);
  const [locks, setLocks] = useState<LockInfo[]>([]);
  const held = useRef(new Set<LockPart>());
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const refresh = useCallback(() => {
    api
      .call('locks.status', { articleId })
      .then(setLocks)
      .catch(() => setLocks([]));
  }, [articleId]);

  useEffect(() => {
    refresh();
    return api.onEvent((event) => {
      if (event.type !== 'lock.changed' || event.articleId !== articleId) return;
      refresh();
      if (event.forced && event.previousHolderId === me && held.current.has(event.part)) {
        held.current.delete(event.part);
        const patch = optionsRef.current.pendingPatch();
        const keep = patch && Object.keys(patch).length > 0 ? api.call('locks.saveDisplaced', { articleId, patch }).then(() => true) : Promise.resolve(false);
        void keep.catch(() => false).then((saved) => optionsRef.current.onForced?.(event.part, saved));
      }
    });
  }, [articleId, me, refresh]);

  useEffect(() => {
    const mine = held.current;
    return () => {
      if (mine.size > 0) void api.call('locks.release', { articleId }, { keepalive: true }).catch(() => undefined);
      mine.clear();
    };
  }, [articleId]);

  const acquire = useCallback(
    async (part: LockPart) => {
      // Saves keep a held lock alive; asking again on every focus would only fill the audit trail.
      if (held.current.has(part)) return true;
      try {
        await api.call('locks.acquire', { articleId, part });
        held.current.add(part);
        return true;
      } catch {
        refresh();
        return false;
      }
    },
    [articleId, refresh],
  );

  const release = useCallback(async () => {
    held.current.clear();
    await api.call('locks.release', { articleId });
  }, [articleId]);

  return {
    locks,
    heldByOther: (part) => locks.find((l) => l.part === part && l.userId !== me) ?? null,
    acquire,
    release,
  };
}
