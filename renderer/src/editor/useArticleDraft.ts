import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Article, ArticleFields } from '../../../shared/domain/article';
import type { FieldKey } from '../../../shared/article/fields';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { useSaveState } from '../stores/saveStore';
import { useSession } from '../stores/sessionStore';
import type { ConflictResolution } from '../revisions/ConflictDialog';
import { clearBackup, readBackup, writeBackup, type DraftBackup } from './draftBackup';
import { registerOpenDraft } from './openDrafts';

/** Quiet time after the last keystroke before an autosave. */
const AUTOSAVE_DELAY_MS = 1200;
const RETRY_DELAY_MS = 5000;
/** Browsers refuse keepalive requests over 64 KiB; a longer unload save relies on the local backup. */
const KEEPALIVE_MAX_BYTES = 60_000;


export interface DraftApi {
  article: Article | null;
  loadError: string | null;
  conflict: Article | null;
  recovered: DraftBackup | null;
  setField<K extends FieldKey>(key: K, value: ArticleFields[K]): void;
  /** The body is read lazily: serialising a long document on every keystroke would stall typing. */
  markBodyDirty(): void;
  save(reason: 'save' | 'autosave'): Promise<void>;
  /** `unloading`: the page is going away, so the request must outlive it (keepalive). */
  flush(options?: { unloading?: boolean }): Promise<void>;
  /** The edits not yet saved, as they would be sent. */
  pendingFields(): Partial<ArticleFields>;
  /**
   * Ends a conflict: their version becomes the base, and the chosen fields are saved on top of it
   * (nothing is saved for 'theirs'). The caller shows the resolved fields in the editor first,
   * since the body is read from there.
   */
  resolveConflict(resolution: ConflictResolution): Promise<void>;
  /** Takes a version saved elsewhere (a restore, their side of a conflict) as the story, dropping pending edits. */
  adopt(article: Article): void;
  /** A status change made here (a workflow step): the same text in a new version, pending edits kept on top. */
  rebase(article: Article): void;
  /**
   * A version someone else saved. With nothing pending it becomes the story; otherwise the pending
   * edits stay on their base (the main side merges them when the other save touched other parts).
   * Returns the fields that changed and that this window is not editing, to show.
   */
  absorb(article: Article): Partial<ArticleFields>;
  /** The version the next save is based on (after flush, the latest saved). */
  baseVersion(): number | null;
  applyRecovered(apply: boolean): void;
  hasUnsaved(): boolean;
}

export function useArticleDraft(id: string, readBody: () => ArticleFields['body'] | null): DraftApi {
  const [article, setArticle] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Article | null>(null);
  const [recovered, setRecovered] = useState<DraftBackup | null>(null);
  const setStatus = useSaveState((s) => s.setStatus);
  const markSaved = useSaveState((s) => s.markSaved);
  // The local copy belongs to whoever is typing; without a signed-in user none is kept.
  const userId = useSession((s) => s.session?.user.id ?? null);

  const server = useRef<Article | null>(null);
  const local = useRef<Partial<ArticleFields>>({});
  const dirty = useRef(new Map<FieldKey, number>());
  const seq = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(false);
  const readBodyRef = useRef(readBody);
  readBodyRef.current = readBody;

  const collectPatch = useCallback((): Partial<ArticleFields> => {
    const patch: Partial<ArticleFields> = {};
    for (const key of dirty.current.keys()) {
      if (key === 'body') {
        const body = readBodyRef.current();
        if (body) patch.body = body;
      } else {
        (patch as Record<string, unknown>)[key] = local.current[key];
      }
    }
    return patch;
  }, []);

  const backup = useCallback(() => {
    if (!server.current || dirty.current.size === 0 || userId === null) return;
    writeBackup(userId, id, { baseVersion: server.current.version, patch: collectPatch(), at: new Date().toISOString() });
  }, [id, userId, collectPatch]);
  const dropBackup = useCallback(() => {
    if (userId !== null) clearBackup(userId, id);
  }, [id, userId]);

  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void saveRef.current('autosave');
    }, delay);
  }, []);

  const save = useCallback(
    async (reason: 'save' | 'autosave', options: { keepalive?: boolean } = {}): Promise<void> => {
      if (inFlight.current) {
        await inFlight.current;
        if (dirty.current.size === 0 && reason === 'autosave') return;
      }
      const base = server.current;
      if (!base || blocked.current) return;
      if (dirty.current.size === 0 && reason === 'autosave') return;
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      const sent = new Map(dirty.current);
      const patch = collectPatch();
      setStatus('saving');
      const run = (async () => {
        try {
          const input = { id, baseVersion: base.version, patch, reason };
          const keepalive = options.keepalive === true && new TextEncoder().encode(JSON.stringify(input)).length < KEEPALIVE_MAX_BYTES;
          const saved = await api.call('articles.update', input, { keepalive });
          server.current = saved;
          for (const [key, at] of sent) if (dirty.current.get(key) === at) dirty.current.delete(key);
          setArticle(saved);
          if (dirty.current.size === 0) {
            dropBackup();
            markSaved(new Date());
          } else {
            setStatus('dirty');
            schedule(AUTOSAVE_DELAY_MS);
          }
        } catch (error) {
          backup();
          if (error instanceof ApiError && error.code === 'CONFLICT') {
            blocked.current = true;
            setConflict((error.details as { current: Article }).current);
            setStatus('conflict');
          } else if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
            setStatus('error', error.message);
          } else {
            setStatus('error', errorText(error));
            schedule(RETRY_DELAY_MS);
          }
        }
      })();
      inFlight.current = run;
      try {
        await run;
      } finally {
        if (inFlight.current === run) inFlight.current = null;
      }
    },
    [id, collectPatch, backup, dropBackup, schedule, setStatus, markSaved],
  );
  const saveRef = useRef(save);
  saveRef.current = save;

  const touch = useCallback(
    (key: FieldKey) => {
      seq.current += 1;
      dirty.current.set(key, seq.current);
      // Every keystroke lands here: telling the status bar again what it shows would re-render it.
      if (useSaveState.getState().status !== 'dirty') setStatus('dirty');
      if (!blocked.current) schedule(AUTOSAVE_DELAY_MS);
    },
    [schedule, setStatus],
  );

  useEffect(() => {
    let cancelled = false;
    setStatus('idle');
    api
      .call('articles.get', { id })
      .then((loaded) => {
        if (cancelled) return;
        server.current = loaded;
        setArticle(loaded);
        const stored = userId === null ? null : readBackup(userId, id);
        if (stored && Object.keys(stored.patch).length > 0) setRecovered(stored);
      })
      .catch((error: unknown) => !cancelled && setLoadError(errorText(error)));
    return () => {
      cancelled = true;
    };
  }, [id, userId, setStatus]);

  // Leaving the screen saves what is pending; the backup covers a save that cannot land.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (dirty.current.size > 0 && !blocked.current) {
        backup();
        void saveRef.current('autosave');
      }
    },
    [backup],
  );

  const conflictRef = useRef<Article | null>(null);
  conflictRef.current = conflict;
  const recoveredRef = useRef<DraftBackup | null>(null);
  recoveredRef.current = recovered;

  const setField = useCallback(
    <K extends FieldKey>(key: K, value: ArticleFields[K]) => {
      local.current[key] = value;
      touch(key);
    },
    [touch],
  );
  const markBodyDirty = useCallback(() => touch('body'), [touch]);
  const flush = useCallback(
    async (options: { unloading?: boolean } = {}) => {
      if (dirty.current.size > 0 || inFlight.current) await save('autosave', { keepalive: options.unloading === true });
    },
    [save],
  );
  const hasUnsaved = useCallback(() => dirty.current.size > 0 || inFlight.current !== null, []);

  const adopt = useCallback(
    (next: Article) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      server.current = next;
      dirty.current.clear();
      local.current = {};
      dropBackup();
      setArticle({ ...next });
      markSaved(new Date());
    },
    [dropBackup, markSaved],
  );

  const rebase = useCallback((next: Article) => {
    server.current = next;
    setArticle(next);
  }, []);

  const absorb = useCallback(
    (fresh: Article): Partial<ArticleFields> => {
      const before = server.current;
      const shown: Partial<ArticleFields> = {};
      for (const key of Object.keys(fresh) as FieldKey[]) {
        if (!dirty.current.has(key) && (!before || JSON.stringify(before[key]) !== JSON.stringify(fresh[key]))) {
          (shown as Record<string, unknown>)[key] = fresh[key];
        }
      }
      if (dirty.current.size === 0 && inFlight.current === null && !blocked.current) adopt(fresh);
      else setArticle((current) => (current ? { ...current, status: fresh.status } : current));
      return shown;
    },
    [adopt],
  );

  const baseVersion = useCallback(() => server.current?.version ?? null, []);

  const resolveConflict = useCallback(
    async ({ choice, fields }: ConflictResolution) => {
      const theirs = conflictRef.current;
      if (!theirs) return;
      blocked.current = false;
      setConflict(null);
      adopt(theirs);
      if (choice === 'theirs') return;
      for (const key of Object.keys(fields) as FieldKey[]) {
        (local.current as Record<string, unknown>)[key] = fields[key];
        seq.current += 1;
        dirty.current.set(key, seq.current);
      }
      setArticle({ ...theirs, ...fields });
      await save('save');
    },
    [adopt, save],
  );

  const applyRecovered = useCallback(
    (apply: boolean) => {
      const stored = recoveredRef.current;
      setRecovered(null);
      if (!stored || !server.current) return;
      if (!apply) {
        dropBackup();
        return;
      }
      setArticle({ ...server.current, ...stored.patch });
      for (const key of Object.keys(stored.patch) as FieldKey[]) {
        (local.current as Record<string, unknown>)[key] = (stored.patch as Record<string, unknown>)[key];
        touch(key);
      }
    },
    [dropBackup, touch],
  );

  useEffect(
    () =>
      registerOpenDraft({
        articleId: id,
        flush: () => flush(),
        hasUnsaved,
        discard: () => {
          if (timer.current) clearTimeout(timer.current);
          timer.current = null;
          dirty.current.clear();
          local.current = {};
          dropBackup();
        },
      }),
    [id, flush, hasUnsaved, dropBackup],
  );

  return useMemo(
    () => ({
      article,
      loadError,
      conflict,
      recovered,
      setField,
      markBodyDirty,
      save,
      flush,
      pendingFields: collectPatch,
      resolveConflict,
      adopt,
      rebase,
      absorb,
      baseVersion,
      applyRecovered,
      hasUnsaved,
    }),
    [article, loadError, conflict, recovered, setField, markBodyDirty, save, flush, collectPatch, resolveConflict, adopt, rebase, absorb, baseVersion, applyRecovered, hasUnsaved],
  );
}
