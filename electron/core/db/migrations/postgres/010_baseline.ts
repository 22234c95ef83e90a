/**
 * PostgreSQL's first schema: what SQLite reaches through migrations 001–010, in one step, since no
 * PostgreSQL newsroom existed before version 10. Types follow the SQLite schema on purpose — ids,
 * instants (ISO 8601, so they sort as text), JSON and flags (0/1) are stored the same way — so every
 * repository query reads the same rows on both stores. What SQLite does with FTS5 is done here with a
 * GIN index over each story's one- and two-character windows (see search/postgresSearch.ts).
 */
const appendOnly = (table: string, message: string) => `
CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION newsroom_refuse(${quote(message)});`;

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export const sql = `
CREATE FUNCTION newsroom_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END $$;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE roles (
  code TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  label_en TEXT NOT NULL,
  privileges TEXT NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);
-- SQLite's COLLATE NOCASE on the column.
CREATE UNIQUE INDEX users_username ON users (lower(username));

CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role_code TEXT NOT NULL REFERENCES roles(code),
  PRIMARY KEY (user_id, role_code)
);

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
  cells DOUBLE PRECISION NOT NULL DEFAULT 0,
  paragraph_count INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id),
  deleted_at TEXT,
  deleted_by TEXT REFERENCES users(id),
  headline_changed INTEGER NOT NULL DEFAULT 0,
  body_changed INTEGER NOT NULL DEFAULT 0,
  plan_changed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_live_updated ON articles (deleted_at, updated_at DESC);
CREATE INDEX articles_status_updated ON articles (status, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_desk_updated ON articles (desk, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_author_updated ON articles (created_by, updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_edition ON articles (edition_date, page) WHERE deleted_at IS NULL;
CREATE INDEX articles_status_desk_updated ON articles (status, desk, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_queue ON articles (status, priority, updated_at) WHERE deleted_at IS NULL;

CREATE TABLE revisions (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  article_version INTEGER NOT NULL,
  reason TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  char_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX revisions_article ON revisions (article_id, created_at);
${appendOnly('revisions', 'revisions are append-only')}

CREATE TABLE page_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  spec TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id)
);

CREATE TABLE editions (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL UNIQUE,
  issue_number INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id)
);

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
);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  action TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_target ON audit_log (target_type, target_id);
CREATE INDEX audit_user_at ON audit_log (user_id, at);
CREATE INDEX audit_action_at ON audit_log (action, at);
${appendOnly('audit_log', 'the audit log is append-only')}

CREATE TABLE workflow_signoffs (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  kind TEXT NOT NULL CHECK (kind IN ('review1', 'review2', 'review3', 'sign', 'page_sign')),
  user_id TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  revision_id TEXT NOT NULL REFERENCES revisions(id),
  article_version INTEGER NOT NULL,
  superseded_at TEXT,
  superseded_reason TEXT
);
CREATE INDEX workflow_signoffs_article ON workflow_signoffs (article_id, at);
CREATE INDEX workflow_signoffs_live_user ON workflow_signoffs (user_id, article_id) WHERE superseded_at IS NULL;
CREATE FUNCTION workflow_signoffs_supersede_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'sign-offs are evidence: they are never deleted';
  END IF;
  IF OLD.superseded_at IS NOT NULL OR NEW.superseded_at IS NULL
    OR (NEW.id, NEW.article_id, NEW.kind, NEW.user_id, NEW.at, NEW.revision_id, NEW.article_version)
       IS DISTINCT FROM (OLD.id, OLD.article_id, OLD.kind, OLD.user_id, OLD.at, OLD.revision_id, OLD.article_version) THEN
    RAISE EXCEPTION 'sign-offs are evidence: only their supersession may be recorded';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER workflow_signoffs_evidence BEFORE UPDATE OR DELETE ON workflow_signoffs
  FOR EACH ROW EXECUTE FUNCTION workflow_signoffs_supersede_only();

CREATE TABLE workflow_history (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  reason TEXT,
  revision_id TEXT NOT NULL REFERENCES revisions(id),
  article_version INTEGER NOT NULL
);
CREATE INDEX workflow_history_article ON workflow_history (article_id, at);
${appendOnly('workflow_history', 'workflow history is append-only')}

CREATE TABLE article_locks (
  article_id TEXT NOT NULL REFERENCES articles(id),
  part TEXT NOT NULL CHECK (part IN ('headline', 'body')),
  user_id TEXT NOT NULL REFERENCES users(id),
  session_hash TEXT NOT NULL,
  acquired_at TEXT NOT NULL,
  renewed_at TEXT NOT NULL,
  PRIMARY KEY (article_id, part)
);
CREATE INDEX article_locks_user ON article_locks (user_id);
CREATE INDEX article_locks_session ON article_locks (session_hash);

CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  parent_id TEXT REFERENCES comments(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  text TEXT NOT NULL,
  anchor_paragraph INTEGER,
  anchor_start INTEGER,
  anchor_end INTEGER,
  anchor_quote TEXT,
  mentions TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX comments_article ON comments (article_id, created_at);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  article_id TEXT REFERENCES articles(id),
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE style_word_lists (
  kind TEXT PRIMARY KEY CHECK (kind IN ('confusable', 'careful', 'exactName', 'placeName')),
  entries TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES users(id)
);

CREATE TABLE style_ignores (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  rule TEXT NOT NULL,
  text TEXT NOT NULL,
  paragraph_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  UNIQUE (article_id, rule, text, paragraph_hash)
);

CREATE TABLE style_overrides (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  article_version INTEGER NOT NULL,
  findings_digest TEXT NOT NULL,
  error_keys TEXT NOT NULL,
  error_count INTEGER NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX style_overrides_article ON style_overrides (article_id, findings_digest);
${appendOnly('style_overrides', 'style overrides are append-only')}

CREATE TABLE style_baselines (
  article_id TEXT PRIMARY KEY REFERENCES articles(id),
  article_version INTEGER NOT NULL,
  occurrences TEXT NOT NULL,
  created_at TEXT NOT NULL
);

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
  deleted_at TEXT,
  date_created TEXT,
  search_text TEXT NOT NULL DEFAULT '',
  rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
  crops TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX photos_created ON photos (created_at);
CREATE INDEX photos_date_created ON photos (date_created);

CREATE TABLE article_photos (
  article_id TEXT NOT NULL REFERENCES articles(id),
  photo_id TEXT NOT NULL REFERENCES photos(id),
  position INTEGER NOT NULL,
  is_lead INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, photo_id)
);
CREATE INDEX article_photos_photo ON article_photos (photo_id);

CREATE TABLE page_slots (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'photo', 'ad', 'masthead', 'reserved')),
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
);
CREATE INDEX page_slots_page ON page_slots (page_id);
CREATE INDEX page_slots_article ON page_slots (article_id) WHERE article_id IS NOT NULL;

CREATE TABLE page_signoffs (
  id TEXT PRIMARY KEY,
  page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  digest TEXT NOT NULL,
  articles TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX page_signoffs_page ON page_signoffs (page_id, at);

-- Live stories by status and desk, kept by a trigger (SQLite's migration 009).
CREATE TABLE article_counts (
  status TEXT NOT NULL,
  desk TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (status, desk)
);
CREATE FUNCTION article_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
    UPDATE article_counts SET n = n - 1 WHERE status = OLD.status AND desk = OLD.desk;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.deleted_at IS NULL THEN
    INSERT INTO article_counts (status, desk, n) VALUES (NEW.status, NEW.desk, 1)
      ON CONFLICT (status, desk) DO UPDATE SET n = article_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER article_counts_insert_delete AFTER INSERT OR DELETE ON articles
  FOR EACH ROW EXECUTE FUNCTION article_counts_keep();
CREATE TRIGGER article_counts_update AFTER UPDATE OF status, desk, deleted_at ON articles
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.desk IS DISTINCT FROM NEW.desk OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION article_counts_keep();

-- Search: a story's searchable text (folded as it is matched) and its distinct one- and two-character
-- windows, under a GIN index; edits mark the story pending and are indexed just after (as SQLite's 010).
CREATE TABLE article_search (
  article_id TEXT PRIMARY KEY REFERENCES articles(id),
  heading TEXT NOT NULL,
  byline TEXT NOT NULL,
  body TEXT NOT NULL,
  grams TEXT[] NOT NULL
);
CREATE INDEX article_search_grams ON article_search USING GIN (grams);
CREATE TABLE article_search_pending (article_id TEXT PRIMARY KEY);
CREATE FUNCTION article_search_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO article_search_pending (article_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER article_search_insert AFTER INSERT ON articles
  FOR EACH ROW EXECUTE FUNCTION article_search_mark();
CREATE TRIGGER article_search_stale AFTER UPDATE OF kicker, headline, subheadline, byline_names, body_text ON articles
  FOR EACH ROW WHEN (OLD.kicker IS DISTINCT FROM NEW.kicker OR OLD.headline IS DISTINCT FROM NEW.headline
    OR OLD.subheadline IS DISTINCT FROM NEW.subheadline OR OLD.byline_names IS DISTINCT FROM NEW.byline_names
    OR OLD.body_text IS DISTINCT FROM NEW.body_text)
  EXECUTE FUNCTION article_search_mark();
`;
