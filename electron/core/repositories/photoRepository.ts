import type { Db } from '../db/connection';
import type { CreditKind } from '../../../shared/article/credits';

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

export class PhotoRepository {
  constructor(private readonly db: Db) {}

  insert(photo: Omit<PhotoRecord, 'isLead'> & { bytes: number; userId: string | null; now: string }): void {
    this.db
      .prepare(
        `INSERT INTO photos (id, sha256, file, original_name, mime, width, height, bytes, caption, credit_kind, photographers,
          created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
        photo.now,
        photo.userId,
        photo.now,
        photo.userId,
      );
  }

  link(articleId: string, photoId: string, position: number, isLead: boolean): void {
    this.db
      .prepare('INSERT INTO article_photos (article_id, photo_id, position, is_lead) VALUES (?, ?, ?, ?)')
      .run(articleId, photoId, position, isLead ? 1 : 0);
  }

  forArticle(articleId: string): PhotoRecord[] {
    const rows = this.db
      .prepare(
        `SELECT p.*, ap.is_lead FROM article_photos ap JOIN photos p ON p.id = ap.photo_id
         WHERE ap.article_id = ? AND p.deleted_at IS NULL ORDER BY ap.position`,
      )
      .all(articleId) as PhotoRow[];
    return rows.map((row) => ({
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
    }));
  }
}
