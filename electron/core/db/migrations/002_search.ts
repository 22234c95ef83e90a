/**
 * Article search: a trigram full-text index plus a compact row per article
 * with what search filters and sorts on.
 *
 * article_search_docs gives each article a stable integer docid (its own
 * INTEGER PRIMARY KEY, so VACUUM cannot renumber it the way it may renumber
 * the articles table's implicit rowids) and copies the handful of short
 * columns search filters on: reading them from `articles` would walk each
 * row's overflow pages, since they sit after the body.
 *
 * article_search is contentless (contentless_delete): an edit drops the old
 * entry by docid instead of re-tokenizing the old text, and the text is not
 * stored twice. Every column ends in two U+E002 pads, so each occurrence of a
 * one- or two-character query is the start of some indexed trigram: short
 * queries become a term-prefix scan of the same index (see searchRepository).
 */
export const sql = `
CREATE TABLE article_search_docs (
  docid INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
  deleted INTEGER NOT NULL,
  status TEXT NOT NULL,
  desk TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  edition_date TEXT
) STRICT;
CREATE INDEX article_search_docs_recent ON article_search_docs(deleted, updated_at DESC);

CREATE VIRTUAL TABLE article_search USING fts5(
  heading, byline, body,
  tokenize = 'trigram', content = '', contentless_delete = 1
);

CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
  INSERT INTO article_search_docs (article_id, deleted, status, desk, created_by, updated_at, edition_date)
  VALUES (new.id, new.deleted_at IS NOT NULL, new.status, new.desk, new.created_by, new.updated_at, new.edition_date);
  INSERT INTO article_search (rowid, heading, byline, body)
  VALUES (
    last_insert_rowid(),
    new.kicker || char(10) || new.headline || char(10) || new.subheadline || char(57346, 57346),
    new.byline_names || char(57346, 57346),
    new.body_text || char(57346, 57346)
  );
END;

CREATE TRIGGER article_search_reindex AFTER UPDATE OF kicker, headline, subheadline, byline_names, body_text ON articles
WHEN old.kicker IS NOT new.kicker OR old.headline IS NOT new.headline OR old.subheadline IS NOT new.subheadline
  OR old.byline_names IS NOT new.byline_names OR old.body_text IS NOT new.body_text
BEGIN
  DELETE FROM article_search WHERE rowid = (SELECT docid FROM article_search_docs WHERE article_id = new.id);
  INSERT INTO article_search (rowid, heading, byline, body)
  VALUES (
    (SELECT docid FROM article_search_docs WHERE article_id = new.id),
    new.kicker || char(10) || new.headline || char(10) || new.subheadline || char(57346, 57346),
    new.byline_names || char(57346, 57346),
    new.body_text || char(57346, 57346)
  );
END;

CREATE TRIGGER article_search_refile AFTER UPDATE OF deleted_at, status, desk, created_by, updated_at, edition_date ON articles BEGIN
  UPDATE article_search_docs
  SET deleted = new.deleted_at IS NOT NULL, status = new.status, desk = new.desk, created_by = new.created_by,
      updated_at = new.updated_at, edition_date = new.edition_date
  WHERE article_id = new.id;
END;

CREATE TRIGGER article_search_forget BEFORE DELETE ON articles BEGIN
  DELETE FROM article_search WHERE rowid = (SELECT docid FROM article_search_docs WHERE article_id = old.id);
END;

INSERT INTO article_search_docs (article_id, deleted, status, desk, created_by, updated_at, edition_date)
SELECT id, deleted_at IS NOT NULL, status, desk, created_by, updated_at, edition_date FROM articles ORDER BY rowid;
INSERT INTO article_search (rowid, heading, byline, body)
SELECT d.docid,
  a.kicker || char(10) || a.headline || char(10) || a.subheadline || char(57346, 57346),
  a.byline_names || char(57346, 57346),
  a.body_text || char(57346, 57346)
FROM article_search_docs d JOIN articles a ON a.id = d.article_id;
`;
