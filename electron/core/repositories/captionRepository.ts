import type { Db } from '../db/connection';
import type { ImportedCaption } from '../../../shared/api/methods/photos';

/** Captions imported with a story's copy, until a photo linked to the story takes them. */
export class CaptionRepository {
  constructor(private readonly db: Db) {}

  insert(articleId: string, captions: readonly { id: string; text: string; credit: string }[], userId: string, now: string): void {
    const insert = this.db.prepare(
      'INSERT INTO article_captions (id, article_id, position, text, credit, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    captions.forEach((c, position) => insert.run(c.id, articleId, position, c.text, c.credit, now, userId));
  }

  /** The story's captions no photo has taken yet, in the order of the copy. */
  waiting(articleId: string): ImportedCaption[] {
    return this.db
      .prepare('SELECT id, text, credit FROM article_captions WHERE article_id = ? AND photo_id IS NULL ORDER BY position')
      .all(articleId) as ImportedCaption[];
  }

  takenBy(captionId: string, photoId: string): void {
    this.db.prepare('UPDATE article_captions SET photo_id = ? WHERE id = ? AND photo_id IS NULL').run(photoId, captionId);
  }
}
