import type { DocNode } from '../document/docTypes';

export const ARTICLE_STATUSES = [
  'draft',
  'submitted',
  'review1',
  'review2',
  'review3',
  'approved',
  'placed',
  'page_signed',
  'printed',
  'spiked',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const GENRES = ['消息', '通讯', '评论', '图片新闻', '简讯'] as const;
export type Genre = (typeof GENRES)[number];

export const BYLINE_ROLES = ['记者', '通讯员', '实习生', '特约记者'] as const;
export type BylineRole = (typeof BYLINE_ROLES)[number];

export interface ArticleByline {
  name: string;
  role: BylineRole;
}

export interface ArticleDateline {
  kind: 'local' | 'remote' | 'wire';
  source?: string;
  place?: string;
  month?: number;
  day?: number;
}

/** Fields a writer edits; everything else on the row is derived or bookkeeping. */
export interface ArticleFields {
  slug: string;
  desk: string;
  genre: Genre;
  kicker: string;
  headline: string;
  subheadline: string;
  bylines: ArticleByline[];
  dateline: ArticleDateline | null;
  endCredit: string;
  abstract: string;
  editorsNote: string;
  keywords: string[];
  targetChars: number | null;
  editionDate: string | null;
  page: number | null;
  priority: number;
  body: DocNode;
}

export interface Article extends ArticleFields {
  id: string;
  status: ArticleStatus;
  version: number;
  charCount: number;
  cells: number;
  paragraphCount: number;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
  deletedAt: string | null;
}

export type ArticleSummary = Pick<
  Article,
  | 'id'
  | 'slug'
  | 'desk'
  | 'genre'
  | 'kicker'
  | 'headline'
  | 'status'
  | 'version'
  | 'charCount'
  | 'targetChars'
  | 'editionDate'
  | 'page'
  | 'priority'
  | 'updatedAt'
  | 'updatedByName'
  | 'createdByName'
> & { bylineNames: string[] };
