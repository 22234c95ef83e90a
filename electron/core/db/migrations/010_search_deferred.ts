import { CHANGED, indexArticle, NEXT_DOCID } from './002_search';

/**
 * An edit no longer re-indexes the story's text inside its own transaction: re-tokenizing a long
 * body into both full-text indexes cost more than the rest of a save together. The edit marks the
 * story pending (and keeps the filter columns of article_search_docs current at once); the core
 * indexes pending stories right after the write, and search indexes what is pending before it
 * answers, so a search never misses a saved edit. Inserting a story's id into
 * article_search_jobs performs exactly what the 002 trigger did.
 */
export const sql = `
CREATE TABLE article_search_pending (article_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
CREATE TABLE article_search_jobs (article_id TEXT NOT NULL) STRICT;

DROP TRIGGER article_search_reindex;

CREATE TRIGGER article_search_stale AFTER UPDATE ON articles WHEN ${CHANGED}
BEGIN
  UPDATE article_search_docs SET status = new.status, desk = new.desk, created_by = new.created_by WHERE article_id = new.id;
  INSERT OR IGNORE INTO article_search_pending (article_id) VALUES (new.id);
END;

CREATE TRIGGER article_search_job AFTER INSERT ON article_search_jobs
BEGIN
  DELETE FROM article_search WHERE rowid = (SELECT docid FROM article_search_docs WHERE article_id = new.article_id);
  DELETE FROM article_grams WHERE rowid = (SELECT docid FROM article_search_docs WHERE article_id = new.article_id);
  UPDATE article_search_docs
  SET docid = ${NEXT_DOCID} * (SELECT CASE WHEN r.deleted_at IS NULL THEN 1 ELSE -1 END FROM articles r WHERE r.id = new.article_id),
    updated_at = (SELECT r.updated_at FROM articles r WHERE r.id = new.article_id)
  WHERE article_id = new.article_id;
  ${indexArticle('new.article_id')}
END;
`;
