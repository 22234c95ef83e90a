import type { ArticleFields } from '../../../shared/domain/article';

/**
 * A copy of unacknowledged edits in the window's own storage: if the main
 * side is unreachable or the window dies before a save lands, the next open
 * offers the text back instead of losing it.
 */
export interface DraftBackup {
  baseVersion: number;
  patch: Partial<ArticleFields>;
  at: string;
}

const key = (articleId: string) => `newsroom.draft.${articleId}`;

export function writeBackup(articleId: string, backup: DraftBackup): void {
  try {
    localStorage.setItem(key(articleId), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the server save is still the primary path.
  }
}

export function readBackup(articleId: string): DraftBackup | null {
  try {
    const raw = localStorage.getItem(key(articleId));
    return raw ? (JSON.parse(raw) as DraftBackup) : null;
  } catch {
    return null;
  }
}

export function clearBackup(articleId: string): void {
  try {
    localStorage.removeItem(key(articleId));
  } catch {
    // Nothing to clear.
  }
}
