import { z } from 'zod';
import { id, isoDate, method, requiredText, shortText, version } from '../contractKit';
import { pageTemplateSchema } from '../../layout/geometry';
import { PAGE_STATUSES, SLOT_KINDS, type EditionBoard, type EditionSummary, type LayoutPage, type LayoutSlot, type TemplateRow } from '../../layout/board';
import type { Article } from '../../domain/article';
import type { PagePlan } from '../../layout/pagePlan';
import { pageCreditsSchema } from '../../paper/masthead';

const count = (label: string, min: number, max: number) =>
  z.number({ error: `${label}必须是数字` }).int({ error: `${label}必须是整数` }).min(min, { error: `${label}不能小于 ${min}` }).max(max, { error: `${label}不能大于 ${max}` });
const headlinePt = z.array(z.number({ error: '标题字号必须是数字' }).min(5, { error: '标题字号不能小于 5 磅' }).max(100, { error: '标题字号不能大于 100 磅' })).max(5, { error: '标题最多 5 行' });

const geometry = {
  col: count('起始栏', -1000, 1000),
  line: count('起始行', -10000, 10000),
  columns: count('栏数', 0, 1000),
  lines: count('行数', 0, 10000),
};

const slotOptions = {
  textColumns: count('正文栏数', 1, 40).nullable().optional(),
  photoId: id.nullable().optional(),
  photoColumns: count('图片栏数', 1, 40).nullable().optional(),
  headlinePt: headlinePt.optional(),
  label: shortText(40).optional(),
};

export interface SignPageResult {
  page: LayoutPage;
  signedArticles: string[];
}

/** Where a story sits on the boards, with its copy-fit: the editor's target while the story is written to fit. */
export interface ArticleSlotFit {
  editionDate: string;
  pageNumber: number;
  pageName: string;
  slotId: string;
  continued: boolean;
  capacityChars: number;
  overChars: number;
  overLines: number;
  status: 'under' | 'fit' | 'over';
}

/** 上版 from the editor: the slot the story landed in, and the story scheduled for that page (签发 standing). */
export interface PlaceStoryResult {
  slot: LayoutSlot;
  article: Article;
}

export interface ProofFile {
  fileName: string;
  dataBase64: string;
  /** what the proof could not set as asked — a face that fell back, a photo below print resolution — in Chinese */
  warnings: string[];
}

/** 付印: the page as sent; `savedTo` when it went into the print plant's folder, else the file to save. */
export interface PrintPageResult {
  page: LayoutPage;
  fileName: string;
  savedTo: string | null;
  dataBase64: string | null;
}

/**
 * The layout board (版面): editions, pages, templates, slots, jumps, 签版, proofs. Reading the
 * board needs article.read; changing it layout.edit; templates settings.manage; 签版, 撤销签版 and 付印 page.sign.
 */
export const layoutMethods = {
  'layout.editions': method<EditionSummary[]>()(z.object({}), 'article.read', false),
  'layout.board': method<EditionBoard>()(z.object({ date: isoDate }), 'article.read', false),
  'layout.createEdition': method<EditionSummary>()(
    z.object({ date: isoDate, issueNumber: count('总期号', 1, 1_000_000), copyFrom: isoDate.optional() }),
    'layout.edit',
    true,
  ),
  'layout.templates': method<TemplateRow[]>()(z.object({}), 'article.read', false),
  'layout.saveTemplate': method<TemplateRow>()(z.object({ templateId: id.optional(), baseVersion: version.optional(), spec: pageTemplateSchema }), 'settings.manage', true),

  'layout.addPage': method<LayoutPage>()(
    z.object({ editionId: id, pageName: requiredText(20, '版名'), templateId: id, colour: z.boolean({ error: '套色必须是是或否' }).optional() }),
    'layout.edit',
    true,
  ),
  'layout.updatePage': method<LayoutPage>()(
    z.object({
      pageId: id,
      pageName: requiredText(20, '版名').optional(),
      templateId: id.optional(),
      colour: z.boolean({ error: '套色必须是是或否' }).optional(),
      status: z.enum(PAGE_STATUSES, { error: '未知的版面状态' }).optional(),
      credits: pageCreditsSchema.optional(),
    }),
    'layout.edit',
    true,
  ),
  /** Moves the page to `number` and renumbers the rest; jump lines follow because they are computed from page identity. */
  'layout.movePage': method<LayoutPage[]>()(z.object({ pageId: id, number: count('版次', 1, 200) }), 'layout.edit', true),
  /** A page that holds slots is removed only with `confirm: true`; its stories go back to the budget. */
  'layout.removePage': method<{ returnedArticleIds: string[] }>()(z.object({ pageId: id, confirm: z.boolean({ error: '确认必须是是或否' }).optional() }), 'layout.edit', true),

  'layout.addSlot': method<LayoutSlot>()(
    z.object({
      pageId: id,
      kind: z.enum(SLOT_KINDS, { error: '稿位类型只能是稿件、图片、广告、报头或预留' }),
      ...geometry,
      articleId: id.optional(),
      continuesFrom: id.optional(),
      ...slotOptions,
    }),
    'layout.edit',
    true,
  ),
  'layout.updateSlot': method<LayoutSlot>()(
    z.object({ slotId: id, baseVersion: version, pageId: id.optional(), ...geometry, ...slotOptions }),
    'layout.edit',
    true,
  ),
  'layout.removeSlot': method<{ removed: true }>()(z.object({ slotId: id }), 'layout.edit', true),
  /**
   * 上版 from the editor: the story onto a page of the edition of `date`, into the empty 预留 slot
   * `slotId` or, without one, a new slot where the page has room. Its 见报日期 and 版次 become that
   * edition and page — planning data, so its 签发 stands.
   */
  'layout.placeStory': method<PlaceStoryResult>()(z.object({ articleId: id, date: isoDate, pageId: id, slotId: id.optional() }), 'layout.edit', true),

  'layout.signPage': method<SignPageResult>()(z.object({ pageId: id }), 'page.sign', true),
  /** 撤销签版: the chief opens a signed page again, saying why (audited). */
  'layout.unsignPage': method<LayoutPage>()(z.object({ pageId: id, reason: requiredText(500, '理由') }), 'page.sign', true),
  /** 付印/传版: the signed page as the print plant's PDF. */
  'layout.printPage': method<PrintPageResult>()(z.object({ pageId: id }), 'page.sign', true),
  'layout.pagePlan': method<PagePlan>()(z.object({ pageId: id }), 'article.read', false),
  /** 大样 in colour (the page's own setting when not given) or in grey, as for a black-and-white press. */
  'layout.proof': method<ProofFile>()(z.object({ pageId: id, grey: z.boolean({ error: '黑白必须是是或否' }).optional() }), 'article.read', false),
  /** A story's slots with their copy-fit, for the editor; it refetches on layout.changed. */
  'layout.articleSlots': method<ArticleSlotFit[]>()(z.object({ articleId: id }), 'article.read', false),
};
