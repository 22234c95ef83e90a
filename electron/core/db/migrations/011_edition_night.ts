/**
 * Edition night as a desk works it.
 *
 * article_reads: who opened which version of a story, and when. An approval (通过初审/复审,
 * 签发) needs the reviewer to have opened the story's current text, not passed it from a list
 * unread; and the author may 撤回 a filed story only until someone else has opened it.
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
`;
