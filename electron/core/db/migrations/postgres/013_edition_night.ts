/** Migration 013 on PostgreSQL: the tables of ../013_edition_night.ts (what each holds is said there). */
export const sql = `
CREATE TABLE article_reads (
  article_id TEXT NOT NULL REFERENCES articles(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  -- the highest version of the story this user has had on screen
  version INTEGER NOT NULL,
  -- when they last opened it
  at TEXT NOT NULL,
  PRIMARY KEY (article_id, user_id)
);

CREATE TABLE proof_marks (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  round INTEGER NOT NULL CHECK (round BETWEEN 1 AND 4),
  -- no foreign key: the mark outlives a slot moved or removed, and still says where it was
  slot_id TEXT NOT NULL,
  article_id TEXT NOT NULL REFERENCES articles(id),
  field TEXT NOT NULL CHECK (field IN ('kicker', 'headline', 'subheadline', 'body')),
  paragraph INTEGER NOT NULL CHECK (paragraph >= 0),
  char_start INTEGER NOT NULL CHECK (char_start >= 0),
  char_end INTEGER NOT NULL CHECK (char_end > char_start),
  quote TEXT NOT NULL,
  correction TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open', 'fixed', 'checked')),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  fixed_by TEXT REFERENCES users(id),
  fixed_at TEXT,
  checked_by TEXT REFERENCES users(id),
  checked_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE INDEX proof_marks_page ON proof_marks(page_id, created_at);
CREATE INDEX proof_marks_article ON proof_marks(article_id) WHERE status <> 'checked';

CREATE TABLE proof_rounds (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  round INTEGER NOT NULL CHECK (round BETWEEN 1 AND 4),
  user_id TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  -- the page's digest (slots and approved revisions) when the round was finished
  digest TEXT NOT NULL
);
CREATE INDEX proof_rounds_page ON proof_rounds(page_id, at);
`;
