/**
 * Live stories counted by status and desk, kept by triggers, so the list's total ("共 142,463 篇")
 * is a sum over a few dozen rows instead of a count over an archive's index. Filled from the
 * (status, desk) index: read from the table, an archive's rows would take seconds.
 */
export const sql = `
CREATE TABLE article_counts (
  status TEXT NOT NULL,
  desk TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (status, desk)
) STRICT, WITHOUT ROWID;

INSERT INTO article_counts (status, desk, n)
  SELECT status, desk, count(*) FROM articles INDEXED BY articles_status_desk WHERE deleted_at IS NULL GROUP BY status, desk;

CREATE TRIGGER article_counts_insert AFTER INSERT ON articles WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO article_counts (status, desk, n) VALUES (NEW.status, NEW.desk, 1)
    ON CONFLICT (status, desk) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER article_counts_delete AFTER DELETE ON articles WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE article_counts SET n = n - 1 WHERE status = OLD.status AND desk = OLD.desk;
END;

CREATE TRIGGER article_counts_update AFTER UPDATE OF status, desk, deleted_at ON articles
  WHEN OLD.status IS NOT NEW.status OR OLD.desk IS NOT NEW.desk OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  UPDATE article_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL AND status = OLD.status AND desk = OLD.desk;
  INSERT INTO article_counts (status, desk, n) SELECT NEW.status, NEW.desk, 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT (status, desk) DO UPDATE SET n = n + 1;
END;
`;
