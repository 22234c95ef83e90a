import { z } from 'zod';
import { id, method } from '../contractKit';

export interface ArticlePhoto {
  id: string;
  caption: string;
  /** The printed credit, rendered with the paper's template (本报记者 陈光 摄). */
  credit: string;
  width: number;
  height: number;
  isLead: boolean;
  /** A small JPEG as a data: URL, so both hosts show it without a file route. */
  thumbnail: string;
}

export const photoMethods = {
  'photos.forArticle': method<ArticlePhoto[]>()(z.object({ articleId: id }), 'article.read', false),
} as const;
