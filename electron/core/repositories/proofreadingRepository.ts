import type { Store } from '../store/store';
import type { PaperWordLists, WordListState } from '../../../shared/api/methods/proofreading';
import { DEFAULT_WORD_LISTS, type WordListEntryMap, type WordListKind } from '../../../shared/style/index';
import type { StoryIgnore } from '../../../shared/proofreading/findings';

const BUILT_IN: { [K in WordListKind]: Array<WordListEntryMap[K]> } = {
  confusable: DEFAULT_WORD_LISTS.confusables,
  careful: DEFAULT_WORD_LISTS.careful,
  exactName: DEFAULT_WORD_LISTS.exactNames,
  placeName: DEFAULT_WORD_LISTS.placeNames,
};

interface WordListRow {
  kind: WordListKind;
  entries: string;
  version: number;
  updated_at: string;
  updated_by_name: string | null;
}

export interface OverrideRow {
  error_keys: string;
  reason: string;
  created_at: string;
  by_name: string;
}

/** The paper's word lists, the findings a story ignores, reviewers' overrides and each story's first check. */
export class ProofreadingRepository {
  constructor(private readonly store: Store) {}

  /** The paper's lists as stored, the built-in list for a kind never edited. */
  async wordLists(): Promise<PaperWordLists> {
    const rows = await this.store.all<WordListRow>(
      `SELECT w.kind, w.entries, w.version, w.updated_at, u.display_name AS updated_by_name
       FROM style_word_lists w LEFT JOIN users u ON u.id = w.updated_by`,
    );
    const byKind = new Map(rows.map((r) => [r.kind, r]));
    const state = <K extends WordListKind>(kind: K): WordListState<K> => {
      const row = byKind.get(kind);
      if (!row) return { kind, entries: BUILT_IN[kind], version: 0, isDefault: true, updatedAt: null, updatedByName: null };
      return {
        kind,
        entries: JSON.parse(row.entries) as Array<WordListEntryMap[K]>,
        version: row.version,
        isDefault: false,
        updatedAt: row.updated_at,
        updatedByName: row.updated_by_name,
      };
    };
    return { confusable: state('confusable'), careful: state('careful'), exactName: state('exactName'), placeName: state('placeName') };
  }

  /** Changes whenever any list is saved: the compiled lists are kept until it does. */
  async wordListsStamp(): Promise<string> {
    const rows = await this.store.all<{ kind: string; version: number }>('SELECT kind, version FROM style_word_lists ORDER BY kind');
    return rows.map((r) => `${r.kind}:${r.version}`).join(',');
  }

  async writeWordList(kind: WordListKind, entries: unknown[], userId: string): Promise<void> {
    const now = new Date().toISOString();
    await this.store.run(
      `INSERT INTO style_word_lists (kind, entries, version, created_at, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?)
       ON CONFLICT (kind) DO UPDATE SET entries = excluded.entries, version = style_word_lists.version + 1,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [kind, JSON.stringify(entries), now, now, userId],
    );
  }

  /** Whether the ignore is new (the same finding ignored twice is recorded once). */
  async insertIgnore(input: { id: string; articleId: string; rule: string; text: string; paragraphHash: string; userId: string }): Promise<boolean> {
    const changes = await this.store.run(
      `INSERT INTO style_ignores (id, article_id, rule, text, paragraph_hash, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [input.id, input.articleId, input.rule, input.text, input.paragraphHash, new Date().toISOString(), input.userId],
    );
    return changes > 0;
  }

  async ignoresOf(articleId: string): Promise<StoryIgnore[]> {
    return this.store.all<StoryIgnore>('SELECT rule, text, paragraph_hash AS "paragraphHash" FROM style_ignores WHERE article_id = ? ORDER BY created_at, id', [articleId]);
  }

  async insertOverride(input: {
    id: string;
    articleId: string;
    articleVersion: number;
    digest: string;
    errorKeys: string[];
    errorCount: number;
    reason: string;
    userId: string;
  }): Promise<void> {
    await this.store.run(
      `INSERT INTO style_overrides (id, article_id, article_version, findings_digest, error_keys, error_count, reason, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [input.id, input.articleId, input.articleVersion, input.digest, JSON.stringify(input.errorKeys), input.errorCount, input.reason, new Date().toISOString(), input.userId],
    );
  }

  /** Newest first. */
  async overridesOf(articleId: string): Promise<OverrideRow[]> {
    return this.store.all<OverrideRow>(
      `SELECT o.error_keys, o.reason, o.created_at, u.display_name AS by_name
       FROM style_overrides o JOIN users u ON u.id = o.created_by
       WHERE o.article_id = ? ORDER BY o.created_at DESC, o.id DESC`,
      [articleId],
    );
  }

  async baseline(articleId: string): Promise<{ occurrences: Record<string, number>; at: string } | null> {
    const row = await this.store.get<{ occurrences: string; created_at: string }>('SELECT occurrences, created_at FROM style_baselines WHERE article_id = ?', [articleId]);
    return row ? { occurrences: JSON.parse(row.occurrences) as Record<string, number>, at: row.created_at } : null;
  }

  async insertBaseline(articleId: string, articleVersion: number, occurrences: Record<string, number>, at: string): Promise<void> {
    await this.store.run('INSERT INTO style_baselines (article_id, article_version, occurrences, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [
      articleId,
      articleVersion,
      JSON.stringify(occurrences),
      at,
    ]);
  }

  /** The pages of an edition, and for each the live stories placed on it in reading order. */
  async editionPages(date: string): Promise<Array<{ id: string; number: number; name: string; articleIds: string[] }>> {
    const pages = await this.store.all<{ id: string; number: number; name: string }>(
      'SELECT p.id, p.number, p.name FROM pages p JOIN editions e ON e.id = p.edition_id WHERE e.date = ? ORDER BY p.number',
      [date],
    );
    const result = [];
    for (const page of pages) {
      const placed = await this.store.all<{ id: string }>(
        `SELECT s.article_id AS id, min(s.line) AS line, min(s.col) AS col FROM page_slots s JOIN articles a ON a.id = s.article_id
         WHERE s.page_id = ? AND a.deleted_at IS NULL GROUP BY s.article_id ORDER BY line, col`,
        [page.id],
      );
      result.push({ ...page, articleIds: placed.map((r) => r.id) });
    }
    return result;
  }
}
