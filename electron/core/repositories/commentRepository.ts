import type { Store } from '../store/store';
import type { ArticleComment, CommentAnchor } from '../../../shared/collaboration/types';

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
  constructor(private readonly store: Store) {}

  async insert(input: {
    id: string;
    articleId: string;
    parentId: string | null;
    authorId: string;
    text: string;
    anchor: CommentAnchor | null;
    mentions: ArticleComment['mentions'];
    at: string;
  }): Promise<void> {
    await this.store.run(
      `INSERT INTO comments (id, article_id, parent_id, author_id, text, anchor_paragraph, anchor_start, anchor_end, anchor_quote,
         mentions, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
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
      ],
    );
  }

  async get(id: string): Promise<ArticleComment | null> {
    const row = await this.store.get<CommentRow>(`${SELECT} WHERE c.id = ?`, [id]);
    return row ? toComment(row) : null;
  }

  async ofArticle(articleId: string): Promise<ArticleComment[]> {
    return (await this.store.all<CommentRow>(`${SELECT} WHERE c.article_id = ? ORDER BY c.created_at, c.id`, [articleId])).map(toComment);
  }

  /** Resolving applies to a whole thread: the root and its replies. */
  async setResolved(rootId: string, resolved: boolean, userId: string, at: string): Promise<void> {
    await this.store.run(
      `UPDATE comments SET resolved_at = ?, resolved_by = ?, version = version + 1, updated_at = ?, updated_by = ?
       WHERE id = ? OR parent_id = ?`,
      [resolved ? at : null, resolved ? userId : null, at, userId, rootId, rootId],
    );
  }
}
