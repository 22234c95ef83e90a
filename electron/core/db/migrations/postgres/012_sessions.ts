/** PostgreSQL's step of migration 012 (see ../012_sessions.ts). Instants in milliseconds need BIGINT here. */
export const sql = `
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  transport TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  ended_at TEXT,
  ended_reason TEXT
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE ended_at IS NULL;

CREATE TABLE login_failures (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at BIGINT NOT NULL,
  locked_until BIGINT NOT NULL
);
`;
