import type { Store } from '../store/store';
import type { ArticleStatus, ArticleSummary } from '../../../shared/domain/article';
import { SIGNOFF_KINDS, SIGNOFF_LEVEL, type RecordedAction, type ReviewLevel, type SignoffKind } from '../../../shared/workflow/machine';
import type { HistoryEntry, Signoff } from '../../../shared/workflow/types';
import { summaryFromRow, type SummaryRow } from './articleRepository';

/** The row behind a WorkflowSummary. */
interface QueueRow extends SummaryRow {
  created_by: string;
}

/**
 * A list row and, beside it, the author's id, which separation of duties needs
 * (beside, not merged: spreading hundreds of rows a read doubled the queue's garbage).
 */
export interface WorkflowSummary {
  summary: ArticleSummary;
  createdBy: string;
}

interface SignoffRow {
  id: string;
  article_id: string;
  kind: string;
  user_id: string;
  user_name: string;
  at: string;
  revision_id: string;
  article_version: number;
  superseded_at: string | null;
  superseded_reason: string | null;
}

interface HistoryRow {
  id: string;
  action: string;
  from_status: string;
  to_status: string;
  user_id: string;
  user_name: string;
  at: string;
  reason: string | null;
  revision_id: string;
  article_version: number;
}

const SUMMARY_SELECT = `SELECT a.id, a.slug, a.desk, a.genre, a.kicker, a.headline, a.status, a.version, a.char_count,
  a.target_chars, a.edition_date, a.page, a.priority, a.updated_at, a.byline_names, a.created_by,
  cu.display_name AS created_by_name, uu.display_name AS updated_by_name
  FROM articles a JOIN users cu ON cu.id = a.created_by JOIN users uu ON uu.id = a.updated_by`;

function toSummary(row: QueueRow): WorkflowSummary {
  return { summary: summaryFromRow(row), createdBy: row.created_by };
}

function toSignoff(row: SignoffRow): Signoff {
  return {
    id: row.id,
    articleId: row.article_id,
    kind: row.kind as SignoffKind,
    userId: row.user_id,
    userName: row.user_name,
    at: row.at,
    revisionId: row.revision_id,
    articleVersion: row.article_version,
    supersededAt: row.superseded_at,
    supersededReason: row.superseded_reason,
  };
}

/** Sign-off kinds that belong to a level other than `level`: holding one bars a reviewer from `level`. */
function otherLevelKinds(level: ReviewLevel): SignoffKind[] {
  return SIGNOFF_KINDS.filter((k) => SIGNOFF_LEVEL[k] !== null && SIGNOFF_LEVEL[k] !== level);
}

export interface StatusChange {
  articleId: string;
  action: RecordedAction;
  from: ArticleStatus;
  to: ArticleStatus;
  userId: string;
  at: string;
  reason: string | null;
  revisionId: string;
  articleVersion: number;
}

export class WorkflowRepository {
  constructor(private readonly store: Store) {}

  /** Returns false when the row moved on from baseVersion. */
  async setStatus(articleId: string, baseVersion: number, status: ArticleStatus, userId: string, at: string): Promise<boolean> {
    const changes = await this.store.run(
      `UPDATE articles SET status = ?, version = version + 1, updated_at = ?, updated_by = ?
       WHERE id = ? AND version = ? AND deleted_at IS NULL`,
      [status, at, userId, articleId, baseVersion],
    );
    return changes === 1;
  }

  async insertHistory(id: string, change: StatusChange): Promise<void> {
    await this.store.run(
      `INSERT INTO workflow_history (id, article_id, action, from_status, to_status, user_id, at, reason, revision_id, article_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, change.articleId, change.action, change.from, change.to, change.userId, change.at, change.reason, change.revisionId, change.articleVersion],
    );
  }

  async insertSignoff(id: string, input: { articleId: string; kind: SignoffKind; userId: string; at: string; revisionId: string; articleVersion: number }): Promise<void> {
    await this.store.run(
      `INSERT INTO workflow_signoffs (id, article_id, kind, user_id, at, revision_id, article_version)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [id, input.articleId, input.kind, input.userId, input.at, input.revisionId, input.articleVersion],
    );
  }

  /** Marks the standing sign-offs of the given kinds (all when null) as voided; returns how many. */
  async supersede(articleId: string, kinds: readonly SignoffKind[] | null, at: string, reason: string): Promise<number> {
    const kindClause = kinds ? ` AND kind IN (${kinds.map(() => '?').join(',')})` : '';
    return this.store.run(`UPDATE workflow_signoffs SET superseded_at = ?, superseded_reason = ? WHERE article_id = ? AND superseded_at IS NULL${kindClause}`, [
      at,
      reason,
      articleId,
      ...(kinds ?? []),
    ]);
  }

  /** The story is in a slot on some page. */
  async onAPage(articleId: string): Promise<boolean> {
    return (await this.store.get('SELECT 1 FROM page_slots WHERE article_id = ? LIMIT 1', [articleId])) !== undefined;
  }

  async liveSignoffs(articleId: string): Promise<{ userId: string; kind: SignoffKind }[]> {
    const rows = await this.store.all<{ user_id: string; kind: string }>('SELECT user_id, kind FROM workflow_signoffs WHERE article_id = ? AND superseded_at IS NULL', [articleId]);
    return rows.map((r) => ({ userId: r.user_id, kind: r.kind as SignoffKind }));
  }

  async liveSignoffsOf(articleIds: readonly string[]): Promise<Map<string, { userId: string; kind: SignoffKind }[]>> {
    const byArticle = new Map<string, { userId: string; kind: SignoffKind }[]>();
    if (articleIds.length === 0) return byArticle;
    const listed = this.store.anyOf('article_id', articleIds);
    const rows = await this.store.all<{ article_id: string; user_id: string; kind: string }>(
      `SELECT article_id, user_id, kind FROM workflow_signoffs WHERE superseded_at IS NULL AND ${listed.sql}`,
      [listed.param],
    );
    for (const row of rows) {
      const list = byArticle.get(row.article_id) ?? [];
      list.push({ userId: row.user_id, kind: row.kind as SignoffKind });
      byArticle.set(row.article_id, list);
    }
    return byArticle;
  }

  async signoffs(articleId: string): Promise<Signoff[]> {
    const rows = await this.store.all<SignoffRow>(
      `SELECT s.*, u.display_name AS user_name FROM workflow_signoffs s JOIN users u ON u.id = s.user_id
       WHERE s.article_id = ? ORDER BY s.at, s.id`,
      [articleId],
    );
    return rows.map(toSignoff);
  }

  async history(articleId: string): Promise<HistoryEntry[]> {
    const rows = await this.store.all<HistoryRow>(
      `SELECT h.*, u.display_name AS user_name FROM workflow_history h JOIN users u ON u.id = h.user_id
       WHERE h.article_id = ? ORDER BY h.at, h.id`,
      [articleId],
    );
    return rows.map((row) => ({
      id: row.id,
      action: row.action as HistoryEntry['action'],
      fromStatus: row.from_status as ArticleStatus,
      toStatus: row.to_status as ArticleStatus,
      userId: row.user_id,
      userName: row.user_name,
      at: row.at,
      reason: row.reason,
      revisionId: row.revision_id,
      articleVersion: row.article_version,
    }));
  }

  /** For drafts sent back by a reviewer: who returned each, when and why (the latest step must be the return). */
  async lastReturns(articleIds: readonly string[]): Promise<Map<string, { byName: string; at: string; reason: string }>> {
    const result = new Map<string, { byName: string; at: string; reason: string }>();
    if (articleIds.length === 0) return result;
    const listed = this.store.anyOf('x.article_id', articleIds);
    // The newest step of each listed story: no later step of the same story exists.
    const rows = await this.store.all<{ article_id: string; action: string; reason: string | null; at: string; by_name: string }>(
      `SELECT h.article_id, h.action, h.reason, h.at, u.display_name AS by_name FROM workflow_history h JOIN users u ON u.id = h.user_id
       WHERE h.id IN (SELECT x.id FROM workflow_history x WHERE ${listed.sql} AND NOT EXISTS (
         SELECT 1 FROM workflow_history y WHERE y.article_id = x.article_id AND (y.at > x.at OR (y.at = x.at AND y.id > x.id))))`,
      [listed.param],
    );
    for (const row of rows) {
      if (row.action === 'return') result.set(row.article_id, { byName: row.by_name, at: row.at, reason: row.reason ?? '' });
    }
    return result;
  }

  /** The user's own stories in `status`: drafts, or stories filed and not yet taken up. */
  async own(userId: string, status: 'draft' | 'submitted', limit: number): Promise<WorkflowSummary[]> {
    // SQLite's unary + keeps it off the status index (thousands of drafts) and on the author's (a handful).
    const column = this.store.dialect === 'sqlite' ? '+a.status' : 'a.status';
    const rows = await this.store.all<QueueRow>(
      `${SUMMARY_SELECT} WHERE a.created_by = ? AND ${column} = ? AND a.deleted_at IS NULL ORDER BY a.updated_at DESC LIMIT ?`,
      [userId, status, limit],
    );
    return rows.map(toSummary);
  }

  /** The user has had this version of the story on screen (migration 013). */
  async recordRead(articleId: string, userId: string, version: number, at: string): Promise<void> {
    const highest = this.store.dialect === 'sqlite' ? 'max(article_reads.version, excluded.version)' : 'GREATEST(article_reads.version, excluded.version)';
    await this.store.run(
      `INSERT INTO article_reads (article_id, user_id, version, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (article_id, user_id) DO UPDATE SET version = ${highest}, at = excluded.at`,
      [articleId, userId, version, at],
    );
  }

  /** The stories among `articleIds` whose current text (headline stack and body side) the user has opened. */
  async seenBy(userId: string, articleIds: readonly string[]): Promise<Set<string>> {
    if (articleIds.length === 0) return new Set();
    const listed = this.store.anyOf('a.id', articleIds);
    const changed = this.store.dialect === 'sqlite' ? 'max(a.headline_changed, a.body_changed)' : 'GREATEST(a.headline_changed, a.body_changed)';
    const rows = await this.store.all<{ id: string }>(
      `SELECT a.id FROM articles a JOIN article_reads r ON r.article_id = a.id AND r.user_id = ?
       WHERE ${listed.sql} AND r.version >= ${changed}`,
      [userId, listed.param],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** For filed stories: the first person other than the author who opened each since it was last filed. */
  async openedSinceFiled(articleIds: readonly string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    if (articleIds.length === 0) return result;
    const listed = this.store.anyOf('a.id', articleIds);
    const rows = await this.store.all<{ id: string; name: string | null }>(
      `SELECT a.id, (SELECT u.display_name FROM article_reads r JOIN users u ON u.id = r.user_id
         WHERE r.article_id = a.id AND r.user_id <> a.created_by
           AND r.at >= (SELECT max(h.at) FROM workflow_history h WHERE h.article_id = a.id AND h.action = 'submit')
         ORDER BY r.at LIMIT 1) AS name
       FROM articles a WHERE ${listed.sql}`,
      [listed.param],
    );
    for (const row of rows) if (row.name !== null) result.set(row.id, row.name);
    return result;
  }

  /**
   * Stories waiting in `status`, oldest first within priority. With `duty`,
   * leaves out what separation of duties bars the user from: their own
   * stories and those where they hold a sign-off at another level.
   */
  async waiting(status: ArticleStatus, limit: number, duty: { userId: string; level: ReviewLevel } | null): Promise<WorkflowSummary[]> {
    const dutyClause = duty
      ? `AND a.created_by <> ? AND NOT EXISTS (SELECT 1 FROM workflow_signoffs s WHERE s.article_id = a.id AND s.user_id = ?
           AND s.superseded_at IS NULL AND s.kind IN (${otherLevelKinds(duty.level).map((k) => `'${k}'`).join(',')}))`
      : '';
    const rows = await this.store.all<QueueRow>(
      `${SUMMARY_SELECT} WHERE a.status = ? AND a.deleted_at IS NULL ${dutyClause}
       ORDER BY a.priority, a.updated_at LIMIT ?`,
      duty ? [status, duty.userId, duty.userId, limit] : [status, limit],
    );
    return rows.map(toSummary);
  }

  /** Stories in the pipeline (not yet printed, not spiked), by status and desk, from the counts kept by migration 009. */
  async overview(): Promise<{ status: ArticleStatus; desk: string; n: number }[]> {
    return this.store.all<{ status: ArticleStatus; desk: string; n: number }>(
      `SELECT status, desk, n FROM article_counts
       WHERE n > 0 AND status IN ('draft','submitted','review1','review2','review3','approved','placed','page_signed')`,
    );
  }
}
