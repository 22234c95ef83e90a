/**
 * 三审三校: sign-offs and the step history (evidence), part locks, comments,
 * notifications. Per-paper workflow settings live in the settings table under
 * `workflow.*` keys, with defaults in code.
 */
export const sql = `
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
) STRICT;
CREATE INDEX workflow_signoffs_article ON workflow_signoffs(article_id, at);
CREATE INDEX workflow_signoffs_live_user ON workflow_signoffs(user_id, article_id) WHERE superseded_at IS NULL;

-- A sign-off is evidence: the only change it ever takes is being marked superseded, once.
CREATE TRIGGER workflow_signoffs_supersede_only BEFORE UPDATE ON workflow_signoffs
WHEN OLD.superseded_at IS NOT NULL OR NEW.superseded_at IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.article_id IS NOT OLD.article_id OR NEW.kind IS NOT OLD.kind
  OR NEW.user_id IS NOT OLD.user_id OR NEW.at IS NOT OLD.at OR NEW.revision_id IS NOT OLD.revision_id
  OR NEW.article_version IS NOT OLD.article_version
BEGIN SELECT RAISE(ABORT, 'sign-offs are evidence: only their supersession may be recorded'); END;
CREATE TRIGGER workflow_signoffs_no_delete BEFORE DELETE ON workflow_signoffs
BEGIN SELECT RAISE(ABORT, 'sign-offs are evidence: they are never deleted'); END;

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
) STRICT;
CREATE INDEX workflow_history_article ON workflow_history(article_id, at);

CREATE TRIGGER workflow_history_append_only_update BEFORE UPDATE ON workflow_history
BEGIN SELECT RAISE(ABORT, 'workflow history is append-only'); END;
CREATE TRIGGER workflow_history_append_only_delete BEFORE DELETE ON workflow_history
BEGIN SELECT RAISE(ABORT, 'workflow history is append-only'); END;

-- One row per locked part: the primary key is what makes two simultaneous acquires end with one winner.
CREATE TABLE article_locks (
  article_id TEXT NOT NULL REFERENCES articles(id),
  part TEXT NOT NULL CHECK (part IN ('headline', 'body')),
  user_id TEXT NOT NULL REFERENCES users(id),
  session_hash TEXT NOT NULL,
  acquired_at TEXT NOT NULL,
  renewed_at TEXT NOT NULL,
  PRIMARY KEY (article_id, part)
) STRICT;
CREATE INDEX article_locks_user ON article_locks(user_id);
CREATE INDEX article_locks_session ON article_locks(session_hash);

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
) STRICT;
CREATE INDEX comments_article ON comments(article_id, created_at);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  article_id TEXT REFERENCES articles(id),
  created_at TEXT NOT NULL,
  read_at TEXT
) STRICT;
CREATE INDEX notifications_user ON notifications(user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;

-- Queues read one status at a time in priority order, from the index alone: the columns a
-- queue row shows are in it, because reaching them in the table means walking the overflow
-- pages of the body stored before them. The overview counts by status and desk.
CREATE INDEX articles_queue ON articles(status, priority, updated_at, created_by, id, version, char_count, target_chars,
  edition_date, page, desk, genre, slug, kicker, headline, byline_names, updated_by, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX articles_status_desk ON articles(status, desk) WHERE deleted_at IS NULL;

CREATE INDEX audit_user_at ON audit_log(user_id, at);
CREATE INDEX audit_action_at ON audit_log(action, at);
`;
