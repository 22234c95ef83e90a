/**
 * Article search: two full-text indexes over headline parts (kicker, headline,
 * subheadline), bylines (byline_names) and body (body_text), kept current by
 * triggers, so every path that writes `articles` updates them.
 *
 * - article_search, trigram tokenizer: phrase matches of three or more
 *   characters, ranked by bm25.
 * - article_grams, one token per two-character window, written as the hex of
 *   its UTF-8 bytes (ASCII letters lower-cased): a one- or two-character query
 *   — 公园, 脱贫, the common case in Chinese, which trigram MATCH silently
 *   cannot answer — is a single term lookup, or a prefix lookup for one
 *   character. Hex makes every window one token whatever its characters
 *   (punctuation, rare ideographs), so matches are exact. detail=none: only
 *   "which stories" is needed, not where.
 *
 * Both are contentless (the text is not stored twice; contentless_delete lets
 * an edit drop the old entry by docid without re-reading its text), keyed by
 * article_search_docs.docid:
 * - positive for live stories, negative in the trash, so "not deleted" is a
 *   rowid range the index serves itself instead of a join per hit;
 * - renumbered past every other docid whenever a story changes, so docid
 *   order is last-change order and "newest first" is a descending index scan.
 * The docs row also carries the short columns search filters on: reading them
 * from `articles` would walk each row's overflow pages, as they sit after the body.
 *
 * Stories are never hard-deleted (append-only revisions reference them); the
 * foreign key makes an attempt fail instead of leaving entries behind.
 */

/** One docid past every live and trashed one: two single-aggregate lookups, each answered from the end of the key. */
export const NEXT_DOCID = `(max(coalesce((SELECT max(docid) FROM article_search_docs), 0), -coalesce((SELECT min(docid) FROM article_search_docs), 0)) + 1)`;

const signed = (row: string) => `${NEXT_DOCID} * (CASE WHEN ${row}.deleted_at IS NULL THEN 1 ELSE -1 END)`;

/** Indexes story `id` under its current docid, reading its text back from `articles`. */
export function indexArticle(id: string): string {
  const docid = `(SELECT docid FROM article_search_docs WHERE article_id = ${id})`;
  const story = `FROM articles r WHERE r.id = ${id}`;
  const text = `r.kicker || char(10) || r.headline || char(10) || r.subheadline || char(10) || r.byline_names || char(10) || r.body_text`;
  return `
  INSERT INTO article_search (rowid, heading, byline, body)
  SELECT ${docid}, r.kicker || char(10) || r.headline || char(10) || r.subheadline, r.byline_names, r.body_text ${story};
  -- substr() on text walks from the start, so windows are cut from 64-character pieces, not the whole text.
  INSERT INTO article_grams (rowid, grams)
  WITH RECURSIVE
    whole(s, n) AS MATERIALIZED (SELECT x, length(x) FROM (SELECT ${text} AS x ${story})),
    starts(j) AS (SELECT 0 UNION ALL SELECT j + 64 FROM starts, whole WHERE j + 64 < n),
    pieces(piece, m) AS MATERIALIZED (SELECT substr(s, j + 1, 65), min(64, n - j) FROM starts, whole),
    offsets(i) AS MATERIALIZED (SELECT 1 UNION ALL SELECT i + 1 FROM offsets WHERE i < 64)
  SELECT ${docid}, group_concat(hex(lower(substr(piece, i, 2))), ' ') FROM pieces, offsets WHERE i <= m;`;
}

export const CHANGED = `old.updated_at IS NOT new.updated_at OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
  OR old.kicker IS NOT new.kicker OR old.headline IS NOT new.headline OR old.subheadline IS NOT new.subheadline
  OR old.byline_names IS NOT new.byline_names OR old.body_text IS NOT new.body_text`;

export const sql = `
CREATE TABLE article_search_docs (
  docid INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE REFERENCES articles(id),
  status TEXT NOT NULL,
  desk TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE article_search USING fts5(
  heading, byline, body,
  tokenize = 'trigram', content = '', contentless_delete = 1
);
CREATE VIRTUAL TABLE article_grams USING fts5(
  grams,
  tokenize = 'ascii', detail = none, prefix = '6', content = '', contentless_delete = 1
);

-- The story list filtered by status and desk (an editor's view of their desk), newest first:
-- without it the page sorts every matching row, reading updated_at from past the body.
CREATE INDEX articles_status_desk_updated ON articles(status, desk, updated_at DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
  INSERT INTO article_search_docs (docid, article_id, status, desk, created_by, updated_at)
  VALUES (${signed('new')}, new.id, new.status, new.desk, new.created_by, new.updated_at);
  ${indexArticle('new.id')}
END;

CREATE TRIGGER article_search_reindex AFTER UPDATE ON articles WHEN ${CHANGED}
BEGIN
  DELETE FROM article_search WHERE rowid = (SELECT docid FROM article_search_docs WHERE article_id = old.id);
  DELETE FROM article_grams WHERE rowid = (SELECT docid FROM article_search_docs WHERE article_id = old.id);
  UPDATE article_search_docs
  SET docid = ${signed('new')}, status = new.status, desk = new.desk, created_by = new.created_by, updated_at = new.updated_at
  WHERE article_id = new.id;
  ${indexArticle('new.id')}
END;

CREATE TRIGGER article_search_refile AFTER UPDATE OF status, desk, created_by ON articles WHEN NOT (${CHANGED})
BEGIN
  UPDATE article_search_docs SET status = new.status, desk = new.desk, created_by = new.created_by WHERE article_id = new.id;
END;

-- Existing stories, numbered oldest change first so docid order is last-change order from the start.
INSERT INTO article_search_docs (docid, article_id, status, desk, created_by, updated_at)
SELECT row_number() OVER (ORDER BY updated_at, rowid) * (CASE WHEN deleted_at IS NULL THEN 1 ELSE -1 END),
  id, status, desk, created_by, updated_at
FROM articles;
CREATE TEMP TABLE article_search_backfill (id TEXT NOT NULL);
CREATE TEMP TRIGGER article_search_backfill_row AFTER INSERT ON article_search_backfill BEGIN
  ${indexArticle('new.id')}
END;
INSERT INTO article_search_backfill SELECT article_id FROM article_search_docs;
DROP TABLE article_search_backfill;
`;
