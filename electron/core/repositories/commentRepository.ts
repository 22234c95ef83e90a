import type { Db } from '../db/connection';
import type { ArticleComment, CommentAnchor } from '../../../shared/workflow/types';

interface CommentRow {
  id: string;
  article_id: string;
  parent_id: string | null;
  author_id: string;
  author_name: string;
  text: string;
  anchor_paragraph: number | null;
  anchor_start: number | null;
  anchor_end: number | null;
  anchor_quote: string | null;
  mentions: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by_name: string | null;
}

const SELECT = `SELECT c.*, au.display_name AS author_name, ru.display_name AS resolved_by_name FROM comments c
  JOIN users au ON au.id = c.author_id LEFT JOIN users ru ON ru.id = c.resolved_by`;

function toComment(row: CommentRow): ArticleComment {
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    authorId: row.author_id,
    authorName: row.author_name,
    text: row.text,
    anchor:
      row.anchor_paragraph === null
        ? null
        : { paragraph: row.anchor_paragraph, start: row.anchor_start ?? 0, end: row.anchor_end ?? 0, quote: row.anchor_quote ?? '' },
    mentions: JSON.parse(row.mentions) as ArticleComment['mentions'],
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedByName: row.resolved_by_name,
  };
}

export class CommentRepository {
  constructor(private readonly db: Db) {}

  insert(input: {
    id: string;
    articleId: string;
    parentId: string | null;
    authorId: string;
    text: string;
    anchor: CommentAnchor | null;
    mentions: ArticleComment['mentions'];
    at: string;
  }): void {
    this.db
      .prepare(
        `INSERT INTO comments (id, article_id, parent_id, author_id, text, anchor_paragraph, anchor_start, anchor_end, anchor_quote,
           mentions, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.id,
        input.articleId,
        input.parentId,
        input.authorId,
        input.text,
        input.anchor?.paragraph ?? null,
        input.anchor?.start ?? null,
        input.anchor?.end ?? null,
        input.anchor?.quote ?? null,
        JSON.stringify(input.mentions),
        input.at,
        input.at,
        input.authorId,
      );
  }

  get(id: string): ArticleComment | null {
    const row = this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CommentRow | undefined;
    return row ? toComment(row) : null;
  }

  ofArticle(articleId: string): ArticleComment[] {
    return (this.db.prepare(`${SELECT} WHERE c.article_id = ? ORDER BY c.created_at, c.id`).all(articleId) as CommentRow[]).map(toComment);
  }

  /** Resolving applies to a whole thread: the root and its replies. */
  setResolved(rootId: string, resolved: boolean, userId: string, at: string): void {
    this.db
      .prepare(
        `UPDATE comments SET resolved_at = ?, resolved_by = ?, version = version + 1, updated_at = ?, updated_by = ?
         WHERE id = ? OR parent_id = ?`,
      )
      .run(resolved ? at : null, resolved ? userId : null, at, userId, rootId, rootId);
  }
}
