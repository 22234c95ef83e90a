import { z } from 'zod';
import { method, requiredText, shortText } from '../contractKit';

/** Word files larger than this are almost always photo-heavy: their text is not worth the wait. */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;
const MAX_IMPORT_STORIES = 200;
/** Per story, counting every text field: beyond this it is a whole edition, not one story. */
const MAX_IMPORT_STORY_CHARS = 300_000;
const MAX_PARAGRAPHS = 20_000;

const parseDocxSchema = z.object({
  fileName: requiredText(255, '文件名'),
  dataBase64: z
    .string()
    .min(1, { error: '文件是空的' })
    .max(Math.ceil(MAX_DOCX_BYTES / 3) * 4, { error: `Word 文件不能超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB` })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '不是有效的 base64 编码' }),
});

/** What the recognizer hands over (shared/import RecognizedStory); warnings and sourceRange are not needed here. */
const importedStorySchema = z.object({
  kicker: z.string().nullable(),
  headline: z.string(),
  subheadline: z.string().nullable(),
  bylines: z.array(z.string()).max(100, { error: '署名最多 100 人' }),
  dateline: z.string().nullable(),
  reporters: z.array(z.string()).max(100, { error: '作者最多 100 人' }),
  subheads: z.array(z.string()).max(MAX_PARAGRAPHS, { error: `小标题最多 ${MAX_PARAGRAPHS} 个` }),
  subheadIndexes: z.array(z.number().int().nonnegative()).max(MAX_PARAGRAPHS, { error: `小标题最多 ${MAX_PARAGRAPHS} 个` }),
  paragraphs: z.array(z.string()).max(MAX_PARAGRAPHS, { error: `正文最多 ${MAX_PARAGRAPHS} 段` }),
  captions: z.array(z.object({ text: z.string(), credit: z.string().nullable() })).max(500, { error: '图片说明最多 500 条' }),
  jumps: z.array(z.object({ direction: z.enum(['out', 'in']), page: z.string().trim().min(1).max(10) })).max(50, { error: '转版行最多 50 条' }),
  endCredit: z.string().nullable(),
  /** what wire copy carries beside the text (NewsML-G2, NITF); a paste has none of it */
  abstract: z.string().nullable().optional(),
  keywords: z.array(z.string().trim().max(40, { error: '关键词不能超过 40 个字' })).max(50, { error: '关键词最多 50 个' }).optional(),
  slug: z.string().nullable().optional(),
});

export type ImportedStory = z.infer<typeof importedStorySchema>;

/** A story read from wire copy (shared/interchange/wireImport.ts), its parts already recognized. */
export interface WireStory extends ImportedStory {
  /** 'NewsML-G2' or 'NITF': what it was read from */
  source: string;
}

function storyChars(story: ImportedStory): number {
  const texts = [
    story.kicker ?? '',
    story.headline,
    story.subheadline ?? '',
    story.dateline ?? '',
    story.endCredit ?? '',
    ...story.bylines,
    ...story.reporters,
    ...story.subheads,
    ...story.paragraphs,
    ...story.captions.flatMap((c) => [c.text, c.credit ?? '']),
  ];
  return texts.reduce((sum, t) => sum + t.length, 0);
}

const createArticlesSchema = z.object({
  stories: z
    .array(importedStorySchema)
    .min(1, { error: '没有要导入的稿件' })
    .max(MAX_IMPORT_STORIES, { error: `一次最多导入 ${MAX_IMPORT_STORIES} 篇稿件，请分批导入` })
    .superRefine((stories, ctx) => {
      stories.forEach((story, i) => {
        if (storyChars(story) > MAX_IMPORT_STORY_CHARS) {
          ctx.addIssue({ code: 'custom', path: [i], message: `第 ${i + 1} 篇稿件超过 ${MAX_IMPORT_STORY_CHARS} 字，请拆分后再导入` });
        }
        const misplaced =
          story.subheads.length !== story.subheadIndexes.length || story.subheadIndexes.some((k) => k >= story.paragraphs.length);
        if (misplaced) {
          ctx.addIssue({ code: 'custom', path: [i, 'subheadIndexes'], message: `第 ${i + 1} 篇稿件的小标题与正文段落对不上，请重新识别` });
        }
      });
    }),
  desk: shortText(40).optional(),
});

export interface ImportedArticle {
  id: string;
  headline: string;
  /** what was changed on the way in (an unreadable 电头 …), in Chinese */
  warnings: string[];
}

/** Wire copy (NewsML-G2, NITF) is smaller than Word files; beyond this it is not one delivery. */
export const MAX_WIRE_BYTES = 5 * 1024 * 1024;

const parseWireSchema = z.object({
  fileName: requiredText(255, '文件名'),
  dataBase64: z
    .string()
    .min(1, { error: '文件是空的' })
    .max(Math.ceil(MAX_WIRE_BYTES / 3) * 4, { error: `XML 稿件不能超过 ${MAX_WIRE_BYTES / 1024 / 1024} MB` })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '不是有效的 base64 编码' }),
});

export const importMethods = {
  'import.parseDocx': method<{ paragraphs: string[] }>()(parseDocxSchema, 'article.create', false),
  /** NewsML-G2 or NITF from the wire, read into stories with their parts already recognized. */
  'import.parseWire': method<{ stories: WireStory[] }>()(parseWireSchema, 'article.create', false),
  'import.createArticles': method<{ articles: ImportedArticle[] }>()(createArticlesSchema, 'article.create', true),
} as const;
