/**
 * House-style proofreading: the paper's own word lists, per-story ignores, style overrides and
 * the first check of each story (the baseline the error-rate report counts fixes from).
 * A kind without a row still uses the built-in list.
 */
export const sql = `
CREATE TABLE style_word_lists (
  kind TEXT PRIMARY KEY CHECK (kind IN ('confusable', 'careful', 'exactName', 'placeName')),
  entries TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id)
) STRICT;

CREATE TABLE style_ignores (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  rule TEXT NOT NULL,
  text TEXT NOT NULL,
  paragraph_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  UNIQUE (article_id, rule, text, paragraph_hash)
) STRICT;

CREATE TABLE style_overrides (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  article_version INTEGER NOT NULL,
  findings_digest TEXT NOT NULL,
  -- the errors let through, each as field, paragraph hash, rule and flagged text
  error_keys TEXT NOT NULL,
  error_count INTEGER NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX style_overrides_article ON style_overrides(article_id, findings_digest);

CREATE TABLE style_baselines (
  article_id TEXT PRIMARY KEY REFERENCES articles(id),
  article_version INTEGER NOT NULL,
  occurrences TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

-- An override is the record that someone let these errors through, and why.
CREATE TRIGGER style_overrides_append_only_update BEFORE UPDATE ON style_overrides
BEGIN SELECT RAISE(ABORT, 'style overrides are append-only'); END;
CREATE TRIGGER style_overrides_append_only_delete BEFORE DELETE ON style_overrides
BEGIN SELECT RAISE(ABORT, 'style overrides are append-only'); END;
`;
