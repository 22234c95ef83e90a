/**
 * The stories open for editing in this window, so signing out can save their pending edits first
 * (renderer/src/stores/sessionStore.ts) rather than leave them to a local copy.
 */
export interface OpenDraft {
  articleId: string;
  flush(): Promise<void>;
  hasUnsaved(): boolean;
  /** Drops the pending edits, and with them the copy the editor would write when it closes. */
  discard(): void;
}

const open = new Set<OpenDraft>();

export function registerOpenDraft(draft: OpenDraft): () => void {
  open.add(draft);
  return () => open.delete(draft);
}

/** Saves every open story's pending edits; returns the stories still unsaved afterwards. */
export async function saveOpenDrafts(): Promise<string[]> {
  const drafts = [...open];
  await Promise.allSettled(drafts.map((draft) => draft.flush()));
  return drafts.filter((draft) => draft.hasUnsaved()).map((draft) => draft.articleId);
}

export function discardOpenDrafts(): void {
  for (const draft of open) draft.discard();
}
