/**
 * Sessions and sign-in failures move into the database, so that several server processes share them
 * and a restart signs nobody out. A session is kept by a hash of its token (the token itself is never
 * stored); failures are counted per key ('account:…' or 'address:…').
 */
export const sql = `
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  transport TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  ended_at TEXT,
  ended_reason TEXT
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id) WHERE ended_at IS NULL;

CREATE TABLE login_failures (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
) STRICT;
`;
