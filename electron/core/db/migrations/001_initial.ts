/** Users, roles, settings, articles with revisions, page templates, editions and pages, and the audit log. */
export const sql = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE roles (
  code TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  label_en TEXT NOT NULL,
  privileges TEXT NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL COLLATE NOCASE UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT
) STRICT;

CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role_code TEXT NOT NULL REFERENCES roles(code),
  PRIMARY KEY (user_id, role_code)
) STRICT;

CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL DEFAULT '',
  desk TEXT NOT NULL DEFAULT '',
  genre TEXT NOT NULL DEFAULT '消息',
  kicker TEXT NOT NULL DEFAULT '',
  headline TEXT NOT NULL,
  subheadline TEXT NOT NULL DEFAULT '',
  bylines TEXT NOT NULL DEFAULT '[]',
  byline_names TEXT NOT NULL DEFAULT '',
  dateline TEXT,
  end_credit TEXT NOT NULL DEFAULT '',
  abstract TEXT NOT NULL DEFAULT '',
  editors_note TEXT NOT NULL DEFAULT '',
  keywords TEXT NOT NULL DEFAULT '[]',
  target_chars INTEGER,
  edition_date TEXT,
  page INTEGER,
  priority INTEGER NOT NULL DEFAULT 3,
  status TEXT NOT NULL DEFAULT 'draft',
  body TEXT NOT NULL,
  body_text TEXT NOT NULL DEFAULT '',
  char_count INTEGER NOT NULL DEFAULT 0,
  cells REAL NOT NULL DEFAULT 0,
  paragraph_count INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id),
  deleted_at TEXT,
  deleted_by TEXT REFERENCES users(id)
) STRICT;
CREATE INDEX articles_live_updated ON articles(deleted_at, updated_at DESC);
CREATE INDEX articles_status_updated ON articles(status, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_desk_updated ON articles(desk, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_author_updated ON articles(created_by, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_edition ON articles(edition_date, page) WHERE deleted_at IS NULL;

CREATE TABLE revisions (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  article_version INTEGER NOT NULL,
  reason TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  char_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX revisions_article ON revisions(article_id, created_at);

CREATE TABLE page_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  spec TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id)
) STRICT;

CREATE TABLE editions (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL UNIQUE,
  issue_number INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id)
) STRICT;

CREATE TABLE pages (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  name TEXT NOT NULL,
  template_id TEXT NOT NULL REFERENCES page_templates(id),
  colour INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'unplanned',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id),
  UNIQUE (edition_id, number)
) STRICT;

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  action TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  details TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX audit_target ON audit_log(target_type, target_id);

-- Revisions and the audit log are evidence: once written they never change.
CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
CREATE TRIGGER revisions_append_only_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
