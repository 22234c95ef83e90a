/**
 * Captions that came in with imported copy, kept with the story until its photo arrives: linking a
 * photo without a caption of its own gives it the first one waiting (text and credit), instead of
 * the caption sitting in the body as a 批注.
 */
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
) STRICT;
`;
