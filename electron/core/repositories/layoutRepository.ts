import type { Store } from '../store/store';
import type { PageTemplate } from '../../../shared/layout/geometry';
import type { EditionSummary, LayoutPage, LayoutSlot, SlotKind, TemplateRow } from '../../../shared/layout/board';
import { EMPTY_PAGE_CREDITS, type PageCredits } from '../../../shared/paper/masthead';

interface SlotRow {
  id: string;
  page_id: string;
  kind: string;
  col: number;
  line: number;
  columns: number;
  lines: number;
  text_columns: number | null;
  article_id: string | null;
  photo_id: string | null;
  photo_columns: number | null;
  continues_from: string | null;
  headline_pt: string;
  label: string;
  version: number;
}

export type PageRow = Pick<LayoutPage, 'id' | 'editionId' | 'number' | 'name' | 'templateId' | 'colour' | 'status' | 'credits' | 'version'>;

export interface PageSignoffRow {
  pageId: string;
  at: string;
  userName: string;
  digest: string;
}

function toSlot(r: SlotRow): LayoutSlot {
  return {
    id: r.id,
    pageId: r.page_id,
    kind: r.kind as SlotKind,
    col: r.col,
    line: r.line,
    columns: r.columns,
    lines: r.lines,
    textColumns: r.text_columns,
    articleId: r.article_id,
    photoId: r.photo_id,
    photoColumns: r.photo_columns,
    continuesFrom: r.continues_from,
    headlinePt: JSON.parse(r.headline_pt) as number[],
    label: r.label,
    version: r.version,
  };
}

const PAGE_COLUMNS = 'id, edition_id AS "editionId", number, name, template_id AS "templateId", colour, status, credits, version';

type StoredPage = Omit<PageRow, 'colour' | 'credits'> & { colour: number; credits: string };

function toPage(r: StoredPage): PageRow {
  return { ...r, colour: r.colour === 1, credits: { ...EMPTY_PAGE_CREDITS, ...(JSON.parse(r.credits) as Partial<PageCredits>) } };
}

export type SlotWrite = Omit<LayoutSlot, 'version' | 'pageId'> & { pageId: string };

/** Editions, pages, templates, slots and page sign-offs: plain reads and writes, the rules live in LayoutService. */
export class LayoutRepository {
  constructor(private readonly store: Store) {}

  async templates(): Promise<TemplateRow[]> {
    const rows = await this.store.all<{ id: string; name: string; spec: string; version: number }>('SELECT id, name, spec, version FROM page_templates ORDER BY name');
    return rows.map((r) => ({ id: r.id, name: r.name, spec: { ...(JSON.parse(r.spec) as PageTemplate), id: r.id }, version: r.version }));
  }

  async insertTemplate(id: string, spec: PageTemplate, userId: string, now: string): Promise<void> {
    await this.store.run('INSERT INTO page_templates (id, name, spec, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)', [
      id,
      spec.name,
      JSON.stringify({ ...spec, id }),
      now,
      now,
      userId,
    ]);
  }

  async updateTemplate(id: string, baseVersion: number, spec: PageTemplate, userId: string, now: string): Promise<boolean> {
    const changes = await this.store.run('UPDATE page_templates SET name = ?, spec = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?', [
      spec.name,
      JSON.stringify({ ...spec, id }),
      now,
      userId,
      id,
      baseVersion,
    ]);
    return changes === 1;
  }

  async editions(): Promise<EditionSummary[]> {
    return this.store.all<EditionSummary>(
      `SELECT e.id, e.date, e.issue_number AS "issueNumber", e.version, (SELECT COUNT(*) FROM pages p WHERE p.edition_id = e.id) AS "pageCount"
       FROM editions e ORDER BY e.date DESC`,
    );
  }

  async editionByDate(date: string): Promise<EditionSummary | null> {
    return (await this.editions()).find((e) => e.date === date) ?? null;
  }

  async editionById(id: string): Promise<EditionSummary | null> {
    return (await this.editions()).find((e) => e.id === id) ?? null;
  }

  async insertEdition(id: string, date: string, issueNumber: number, userId: string, now: string): Promise<void> {
    await this.store.run('INSERT INTO editions (id, date, issue_number, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)', [
      id,
      date,
      issueNumber,
      now,
      now,
      userId,
    ]);
  }

  async pages(editionId: string): Promise<PageRow[]> {
    const rows = await this.store.all<StoredPage>(`SELECT ${PAGE_COLUMNS} FROM pages WHERE edition_id = ? ORDER BY number`, [editionId]);
    return rows.map(toPage);
  }

  /** Pages not yet printed that hold a story, newest edition first: what the 校对 and the chief still have to do. */
  async openPagesWithStories(limit: number): Promise<{ id: string; editionId: string }[]> {
    return this.store.all<{ id: string; editionId: string }>(
      `SELECT p.id, p.edition_id AS "editionId" FROM pages p JOIN editions e ON e.id = p.edition_id
       WHERE p.status <> 'printed' AND EXISTS (SELECT 1 FROM page_slots s WHERE s.page_id = p.id AND s.article_id IS NOT NULL)
       ORDER BY e.date DESC, p.number LIMIT ?`,
      [limit],
    );
  }

  async page(id: string): Promise<PageRow | null> {
    const row = await this.store.get<StoredPage>(`SELECT ${PAGE_COLUMNS} FROM pages WHERE id = ?`, [id]);
    return row ? toPage(row) : null;
  }

  async insertPage(p: Omit<PageRow, 'version' | 'credits'>, userId: string, now: string): Promise<void> {
    await this.store.run(
      'INSERT INTO pages (id, edition_id, number, name, template_id, colour, status, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [p.id, p.editionId, p.number, p.name, p.templateId, p.colour ? 1 : 0, p.status, now, now, userId],
    );
  }

  async updatePage(p: Omit<PageRow, 'version' | 'editionId' | 'number'>, userId: string, now: string): Promise<void> {
    await this.store.run('UPDATE pages SET name = ?, template_id = ?, colour = ?, status = ?, credits = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?', [
      p.name,
      p.templateId,
      p.colour ? 1 : 0,
      p.status,
      JSON.stringify(p.credits),
      now,
      userId,
      p.id,
    ]);
  }

  /** Numbers pages 1…n in the given order; two passes because (edition, number) is unique at every step. */
  async renumber(orderedIds: readonly string[], userId: string, now: string): Promise<void> {
    for (const [i, id] of orderedIds.entries()) await this.store.run('UPDATE pages SET number = ? WHERE id = ?', [-(i + 1), id]);
    for (const [i, id] of orderedIds.entries()) {
      await this.store.run('UPDATE pages SET number = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?', [i + 1, now, userId, id]);
    }
  }

  async deletePage(id: string): Promise<void> {
    await this.store.run('DELETE FROM pages WHERE id = ?', [id]);
  }

  async slotsOfPages(pageIds: readonly string[]): Promise<LayoutSlot[]> {
    if (pageIds.length === 0) return [];
    const listed = this.store.anyOf('page_id', pageIds);
    const rows = await this.store.all<SlotRow>(`SELECT * FROM page_slots WHERE ${listed.sql} ORDER BY line, col`, [listed.param]);
    return rows.map(toSlot);
  }

  async slot(id: string): Promise<LayoutSlot | null> {
    const row = await this.store.get<SlotRow>('SELECT * FROM page_slots WHERE id = ?', [id]);
    return row ? toSlot(row) : null;
  }

  async photoExists(id: string): Promise<boolean> {
    return (await this.store.get('SELECT 1 FROM photos WHERE id = ? AND deleted_at IS NULL', [id])) !== undefined;
  }

  /** Dates of the editions holding a slot of the story. */
  async editionDatesOfArticle(articleId: string): Promise<string[]> {
    const rows = await this.store.all<{ date: string }>(
      'SELECT DISTINCT e.date FROM page_slots s JOIN pages p ON p.id = s.page_id JOIN editions e ON e.id = p.edition_id WHERE s.article_id = ? ORDER BY e.date',
      [articleId],
    );
    return rows.map((r) => r.date);
  }

  async slotsOfArticle(articleId: string): Promise<LayoutSlot[]> {
    return (await this.store.all<SlotRow>('SELECT * FROM page_slots WHERE article_id = ?', [articleId])).map(toSlot);
  }

  async insertSlot(s: SlotWrite, userId: string, now: string): Promise<void> {
    await this.store.run(
      `INSERT INTO page_slots (id, page_id, kind, col, line, columns, lines, text_columns, article_id, photo_id, photo_columns,
         continues_from, headline_pt, label, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [s.id, s.pageId, s.kind, s.col, s.line, s.columns, s.lines, s.textColumns, s.articleId, s.photoId, s.photoColumns, s.continuesFrom, JSON.stringify(s.headlinePt), s.label, now, now, userId],
    );
  }

  async updateSlot(s: SlotWrite, baseVersion: number, userId: string, now: string): Promise<boolean> {
    const changes = await this.store.run(
      `UPDATE page_slots SET page_id = ?, col = ?, line = ?, columns = ?, lines = ?, text_columns = ?, photo_id = ?, photo_columns = ?,
         headline_pt = ?, label = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`,
      [s.pageId, s.col, s.line, s.columns, s.lines, s.textColumns, s.photoId, s.photoColumns, JSON.stringify(s.headlinePt), s.label, now, userId, s.id, baseVersion],
    );
    return changes === 1;
  }

  async deleteSlot(id: string): Promise<void> {
    await this.store.run('DELETE FROM page_slots WHERE id = ?', [id]);
  }

  /** Live 签发 revision of each story: the text the board sets. */
  async approvedRevisions(articleIds: readonly string[]): Promise<Map<string, string>> {
    if (articleIds.length === 0) return new Map();
    const listed = this.store.anyOf('article_id', articleIds);
    const rows = await this.store.all<{ article_id: string; revision_id: string }>(
      `SELECT article_id, revision_id FROM workflow_signoffs
       WHERE kind = 'sign' AND superseded_at IS NULL AND ${listed.sql} ORDER BY at`,
      [listed.param],
    );
    return new Map(rows.map((r) => [r.article_id, r.revision_id]));
  }

  /**
   * The board's stories: those planned for the edition's date, those on its pages, and every story
   * approved (签发) and waiting for a page, whatever date it was planned for or none.
   */
  async budgetArticleIds(editionId: string, date: string): Promise<string[]> {
    const rows = await this.store.all<{ id: string }>(
      `SELECT id FROM articles WHERE deleted_at IS NULL AND status <> 'spiked' AND edition_date = ?
       UNION SELECT id FROM articles WHERE deleted_at IS NULL AND status = 'approved'
       UNION SELECT s.article_id FROM page_slots s JOIN pages p ON p.id = s.page_id WHERE p.edition_id = ? AND s.article_id IS NOT NULL`,
      [date, editionId],
    );
    return rows.map((r) => r.id);
  }

  async insertPageSignoff(row: { id: string; pageId: string; userId: string; at: string; digest: string; articles: unknown }): Promise<void> {
    await this.store.run('INSERT INTO page_signoffs (id, page_id, user_id, at, digest, articles) VALUES (?, ?, ?, ?, ?, ?)', [
      row.id,
      row.pageId,
      row.userId,
      row.at,
      row.digest,
      JSON.stringify(row.articles),
    ]);
  }

  async lastPageSignoffs(pageIds: readonly string[]): Promise<Map<string, PageSignoffRow>> {
    if (pageIds.length === 0) return new Map();
    const listed = this.store.anyOf('s.page_id', pageIds);
    const rows = await this.store.all<PageSignoffRow>(
      `SELECT s.page_id AS "pageId", s.at, u.display_name AS "userName", s.digest FROM page_signoffs s JOIN users u ON u.id = s.user_id
       WHERE ${listed.sql} ORDER BY s.at`,
      [listed.param],
    );
    return new Map(rows.map((r) => [r.pageId, r]));
  }
}
