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
  /** Takes a part someone locked before the story was handed to this user; rejects with the service's reason. */
  takeOver(part: LockPart): Promise<void>;
  release(): Promise<void>;
}

/**
 * Locks for an open story. The editor calls `acquire(part)` on the first
 * focus in a part; saves keep the lock alive; closing the story (unmount) or
 * the browser tab (pagehide, a keepalive request) releases it; the desktop
 * app frees a closed window's locks on the main side. A workflow step that
 * hands the story on frees them there too, and this window then asks again on
 * the next focus. When someone breaks a lock this window held, the edits
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
      if (event.type === 'events.resumed') return refresh();
      if (event.type !== 'lock.changed' || event.articleId !== articleId) return;
      refresh();
      // Freed on the main side (the story was handed on): the next focus asks again.
      if (!event.forced && event.holderId === null && event.previousHolderId === me) held.current.delete(event.part);
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
    const letGo = () => {
      if (mine.size > 0) void api.call('locks.release', { articleId }, { keepalive: true }).catch(() => undefined);
      mine.clear();
    };
    // The tab is closing or navigating away: a keepalive request outlives the page.
    window.addEventListener('pagehide', letGo);
    return () => {
      window.removeEventListener('pagehide', letGo);
      letGo();
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

  const takeOver = useCallback(
    async (part: LockPart) => {
      await api.call('locks.acquire', { articleId, part, takeOver: true });
      held.current.add(part);
      refresh();
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
    takeOver,
    release,
  };
}
