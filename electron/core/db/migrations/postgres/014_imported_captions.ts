/** PostgreSQL's step of migration 014 (see ../014_imported_captions.ts). */
export const sql = `
CREATE TABLE article_captions (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  credit TEXT NOT NULL DEFAULT '',
  photo_id TEXT REFERENCES photos(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  UNIQUE (article_id, position)
);
`;
