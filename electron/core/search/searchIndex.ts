import type { Db } from '../db/connection';

/**
 * Brings the full-text indexes up to date with every story edited since they were last brought up
 * to date (migration 010), in one transaction. Returns how many stories it indexed.
 */
export function indexPendingStories(db: Db): number {
  // Every search asks first: a read answers it without taking the write lock when nothing waits.
  if (db.prepare('SELECT 1 FROM article_search_pending LIMIT 1').get() === undefined) return 0;
  return db.transaction(() => {
    const moved = db.prepare('INSERT INTO article_search_jobs (article_id) SELECT article_id FROM article_search_pending').run().changes;
    if (moved === 0) return 0;
    db.prepare('DELETE FROM article_search_jobs').run();
    db.prepare('DELETE FROM article_search_pending').run();
    return moved;
  }).immediate();
}
