/**
 * The front page's furniture: 报眼 ('ear', the box beside the masthead) and 导读 ('teaser', the index
 * of stories inside) become slot kinds, and each page names the people its folio prints (责任编辑,
 * 版式设计, 校对). SQLite cannot change a CHECK constraint, so page_slots is rebuilt with every row
 * kept; nothing references it by foreign key.
 */
export const sql = `
CREATE TABLE page_slots_011 (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'photo', 'ad', 'masthead', 'reserved', 'ear', 'teaser')),
  col INTEGER NOT NULL CHECK (col >= 0),
  line INTEGER NOT NULL CHECK (line >= 0),
  columns INTEGER NOT NULL CHECK (columns >= 1),
  lines INTEGER NOT NULL CHECK (lines >= 1),
  text_columns INTEGER CHECK (text_columns IS NULL OR text_columns >= 1),
  article_id TEXT REFERENCES articles(id),
  photo_id TEXT REFERENCES photos(id),
  photo_columns INTEGER,
  continues_from TEXT,
  headline_pt TEXT NOT NULL DEFAULT '[]',
  label TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id)
) STRICT;
INSERT INTO page_slots_011 SELECT id, page_id, kind, col, line, columns, lines, text_columns, article_id, photo_id, photo_columns,
  continues_from, headline_pt, label, version, created_at, updated_at, updated_by FROM page_slots;
DROP TABLE page_slots;
ALTER TABLE page_slots_011 RENAME TO page_slots;
CREATE INDEX page_slots_page ON page_slots(page_id);
CREATE INDEX page_slots_article ON page_slots(article_id) WHERE article_id IS NOT NULL;

ALTER TABLE pages ADD COLUMN credits TEXT NOT NULL DEFAULT '{}';
`;
