import { z } from 'zod';
import type { Privilege } from '../domain/roles';
import { ROLE_CODES } from '../domain/roles';
import type { Article, ArticleSummary } from '../domain/article';
import { ARTICLE_STATUSES, BYLINE_ROLES, GENRES } from '../domain/article';
import { docSchema } from '../document/docSchema';
import type { SessionInfo, SetupStatus, SystemInfo, UserSummary } from '../domain/session';

/**
 * The whole API in one table: each method's input schema, the privilege it
 * needs and (as a type only) its result. The dispatcher, the Electron IPC
 * adapter, the browser host and the renderer's client all read this table.
 */
export type Permission = Privilege | 'public' | 'authenticated';

export interface MethodDef<I extends z.ZodType, R> {
  input: I;
  permission: Permission;
  /** Writes to the database: refused while the data folder is read-only. */
  writes: boolean;
  /** Phantom: carries the result type for the typed client. */
  result?: R;
}

/** Curried so the result type is named while the input type is inferred from the schema. */
function method<R>() {
  return <I extends z.ZodType>(input: I, permission: Permission, writes: boolean): MethodDef<I, R> => ({
    input,
    permission,
    writes,
  });
}

const id = z.uuid({ error: '不是有效的编号' });
const shortText = (max: number) => z.string().trim().max(max, { error: `不能超过 ${max} 个字符` });
const requiredText = (max: number, what: string) =>
  z.string().trim().min(1, { error: `请填写${what}` }).max(max, { error: `${what}不能超过 ${max} 个字符` });
const password = z.string().min(8, { error: '密码至少 8 位' }).max(200, { error: '密码过长' });
const username = z
  .string()
  .trim()
  .min(2, { error: '用户名至少 2 个字符' })
  .max(40, { error: '用户名不能超过 40 个字符' })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: '用户名只能包含字母、数字、下划线、点和连字符' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });

export const bylineSchema = z.object({
  name: requiredText(40, '署名'),
  role: z.enum(BYLINE_ROLES, { error: '署名身份只能是记者、通讯员、实习生或特约记者' }),
});

export const datelineSchema = z.object({
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

export const articleListSchema = z.object({
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

export const contract = {
  'setup.status': method<SetupStatus>()(z.object({}), 'public', false),
  'setup.createNewsroom': method<SessionInfo>()(
    z.object({
      paperName: requiredText(60, '报纸名称'),
      admin: z.object({ username, displayName: requiredText(40, '姓名'), password }),
    }),
    'public',
    true,
  ),
  'setup.openDemo': method<{ ok: true }>()(z.object({}), 'public', true),
  'auth.login': method<SessionInfo>()(
    z.object({ username: requiredText(40, '用户名'), password: z.string().min(1, { error: '请填写密码' }).max(200) }),
    'public',
    false,
  ),
  'auth.logout': method<{ ok: true }>()(z.object({}), 'authenticated', false),
  'auth.me': method<SessionInfo>()(z.object({}), 'authenticated', false),
  'auth.changePassword': method<{ ok: true }>()(
    z.object({ oldPassword: z.string().min(1, { error: '请填写原密码' }).max(200), newPassword: password }),
    'authenticated',
    true,
  ),
  'system.info': method<SystemInfo>()(z.object({}), 'authenticated', false),
  'users.list': method<UserSummary[]>()(z.object({}), 'user.manage', false),
  'users.create': method<UserSummary>()(
    z.object({
      username,
      displayName: requiredText(40, '姓名'),
      password,
      roles: z.array(z.enum(ROLE_CODES)).min(1, { error: '至少分配一个角色' }),
    }),
    'user.manage',
    true,
  ),
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
  'articles.delete': method<{ ok: true }>()(
    z.object({ id, baseVersion: z.number().int().min(1) }),
    'article.read',
    true,
  ),
  'articles.restore': method<Article>()(z.object({ id }), 'article.read', true),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type ResultOf<M extends MethodName> = NonNullable<Contract[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
