/**
 * Edition night as a desk works it.
 *
 * article_reads: who opened which version of a story, and when. An approval (通过初审/复审,
 * 签发) needs the reviewer to have opened the story's current text, not passed it from a list
 * unread; and the author may 撤回 a filed story only until someone else has opened it.
 *
 * proof_marks: 校对 on the page proof (大样). A mark is pinned to a place on the page — page, slot,
 * story, field, paragraph and offsets into the printed text, with the characters it was made on —
 * made in a round (1 一校, 2 二校, 3 三校, 4 通读), fixed by the desk, checked off by the proofreader.
 * proof_rounds: each round a proofreader finished on a page; finishing 通读 is the 校对's sign-off,
 * with the digest of the page it was given on (签版 needs it to match the page as it stands).
 */
export const sql = `
CREATE TABLE article_reads (
  article_id TEXT NOT NULL REFERENCES articles(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  -- the highest version of the story this user has had on screen
  version INTEGER NOT NULL,
  -- when they last opened it
  at TEXT NOT NULL,
  PRIMARY KEY (article_id, user_id)
) STRICT, WITHOUT ROWID;

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
) STRICT;
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
) STRICT;
CREATE INDEX proof_rounds_page ON proof_rounds(page_id, at);
`;
