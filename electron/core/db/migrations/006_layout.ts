/**
 * The layout board: slots (稿位) on a page's grid and page sign-offs (签版).
 * Pages, editions and templates came with 001; the page-status values are PAGE_STATUSES in shared/layout/board.ts.
 */
export const sql = `
CREATE TABLE page_slots (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'photo', 'ad', 'masthead', 'reserved')),
  col INTEGER NOT NULL CHECK (col >= 0),
  line INTEGER NOT NULL CHECK (line >= 0),
  columns INTEGER NOT NULL CHECK (columns >= 1),
  lines INTEGER NOT NULL CHECK (lines >= 1),
  text_columns INTEGER CHECK (text_columns IS NULL OR text_columns >= 1),
  article_id TEXT REFERENCES articles(id),
  photo_id TEXT REFERENCES photos(id),
  photo_columns INTEGER,
  -- no foreign key: a continued part outlives its source slot so the jump check can report it
  continues_from TEXT,
  headline_pt TEXT NOT NULL DEFAULT '[]',
  label TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id)
) STRICT;
CREATE INDEX page_slots_page ON page_slots(page_id);
CREATE INDEX page_slots_article ON page_slots(article_id) WHERE article_id IS NOT NULL;

-- 签版 evidence: who signed which page, and a digest of its slots and approved revisions at that moment.
CREATE TABLE page_signoffs (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  digest TEXT NOT NULL,
  articles TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX page_signoffs_page ON page_signoffs(page_id, at);
`;
