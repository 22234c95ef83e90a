import { z } from 'zod';
import type { Article, ArticleSummary } from '../../domain/article';
import { ARTICLE_STATUSES, BYLINE_ROLES, GENRES } from '../../domain/article';
import { docSchema } from '../../document/docSchema';
import { id, isoDate, method, requiredText, shortText } from '../contractKit';

const bylineSchema = z.object({
  name: requiredText(40, '署名'),
  role: z.enum(BYLINE_ROLES, { error: '署名身份只能是记者、通讯员、实习生或特约记者' }),
});

const datelineSchema = z.object({
  kind: z.enum(['local', 'remote', 'wire']),
  source: shortText(20).optional(),
  place: shortText(20).optional(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
});

export const articleFieldsSchema = z.object({
  slug: shortText(60),
  desk: shortText(40),
  genre: z.enum(GENRES, { error: '体裁只能是消息、通讯、评论、图片新闻或简讯' }),
  kicker: shortText(200),
  headline: shortText(200),
  subheadline: shortText(200),
  bylines: z.array(bylineSchema).max(20, { error: '署名最多 20 人' }),
  dateline: datelineSchema.nullable(),
  endCredit: shortText(60),
  abstract: shortText(2000),
  editorsNote: shortText(5000),
  keywords: z.array(requiredText(30, '关键词')).max(30, { error: '关键词最多 30 个' }),
  targetChars: z.number().int().min(1).max(1_000_000).nullable(),
  editionDate: isoDate.nullable(),
  page: z.number().int().min(1).max(999).nullable(),
  priority: z.number().int().min(1).max(5),
  body: docSchema,
});

export const articleCreateSchema = articleFieldsSchema.partial().extend({
  headline: requiredText(200, '主题（标题）'),
});

const articleListSchema = z.object({
  status: z.array(z.enum(ARTICLE_STATUSES)).optional(),
  desk: shortText(40).optional(),
  authorId: id.optional(),
  editionDate: isoDate.optional(),
  trash: z.boolean().optional(),
  sort: z.enum(['updated', 'priority', 'headline', 'chars']).default('updated'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

export interface ArticleListResult {
  items: ArticleSummary[];
  total: number;
}

export const articleMethods = {
  'articles.list': method<ArticleListResult>()(articleListSchema, 'article.read', false),
  'articles.get': method<Article>()(z.object({ id }), 'article.read', false),
  'articles.create': method<Article>()(articleCreateSchema, 'article.create', true),
  'articles.update': method<Article>()(
    z.object({
      id,
      baseVersion: z.number().int().min(1),
      patch: articleFieldsSchema.partial(),
      reason: z.enum(['autosave', 'save']).default('save'),
    }),
    'article.read',
    true,
  ),
  'articles.delete': method<{ ok: true }>()(z.object({ id, baseVersion: z.number().int().min(1) }), 'article.read', true),
  'articles.restore': method<Article>()(z.object({ id }), 'article.read', true),
} as const;
