import type { Db } from '../db/connection';
import type { CreditKind } from '../../../shared/article/credits';
import { searchTextOf } from '../../../shared/photos/metadata';

export interface PhotoRecord {
  id: string;
  sha256: string;
  file: string;
  originalName: string;
  mime: string;
  width: number;
  height: number;
  caption: string;
  creditKind: CreditKind;
  photographers: string[];
  isLead: boolean;
}

interface PhotoRow {
  id: string;
  sha256: string;
  file: string;
  original_name: string;
  mime: string;
  width: number;
  height: number;
  caption: string;
  credit_kind: string;
  photographers: string;
  is_lead: number;
}

export interface NewPhotoRow extends Omit<PhotoRecord, 'isLead'> {
  bytes: number;
  metadata: string;
  dateCreated: string | null;
  searchText: string;
  userId: string | null;
  now: string;
}

function insertPhotoRow(db: Db, photo: NewPhotoRow): void {
  db.prepare(
    `INSERT INTO photos (id, sha256, file, original_name, mime, width, height, bytes, caption, credit_kind, photographers,
      metadata, date_created, search_text, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    photo.id,
    photo.sha256,
    photo.file,
    photo.originalName,
    photo.mime,
    photo.width,
    photo.height,
    photo.bytes,
    photo.caption,
    photo.creditKind,
    JSON.stringify(photo.photographers),
    photo.metadata,
    photo.dateCreated,
    photo.searchText,
    photo.now,
    photo.userId,
    photo.now,
    photo.userId,
  );
}

export class PhotoRepository {
  constructor(private readonly db: Db) {}

  /** A photo with its caption and credit but no metadata read from a file (the demo's drawn photo). */
  insert(photo: Omit<PhotoRecord, 'isLead'> & { bytes: number; userId: string | null; now: string }): void {
    insertPhotoRow(this.db, {
      ...photo,
      metadata: '{}',
      dateCreated: null,
      searchText: searchTextOf({ creators: [], keywords: [] }, photo.caption, photo.photographers),
    });
  }

  link(articleId: string, photoId: string, position: number, isLead: boolean, crop: string | null): void {
    this.db
      .prepare('INSERT INTO article_photos (article_id, photo_id, position, is_lead, crop) VALUES (?, ?, ?, ?, ?)')
      .run(articleId, photoId, position, isLead ? 1 : 0, crop);
  }

  /** The crop a story runs the photo in; false when it did not change. */
  setUseCrop(articleId: string, photoId: string, crop: string | null): boolean {
    return this.db.prepare('UPDATE article_photos SET crop = ? WHERE article_id = ? AND photo_id = ? AND crop IS NOT ?').run(crop, articleId, photoId, crop).changes > 0;
  }

  forArticle(articleId: string): (PhotoRecord & { crop: string | null })[] {
    const rows = this.db
      .prepare(
        `SELECT p.*, ap.is_lead, ap.crop AS use_crop FROM article_photos ap JOIN photos p ON p.id = ap.photo_id
         WHERE ap.article_id = ? AND p.deleted_at IS NULL ORDER BY ap.position`,
      )
      .all(articleId) as (PhotoRow & { use_crop: string | null })[];
    return rows.map((row) => ({ ...toRecord(row), crop: row.use_crop }));
  }

  /** One photo on its own, as a page's photo slot holds it. */
  record(id: string): PhotoRecord | null {
    const row = this.db.prepare('SELECT p.*, 0 AS is_lead FROM photos p WHERE p.id = ? AND p.deleted_at IS NULL').get(id) as PhotoRow | undefined;
    return row ? toRecord(row) : null;
  }
}

function toRecord(row: PhotoRow): PhotoRecord {
  return {
    id: row.id,
    sha256: row.sha256,
    file: row.file,
    originalName: row.original_name,
    mime: row.mime,
    width: row.width,
    height: row.height,
    caption: row.caption,
    creditKind: row.credit_kind as CreditKind,
    photographers: JSON.parse(row.photographers) as string[],
    isLead: row.is_lead === 1,
  };
}

/** A photo with everything the library and the caption editor show. */
export interface LibraryPhotoRow extends PhotoRow {
  version: number;
  bytes: number;
  metadata: string;
  date_created: string | null;
  rotation: number;
  crops: string;
  created_at: string;
  use_count: number;
}

export interface PhotoFilter {
  query?: string;
  dateFrom?: string;
  dateTo?: string;
  usage: 'all' | 'used' | 'unused';
  offset: number;
  limit: number;
}

/** A photo is used when a live story carries it or a page's photo slot holds it (page_slots, migration 006). */
const LIVE_LINKS = `((SELECT count(*) FROM article_photos ap JOIN articles a ON a.id = ap.article_id WHERE ap.photo_id = p.id AND a.deleted_at IS NULL)
  + (SELECT count(*) FROM page_slots s WHERE s.photo_id = p.id))`;

/** The library's queries: search, filters, uses and edits of the photo desk. */
export class PhotoLibraryRepository {
  constructor(private readonly db: Db) {}

  insertImported(photo: NewPhotoRow): void {
    insertPhotoRow(this.db, photo);
  }

  idBySha(sha256: string): string | null {
    const row = this.db.prepare('SELECT id FROM photos WHERE sha256 = ? AND deleted_at IS NULL').get(sha256) as { id: string } | undefined;
    return row?.id ?? null;
  }

  get(id: string): LibraryPhotoRow | null {
    const row = this.db.prepare(`SELECT p.*, 0 AS is_lead, ${LIVE_LINKS} AS use_count FROM photos p WHERE p.id = ? AND p.deleted_at IS NULL`).get(id);
    return (row as LibraryPhotoRow | undefined) ?? null;
  }

  list(filter: PhotoFilter): { rows: LibraryPhotoRow[]; total: number } {
    const where = ['p.deleted_at IS NULL'];
    const params: (string | number)[] = [];
    const query = filter.query?.trim().toLowerCase();
    if (query) {
      // instr, not LIKE: a % or _ typed in the search box is a character, not a wildcard.
      where.push('instr(p.search_text, ?) > 0');
      params.push(query);
    }
    // The day a photo was taken, or the day it arrived when the file does not say.
    const day = 'substr(coalesce(p.date_created, p.created_at), 1, 10)';
    if (filter.dateFrom) {
      where.push(`${day} >= ?`);
      params.push(filter.dateFrom);
    }
    if (filter.dateTo) {
      where.push(`${day} <= ?`);
      params.push(filter.dateTo);
    }
    if (filter.usage === 'used') where.push(`${LIVE_LINKS} > 0`);
    if (filter.usage === 'unused') where.push(`${LIVE_LINKS} = 0`);
    const clause = where.join(' AND ');
    const total = (this.db.prepare(`SELECT count(*) AS n FROM photos p WHERE ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT p.*, 0 AS is_lead, ${LIVE_LINKS} AS use_count FROM photos p WHERE ${clause} ORDER BY p.created_at DESC, p.id DESC LIMIT ? OFFSET ?`)
      .all(...params, filter.limit, filter.offset) as LibraryPhotoRow[];
    return { rows, total };
  }

  uses(photoId: string): { articleId: string; headline: string; isLead: boolean }[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.headline, ap.is_lead FROM article_photos ap JOIN articles a ON a.id = ap.article_id
         WHERE ap.photo_id = ? AND a.deleted_at IS NULL ORDER BY a.updated_at DESC`,
      )
      .all(photoId) as { id: string; headline: string; is_lead: number }[];
    return rows.map((r) => ({ articleId: r.id, headline: r.headline, isLead: r.is_lead === 1 }));
  }

  /** Pages whose photo slots hold the photo, newest edition first. */
  placements(photoId: string): { editionDate: string; pageNumber: number; pageName: string }[] {
    return this.db
      .prepare(
        `SELECT e.date AS editionDate, pg.number AS pageNumber, pg.name AS pageName FROM page_slots s
         JOIN pages pg ON pg.id = s.page_id JOIN editions e ON e.id = pg.edition_id
         WHERE s.photo_id = ? ORDER BY e.date DESC, pg.number`,
      )
      .all(photoId) as { editionDate: string; pageNumber: number; pageName: string }[];
  }

  /** Optimistic concurrency: false when the row moved on since `version`. */
  updateCaption(p: { id: string; version: number; caption: string; creditKind: CreditKind; photographers: string[]; searchText: string; userId: string; now: string }): boolean {
    return (
      this.db
        .prepare(
          `UPDATE photos SET caption = ?, credit_kind = ?, photographers = ?, search_text = ?, version = version + 1, updated_at = ?, updated_by = ?
           WHERE id = ? AND version = ? AND deleted_at IS NULL`,
        )
        .run(p.caption, p.creditKind, JSON.stringify(p.photographers), p.searchText, p.now, p.userId, p.id, p.version).changes === 1
    );
  }

  updateCrops(p: { id: string; version: number; rotation: number; crops: string; userId: string; now: string }): boolean {
    return (
      this.db
        .prepare(`UPDATE photos SET rotation = ?, crops = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ? AND deleted_at IS NULL`)
        .run(p.rotation, p.crops, p.now, p.userId, p.id, p.version).changes === 1
    );
  }

  isLinked(articleId: string, photoId: string): boolean {
    return this.db.prepare('SELECT 1 FROM article_photos WHERE article_id = ? AND photo_id = ?').get(articleId, photoId) !== undefined;
  }

  nextPosition(articleId: string): number {
    const row = this.db.prepare('SELECT coalesce(max(position), -1) + 1 AS n FROM article_photos WHERE article_id = ?').get(articleId) as { n: number };
    return row.n;
  }

  hasLead(articleId: string): boolean {
    return this.db.prepare('SELECT 1 FROM article_photos WHERE article_id = ? AND is_lead = 1').get(articleId) !== undefined;
  }

  /** Whether there was a link to remove. */
  unlink(articleId: string, photoId: string): boolean {
    return this.db.prepare('DELETE FROM article_photos WHERE article_id = ? AND photo_id = ?').run(articleId, photoId).changes > 0;
  }

  /** Exactly one lead photo per story. */
  setLead(articleId: string, photoId: string): void {
    this.db.prepare('UPDATE article_photos SET is_lead = (photo_id = ?) WHERE article_id = ?').run(photoId, articleId);
  }

  /** After the lead is unlinked, the first remaining photo leads. */
  ensureLead(articleId: string): void {
    if (this.hasLead(articleId)) return;
    this.db.prepare('UPDATE article_photos SET is_lead = 1 WHERE article_id = ? AND position = (SELECT min(position) FROM article_photos WHERE article_id = ?)').run(articleId, articleId);
  }
}
