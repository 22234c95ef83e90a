/** Photos stored once by SHA-256, their captions and credits, and their links to stories. */
export const sql = `
CREATE TABLE photos (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL,
  original_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  credit_kind TEXT NOT NULL DEFAULT 'plain',
  photographers TEXT NOT NULL DEFAULT '[]',
  metadata TEXT NOT NULL DEFAULT '{}',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id),
  deleted_at TEXT
) STRICT;

CREATE TABLE article_photos (
  article_id TEXT NOT NULL REFERENCES articles(id),
  photo_id TEXT NOT NULL REFERENCES photos(id),
  position INTEGER NOT NULL,
  is_lead INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, photo_id)
) STRICT;
CREATE INDEX article_photos_photo ON article_photos(photo_id);
`;
