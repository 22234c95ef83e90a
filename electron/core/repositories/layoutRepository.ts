import type { Db } from '../db/connection';
import type { PageTemplate } from '../../../shared/layout/geometry';
import type { EditionSummary, LayoutPage, LayoutSlot, SlotKind, TemplateRow } from '../../../shared/layout/board';

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

export type PageRow = Pick<LayoutPage, 'id' | 'editionId' | 'number' | 'name' | 'templateId' | 'colour' | 'status' | 'version'>;

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

const PAGE_COLUMNS = 'id, edition_id AS editionId, number, name, template_id AS templateId, colour, status, version';

function toPage(r: Omit<PageRow, 'colour'> & { colour: number }): PageRow {
  return { ...r, colour: r.colour === 1 };
}

export type SlotWrite = Omit<LayoutSlot, 'version' | 'pageId'> & { pageId: string };

/** Editions, pages, templates, slots and page sign-offs: plain reads and writes, the rules live in LayoutService. */
export class LayoutRepository {
  constructor(private readonly db: Db) {}

  templates(): TemplateRow[] {
    const rows = this.db.prepare('SELECT id, name, spec, version FROM page_templates ORDER BY name').all() as { id: string; name: string; spec: string; version: number }[];
    return rows.map((r) => ({ id: r.id, name: r.name, spec: { ...(JSON.parse(r.spec) as PageTemplate), id: r.id }, version: r.version }));
  }

  insertTemplate(id: string, spec: PageTemplate, userId: string, now: string): void {
    this.db
      .prepare('INSERT INTO page_templates (id, name, spec, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, spec.name, JSON.stringify({ ...spec, id }), now, now, userId);
  }

  updateTemplate(id: string, baseVersion: number, spec: PageTemplate, userId: string, now: string): boolean {
    return (
      this.db
        .prepare('UPDATE page_templates SET name = ?, spec = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?')
        .run(spec.name, JSON.stringify({ ...spec, id }), now, userId, id, baseVersion).changes === 1
    );
  }

  editions(): EditionSummary[] {
    return this.db
      .prepare(
        `SELECT e.id, e.date, e.issue_number AS issueNumber, e.version, (SELECT COUNT(*) FROM pages p WHERE p.edition_id = e.id) AS pageCount
         FROM editions e ORDER BY e.date DESC`,
      )
      .all() as EditionSummary[];
  }

  editionByDate(date: string): EditionSummary | null {
    return (this.editions().find((e) => e.date === date) ?? null);
  }

  editionById(id: string): EditionSummary | null {
    return this.editions().find((e) => e.id === id) ?? null;
  }

  insertEdition(id: string, date: string, issueNumber: number, userId: string, now: string): void {
    this.db
      .prepare('INSERT INTO editions (id, date, issue_number, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, date, issueNumber, now, now, userId);
  }

  pages(editionId: string): PageRow[] {
    const rows = this.db.prepare(`SELECT ${PAGE_COLUMNS} FROM pages WHERE edition_id = ? ORDER BY number`).all(editionId) as (Omit<PageRow, 'colour'> & { colour: number })[];
    return rows.map(toPage);
  }

  /** Pages not yet printed that hold a story, newest edition first: what the 校对 and the chief still have to do. */
  openPagesWithStories(limit: number): { id: string; editionId: string }[] {
    return this.db
      .prepare(
        `SELECT p.id, p.edition_id AS editionId FROM pages p JOIN editions e ON e.id = p.edition_id
         WHERE p.status <> 'printed' AND EXISTS (SELECT 1 FROM page_slots s WHERE s.page_id = p.id AND s.article_id IS NOT NULL)
         ORDER BY e.date DESC, p.number LIMIT ?`,
      )
      .all(limit) as { id: string; editionId: string }[];
  }

  page(id: string): PageRow | null {
    const row = this.db.prepare(`SELECT ${PAGE_COLUMNS} FROM pages WHERE id = ?`).get(id) as (Omit<PageRow, 'colour'> & { colour: number }) | undefined;
    return row ? toPage(row) : null;
  }

  insertPage(p: Omit<PageRow, 'version'>, userId: string, now: string): void {
    this.db
      .prepare('INSERT INTO pages (id, edition_id, number, name, template_id, colour, status, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(p.id, p.editionId, p.number, p.name, p.templateId, p.colour ? 1 : 0, p.status, now, now, userId);
  }

  updatePage(p: Omit<PageRow, 'version' | 'editionId' | 'number'>, userId: string, now: string): void {
    this.db
      .prepare('UPDATE pages SET name = ?, template_id = ?, colour = ?, status = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(p.name, p.templateId, p.colour ? 1 : 0, p.status, now, userId, p.id);
  }

  /** Numbers pages 1…n in the given order; two passes because (edition, number) is unique at every step. */
  renumber(orderedIds: readonly string[], userId: string, now: string): void {
    const park = this.db.prepare('UPDATE pages SET number = ? WHERE id = ?');
    orderedIds.forEach((id, i) => park.run(-(i + 1), id));
    const set = this.db.prepare('UPDATE pages SET number = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?');
    orderedIds.forEach((id, i) => set.run(i + 1, now, userId, id));
  }

  deletePage(id: string): void {
    this.db.prepare('DELETE FROM pages WHERE id = ?').run(id);
  }

  slotsOfPages(pageIds: readonly string[]): LayoutSlot[] {
    if (pageIds.length === 0) return [];
    const rows = this.db
      .prepare('SELECT * FROM page_slots WHERE page_id IN (SELECT value FROM json_each(?)) ORDER BY line, col')
      .all(JSON.stringify(pageIds)) as SlotRow[];
    return rows.map(toSlot);
  }

  slot(id: string): LayoutSlot | null {
    const row = this.db.prepare('SELECT * FROM page_slots WHERE id = ?').get(id) as SlotRow | undefined;
    return row ? toSlot(row) : null;
  }

  photoExists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM photos WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined;
  }

  /** Dates of the editions holding a slot of the story. */
  editionDatesOfArticle(articleId: string): string[] {
    const rows = this.db
      .prepare('SELECT DISTINCT e.date FROM page_slots s JOIN pages p ON p.id = s.page_id JOIN editions e ON e.id = p.edition_id WHERE s.article_id = ? ORDER BY e.date')
      .all(articleId) as { date: string }[];
    return rows.map((r) => r.date);
  }

  slotsOfArticle(articleId: string): LayoutSlot[] {
    return (this.db.prepare('SELECT * FROM page_slots WHERE article_id = ?').all(articleId) as SlotRow[]).map(toSlot);
  }

  insertSlot(s: SlotWrite, userId: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO page_slots (id, page_id, kind, col, line, columns, lines, text_columns, article_id, photo_id, photo_columns,
           continues_from, headline_pt, label, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.id, s.pageId, s.kind, s.col, s.line, s.columns, s.lines, s.textColumns, s.articleId, s.photoId, s.photoColumns, s.continuesFrom, JSON.stringify(s.headlinePt), s.label, now, now, userId);
  }

  updateSlot(s: SlotWrite, baseVersion: number, userId: string, now: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE page_slots SET page_id = ?, col = ?, line = ?, columns = ?, lines = ?, text_columns = ?, photo_id = ?, photo_columns = ?,
             headline_pt = ?, label = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`,
        )
        .run(s.pageId, s.col, s.line, s.columns, s.lines, s.textColumns, s.photoId, s.photoColumns, JSON.stringify(s.headlinePt), s.label, now, userId, s.id, baseVersion).changes === 1
    );
  }

  deleteSlot(id: string): void {
    this.db.prepare('DELETE FROM page_slots WHERE id = ?').run(id);
  }

  /** Live 签发 revision of each story: the text the board sets. */
  approvedRevisions(articleIds: readonly string[]): Map<string, string> {
    if (articleIds.length === 0) return new Map();
    const rows = this.db
      .prepare(
        `SELECT article_id, revision_id FROM workflow_signoffs
         WHERE kind = 'sign' AND superseded_at IS NULL AND article_id IN (SELECT value FROM json_each(?)) ORDER BY at`,
      )
      .all(JSON.stringify(articleIds)) as { article_id: string; revision_id: string }[];
    return new Map(rows.map((r) => [r.article_id, r.revision_id]));
  }

  /** Stories meant for the edition (planned for its date) and every story placed on one of its pages. */
  budgetArticleIds(editionId: string, date: string): string[] {
    const rows = this.db
      .prepare(
        `SELECT id FROM articles WHERE deleted_at IS NULL AND status <> 'spiked' AND edition_date = ?
         UNION SELECT s.article_id FROM page_slots s JOIN pages p ON p.id = s.page_id WHERE p.edition_id = ? AND s.article_id IS NOT NULL`,
      )
      .all(date, editionId) as { id: string }[];
    return rows.map((r) => r.id);
  }

  insertPageSignoff(row: { id: string; pageId: string; userId: string; at: string; digest: string; articles: unknown }): void {
    this.db
      .prepare('INSERT INTO page_signoffs (id, page_id, user_id, at, digest, articles) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.id, row.pageId, row.userId, row.at, row.digest, JSON.stringify(row.articles));
  }

  lastPageSignoffs(pageIds: readonly string[]): Map<string, PageSignoffRow> {
    if (pageIds.length === 0) return new Map();
    const rows = this.db
      .prepare(
        `SELECT s.page_id AS pageId, s.at, u.display_name AS userName, s.digest FROM page_signoffs s JOIN users u ON u.id = s.user_id
         WHERE s.page_id IN (SELECT value FROM json_each(?)) ORDER BY s.at`,
      )
      .all(JSON.stringify(pageIds)) as PageSignoffRow[];
    return new Map(rows.map((r) => [r.pageId, r]));
  }
}
