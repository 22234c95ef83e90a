import type { Db } from '../db/connection';
import type { MarkStatus, ProofMark, ProofRound, RoundDone } from '../../../shared/proofreading/proofDesk';
import type { ProofField } from '../../../shared/layout/proofRuns';

interface MarkRow {
  id: string;
  page_id: string;
  round: number;
  slot_id: string;
  article_id: string;
  headline: string;
  field: string;
  paragraph: number;
  start: number;
  end: number;
  quote: string;
  correction: string;
  note: string;
  status: string;
  created_by_name: string;
  created_at: string;
  fixed_by_name: string | null;
  fixed_at: string | null;
  checked_by_name: string | null;
  checked_at: string | null;
  version: number;
}

const SELECT_MARK = `SELECT m.*, a.headline, cu.display_name AS created_by_name, fu.display_name AS fixed_by_name, ku.display_name AS checked_by_name
  FROM proof_marks m JOIN articles a ON a.id = m.article_id JOIN users cu ON cu.id = m.created_by
  LEFT JOIN users fu ON fu.id = m.fixed_by LEFT JOIN users ku ON ku.id = m.checked_by`;

function toMark(row: MarkRow): ProofMark {
  return {
    id: row.id,
    pageId: row.page_id,
    round: row.round as ProofRound,
    slotId: row.slot_id,
    articleId: row.article_id,
    headline: row.headline,
    field: row.field as ProofField,
    paragraph: row.paragraph,
    start: row.start,
    end: row.end,
    quote: row.quote,
    correction: row.correction,
    note: row.note,
    status: row.status as MarkStatus,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    fixedByName: row.fixed_by_name,
    fixedAt: row.fixed_at,
    checkedByName: row.checked_by_name,
    checkedAt: row.checked_at,
    version: row.version,
  };
}

export interface MarkWrite {
  id: string;
  pageId: string;
  round: ProofRound;
  slotId: string;
  articleId: string;
  field: ProofField;
  paragraph: number;
  start: number;
  end: number;
  quote: string;
  correction: string;
  note: string;
  userId: string;
  at: string;
}

/** Proof marks and finished proof rounds of the page proofs (migration 011). */
export class ProofRepository {
  constructor(private readonly db: Db) {}

  insertMark(m: MarkWrite): void {
    this.db
      .prepare(
        `INSERT INTO proof_marks (id, page_id, round, slot_id, article_id, field, paragraph, start, end, quote, correction, note, status, created_by, created_at, updated_at)
         VALUES (@id, @pageId, @round, @slotId, @articleId, @field, @paragraph, @start, @end, @quote, @correction, @note, 'open', @userId, @at, @at)`,
      )
      .run(m);
  }

  mark(id: string): ProofMark | null {
    const row = this.db.prepare(`${SELECT_MARK} WHERE m.id = ?`).get(id) as MarkRow | undefined;
    return row ? toMark(row) : null;
  }

  marksOfPage(pageId: string): ProofMark[] {
    return (this.db.prepare(`${SELECT_MARK} WHERE m.page_id = ? ORDER BY m.created_at, m.id`).all(pageId) as MarkRow[]).map(toMark);
  }

  /** The marks on a story not yet checked off, newest page first: what the desk still has to do. */
  openMarksOfArticle(articleId: string): ProofMark[] {
    return (this.db.prepare(`${SELECT_MARK} WHERE m.article_id = ? AND m.status <> 'checked' ORDER BY m.created_at, m.id`).all(articleId) as MarkRow[]).map(toMark);
  }

  /** Moves a mark on; false when it changed since `baseVersion`. */
  setStatus(id: string, baseVersion: number, status: MarkStatus, userId: string, at: string): boolean {
    const who = status === 'fixed' ? ', fixed_by = @userId, fixed_at = @at' : status === 'checked' ? ', checked_by = @userId, checked_at = @at' : ', fixed_by = NULL, fixed_at = NULL';
    return (
      this.db
        .prepare(`UPDATE proof_marks SET status = @status, version = version + 1, updated_at = @at${who} WHERE id = @id AND version = @baseVersion`)
        .run({ id, baseVersion, status, userId, at }).changes === 1
    );
  }

  insertRound(input: { id: string; pageId: string; round: ProofRound; userId: string; at: string; digest: string }): void {
    this.db.prepare('INSERT INTO proof_rounds (id, page_id, round, user_id, at, digest) VALUES (@id, @pageId, @round, @userId, @at, @digest)').run(input);
  }

  rounds(pageId: string): RoundDone[] {
    return (
      this.db
        .prepare('SELECT r.round, u.display_name AS userName, r.at, r.digest FROM proof_rounds r JOIN users u ON u.id = r.user_id WHERE r.page_id = ? ORDER BY r.at, r.id')
        .all(pageId) as { round: number; userName: string; at: string; digest: string }[]
    ).map((r) => ({ ...r, round: r.round as ProofRound }));
  }
}
