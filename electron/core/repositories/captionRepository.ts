import type { Store } from '../store/store';
import type { ImportedCaption } from '../../../shared/api/methods/photos';

/** Captions imported with a story's copy, until a photo linked to the story takes them. */
export class CaptionRepository {
  constructor(private readonly store: Store) {}

  async insert(articleId: string, captions: readonly { id: string; text: string; credit: string }[], userId: string, now: string): Promise<void> {
    for (const [position, c] of captions.entries()) {
      await this.store.run('INSERT INTO article_captions (id, article_id, position, text, credit, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        c.id,
        articleId,
        position,
        c.text,
        c.credit,
        now,
        userId,
      ]);
    }
  }

  /** The story's captions no photo has taken yet, in the order of the copy. */
  waiting(articleId: string): Promise<ImportedCaption[]> {
    return this.store.all<ImportedCaption>('SELECT id, text, credit FROM article_captions WHERE article_id = ? AND photo_id IS NULL ORDER BY position', [articleId]);
  }

  async takenBy(captionId: string, photoId: string): Promise<void> {
    await this.store.run('UPDATE article_captions SET photo_id = ? WHERE id = ? AND photo_id IS NULL', [photoId, captionId]);
  }
}
