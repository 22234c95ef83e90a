import type { Store } from '../store/store';
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
  char_start: number;
  char_end: number;
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
    start: row.char_start,
    end: row.char_end,
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

/** Proof marks and finished proof rounds of the page proofs (migration 013). */
export class ProofRepository {
  constructor(private readonly store: Store) {}

  async insertMark(m: MarkWrite): Promise<void> {
    await this.store.run(
      `INSERT INTO proof_marks (id, page_id, round, slot_id, article_id, field, paragraph, char_start, char_end, quote, correction, note, status, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      [m.id, m.pageId, m.round, m.slotId, m.articleId, m.field, m.paragraph, m.start, m.end, m.quote, m.correction, m.note, m.userId, m.at, m.at],
    );
  }

  async mark(id: string): Promise<ProofMark | null> {
    const row = await this.store.get<MarkRow>(`${SELECT_MARK} WHERE m.id = ?`, [id]);
    return row ? toMark(row) : null;
  }

  async marksOfPage(pageId: string): Promise<ProofMark[]> {
    return (await this.store.all<MarkRow>(`${SELECT_MARK} WHERE m.page_id = ? ORDER BY m.created_at, m.id`, [pageId])).map(toMark);
  }

  /** The marks on a story not yet checked off: what the desk still has to do. */
  async openMarksOfArticle(articleId: string): Promise<ProofMark[]> {
    return (await this.store.all<MarkRow>(`${SELECT_MARK} WHERE m.article_id = ? AND m.status <> 'checked' ORDER BY m.created_at, m.id`, [articleId])).map(toMark);
  }

  /** Moves a mark on; false when it changed since `baseVersion`. */
  async setStatus(id: string, baseVersion: number, status: MarkStatus, userId: string, at: string): Promise<boolean> {
    const [who, whoParams] =
      status === 'fixed' ? [', fixed_by = ?, fixed_at = ?', [userId, at]] : status === 'checked' ? [', checked_by = ?, checked_at = ?', [userId, at]] : [', fixed_by = NULL, fixed_at = NULL', []];
    const changes = await this.store.run(`UPDATE proof_marks SET status = ?, version = version + 1, updated_at = ?${who} WHERE id = ? AND version = ?`, [
      status,
      at,
      ...whoParams,
      id,
      baseVersion,
    ]);
    return changes === 1;
  }

  async insertRound(input: { id: string; pageId: string; round: ProofRound; userId: string; at: string; digest: string }): Promise<void> {
    await this.store.run('INSERT INTO proof_rounds (id, page_id, round, user_id, at, digest) VALUES (?, ?, ?, ?, ?, ?)', [input.id, input.pageId, input.round, input.userId, input.at, input.digest]);
  }

  async rounds(pageId: string): Promise<RoundDone[]> {
    const rows = await this.store.all<{ round: number; user_name: string; at: string; digest: string }>(
      'SELECT r.round, u.display_name AS user_name, r.at, r.digest FROM proof_rounds r JOIN users u ON u.id = r.user_id WHERE r.page_id = ? ORDER BY r.at, r.id',
      [pageId],
    );
    return rows.map((r) => ({ round: r.round as ProofRound, userName: r.user_name, at: r.at, digest: r.digest }));
  }
}
