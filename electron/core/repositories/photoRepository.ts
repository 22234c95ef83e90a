import type { Store } from '../store/store';
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

async function insertPhotoRow(store: Store, photo: NewPhotoRow): Promise<void> {
  await store.run(
    `INSERT INTO photos (id, sha256, file, original_name, mime, width, height, bytes, caption, credit_kind, photographers,
      metadata, date_created, search_text, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
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
    ],
  );
}

export class PhotoRepository {
  constructor(private readonly store: Store) {}

  /** A photo with its caption and credit but no metadata read from a file (the demo's drawn photo). */
  async insert(photo: Omit<PhotoRecord, 'isLead'> & { bytes: number; userId: string | null; now: string }): Promise<void> {
    await insertPhotoRow(this.store, {
      ...photo,
      metadata: '{}',
      dateCreated: null,
      searchText: searchTextOf({ creators: [], keywords: [] }, photo.caption, photo.photographers),
    });
  }

  async link(articleId: string, photoId: string, position: number, isLead: boolean, crop: string | null): Promise<void> {
    await this.store.run('INSERT INTO article_photos (article_id, photo_id, position, is_lead, crop) VALUES (?, ?, ?, ?, ?)', [articleId, photoId, position, isLead ? 1 : 0, crop]);
  }

  /** The crop a story runs the photo in; false when it did not change. */
  async setUseCrop(articleId: string, photoId: string, crop: string | null): Promise<boolean> {
    return (await this.store.run('UPDATE article_photos SET crop = ? WHERE article_id = ? AND photo_id = ? AND crop IS DISTINCT FROM ?', [crop, articleId, photoId, crop])) > 0;
  }

  async forArticle(articleId: string): Promise<(PhotoRecord & { crop: string | null })[]> {
    const rows = await this.store.all<PhotoRow & { use_crop: string | null }>(
      `SELECT p.*, ap.is_lead, ap.crop AS use_crop FROM article_photos ap JOIN photos p ON p.id = ap.photo_id
       WHERE ap.article_id = ? AND p.deleted_at IS NULL ORDER BY ap.position`,
      [articleId],
    );
    return rows.map((row) => ({ ...toRecord(row), crop: row.use_crop }));
  }

  /** One photo on its own, as a page's photo slot holds it. */
  async record(id: string): Promise<PhotoRecord | null> {
    const row = await this.store.get<PhotoRow>('SELECT p.*, 0 AS is_lead FROM photos p WHERE p.id = ? AND p.deleted_at IS NULL', [id]);
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
  constructor(private readonly store: Store) {}

  async insertImported(photo: NewPhotoRow): Promise<void> {
    await insertPhotoRow(this.store, photo);
  }

  async idBySha(sha256: string): Promise<string | null> {
    const row = await this.store.get<{ id: string }>('SELECT id FROM photos WHERE sha256 = ? AND deleted_at IS NULL', [sha256]);
    return row?.id ?? null;
  }

  async get(id: string): Promise<LibraryPhotoRow | null> {
    const row = await this.store.get<LibraryPhotoRow>(`SELECT p.*, 0 AS is_lead, ${LIVE_LINKS} AS use_count FROM photos p WHERE p.id = ? AND p.deleted_at IS NULL`, [id]);
    return row ?? null;
  }

  async list(filter: PhotoFilter): Promise<{ rows: LibraryPhotoRow[]; total: number }> {
    const where = ['p.deleted_at IS NULL'];
    const params: (string | number)[] = [];
    const query = filter.query?.trim().toLowerCase();
    if (query) {
      // strpos, not LIKE: a % or _ typed in the search box is a character, not a wildcard.
      where.push(`${this.store.dialect === 'postgres' ? 'strpos' : 'instr'}(p.search_text, ?) > 0`);
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
    const total = (await this.store.get<{ n: number }>(`SELECT count(*) AS n FROM photos p WHERE ${clause}`, params))!.n;
    const rows = await this.store.all<LibraryPhotoRow>(
      `SELECT p.*, 0 AS is_lead, ${LIVE_LINKS} AS use_count FROM photos p WHERE ${clause} ORDER BY p.created_at DESC, p.id DESC LIMIT ? OFFSET ?`,
      [...params, filter.limit, filter.offset],
    );
    return { rows, total };
  }

  async uses(photoId: string): Promise<{ articleId: string; headline: string; isLead: boolean }[]> {
    const rows = await this.store.all<{ id: string; headline: string; is_lead: number }>(
      `SELECT a.id, a.headline, ap.is_lead FROM article_photos ap JOIN articles a ON a.id = ap.article_id
       WHERE ap.photo_id = ? AND a.deleted_at IS NULL ORDER BY a.updated_at DESC`,
      [photoId],
    );
    return rows.map((r) => ({ articleId: r.id, headline: r.headline, isLead: r.is_lead === 1 }));
  }

  /** Pages whose photo slots hold the photo, newest edition first. */
  async placements(photoId: string): Promise<{ editionDate: string; pageNumber: number; pageName: string }[]> {
    return this.store.all<{ editionDate: string; pageNumber: number; pageName: string }>(
      `SELECT e.date AS "editionDate", pg.number AS "pageNumber", pg.name AS "pageName" FROM page_slots s
       JOIN pages pg ON pg.id = s.page_id JOIN editions e ON e.id = pg.edition_id
       WHERE s.photo_id = ? ORDER BY e.date DESC, pg.number`,
      [photoId],
    );
  }

  /** Optimistic concurrency: false when the row moved on since `version`. */
  async updateCaption(p: { id: string; version: number; caption: string; creditKind: CreditKind; photographers: string[]; searchText: string; userId: string; now: string }): Promise<boolean> {
    const changes = await this.store.run(
      `UPDATE photos SET caption = ?, credit_kind = ?, photographers = ?, search_text = ?, version = version + 1, updated_at = ?, updated_by = ?
       WHERE id = ? AND version = ? AND deleted_at IS NULL`,
      [p.caption, p.creditKind, JSON.stringify(p.photographers), p.searchText, p.now, p.userId, p.id, p.version],
    );
    return changes === 1;
  }

  async updateCrops(p: { id: string; version: number; rotation: number; crops: string; userId: string; now: string }): Promise<boolean> {
    const changes = await this.store.run(
      'UPDATE photos SET rotation = ?, crops = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ? AND deleted_at IS NULL',
      [p.rotation, p.crops, p.now, p.userId, p.id, p.version],
    );
    return changes === 1;
  }

  async isLinked(articleId: string, photoId: string): Promise<boolean> {
    return (await this.store.get('SELECT 1 FROM article_photos WHERE article_id = ? AND photo_id = ?', [articleId, photoId])) !== undefined;
  }

  async nextPosition(articleId: string): Promise<number> {
    return (await this.store.get<{ n: number }>('SELECT coalesce(max(position), -1) + 1 AS n FROM article_photos WHERE article_id = ?', [articleId]))!.n;
  }

  async hasLead(articleId: string): Promise<boolean> {
    return (await this.store.get('SELECT 1 FROM article_photos WHERE article_id = ? AND is_lead = 1', [articleId])) !== undefined;
  }

  /** Whether there was a link to remove. */
  async unlink(articleId: string, photoId: string): Promise<boolean> {
    return (await this.store.run('DELETE FROM article_photos WHERE article_id = ? AND photo_id = ?', [articleId, photoId])) > 0;
  }

  /** Exactly one lead photo per story. */
  async setLead(articleId: string, photoId: string): Promise<void> {
    await this.store.run('UPDATE article_photos SET is_lead = CASE WHEN photo_id = ? THEN 1 ELSE 0 END WHERE article_id = ?', [photoId, articleId]);
  }

  /** After the lead is unlinked, the first remaining photo leads. */
  async ensureLead(articleId: string): Promise<void> {
    if (await this.hasLead(articleId)) return;
    await this.store.run('UPDATE article_photos SET is_lead = 1 WHERE article_id = ? AND position = (SELECT min(position) FROM article_photos WHERE article_id = ?)', [
      articleId,
      articleId,
    ]);
  }
}
