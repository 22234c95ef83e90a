import type { ArticleFields } from '../../../shared/domain/article';

/**
 * A copy of unacknowledged edits in the window's own storage: if the main
 * side is unreachable or the window dies before a save lands, the next open
 * offers the text back instead of losing it. Each copy belongs to the user who
 * typed it: a workstation is shared across a night, and someone else must never
 * be offered (and then save under their own name) another person's text.
 */
export interface DraftBackup {
  baseVersion: number;
  patch: Partial<ArticleFields>;
  at: string;
}

const PREFIX = 'newsroom.draft.';
const key = (userId: string, articleId: string) => `${PREFIX}${userId}.${articleId}`;

function storedKeys(): string[] {
  try {
    return Object.keys(localStorage).filter((k) => k.startsWith(PREFIX));
  } catch {
    return [];
  }
}

export function writeBackup(userId: string, articleId: string, backup: DraftBackup): void {
  try {
    localStorage.setItem(key(userId, articleId), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the server save is still the primary path.
  }
}

export function readBackup(userId: string, articleId: string): DraftBackup | null {
  try {
    const raw = localStorage.getItem(key(userId, articleId));
    return raw ? (JSON.parse(raw) as DraftBackup) : null;
  } catch {
    return null;
  }
}

export function clearBackup(userId: string, articleId: string): void {
  try {
    localStorage.removeItem(key(userId, articleId));
  } catch {
    // Nothing to clear.
  }
}

/** The stories whose unsaved edits this user has in this window's storage. */
export function backedUpStories(userId: string): string[] {
  const own = `${PREFIX}${userId}.`;
  return storedKeys()
    .filter((k) => k.startsWith(own))
    .map((k) => k.slice(own.length));
}

/**
 * At sign-out: this user's copies, and those written before copies were tied to a user
 * (`newsroom.draft.<story>`), which nobody can be offered.
 */
export function clearBackupsOf(userId: string): void {
  const own = `${PREFIX}${userId}.`;
  for (const k of storedKeys()) {
    if (!k.startsWith(own) && k.slice(PREFIX.length).includes('.')) continue;
    try {
      localStorage.removeItem(k);
    } catch {
      // Nothing to clear.
    }
  }
}
