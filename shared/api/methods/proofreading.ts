import { z } from 'zod';
import type { FieldFinding, StoryIgnore } from '../../proofreading/findings';
import { TEXT_HASH_PATTERN } from '../../proofreading/hash';
import {
  RULES,
  validateConfusableContext,
  type SeverityCounts,
  type WordListEntryMap,
  type WordListKind,
} from '../../style/index';
import { id, isoDate, method, requiredText, shortText } from '../contractKit';
import { PROOF_FIELDS } from '../../layout/proofRuns';
import type { ProofMark, ProofSheet, ProofStatus } from '../../proofreading/proofDesk';

export const WORD_LIST_KINDS = ['confusable', 'careful', 'exactName', 'placeName'] as const satisfies readonly WordListKind[];

export interface WordListState<K extends WordListKind> {
  kind: K;
  entries: Array<WordListEntryMap[K]>;
  /** 0 while the paper still uses the built-in list */
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}

export type PaperWordLists = { [K in WordListKind]: WordListState<K> };

interface StyleOverrideInfo {
  reason: string;
  byName: string;
  at: string;
}

export interface ArticleStyleReport {
  articleId: string;
  /** the saved version that was checked */
  version: number;
  /** open findings: ignores removed, overridden errors still listed */
  findings: FieldFinding[];
  counts: SeverityCounts;
  ignoredCount: number;
  ignores: StoryIgnore[];
  /** names the open errors; pass it to proofreading.override. null when there are none */
  errorsDigest: string | null;
  /** the override that covers exactly these errors, if one was recorded */
  override: StyleOverrideInfo | null;
}

export interface StyleGateResult {
  ok: boolean;
  errors: FieldFinding[];
  overridden: boolean;
}

export interface StoryErrorRate {
  articleId: string;
  headline: string;
  chars: number;
  /** open findings of every severity */
  findings: number;
  /** open findings of severity error */
  errors: number;
  /** findings of the first check that are gone now */
  fixed: number;
  findingsPer10k: number;
  errorsPer10k: number;
  fixedPer10k: number;
  /** when this story was first checked: "fixed" counts from here */
  baselineAt: string;
}

export interface ErrorRateReport {
  stories: StoryErrorRate[];
  total: Omit<StoryErrorRate, 'articleId' | 'headline' | 'baselineAt'>;
}

/** 差错率 of one edition: each page's placed stories, and the edition as a whole (a jumped story counted once). */
export interface EditionErrorRate {
  date: string;
  pages: Array<{ pageId: string; number: number; name: string; report: ErrorRateReport }>;
  total: ErrorRateReport['total'];
}

export const MAX_WORD_LIST_ENTRIES = 20_000;
const term = (what: string) => requiredText(60, what);
const kind = z.enum(WORD_LIST_KINDS, { error: '词表类型应为 confusable、careful、exactName 或 placeName' });

const confusableEntry = z.object({
  wrong: term('错误写法'),
  right: term('正确写法'),
  context: z
    .string()
    .trim()
    .max(300, { error: '语境不能超过 300 个字符' })
    .superRefine((value, ctx) => {
      const problem = value === '' ? null : validateConfusableContext(value);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  note: shortText(200).optional(),
});

const carefulEntry = z.object({
  word: term('词语'),
  replacement: shortText(60).optional(),
  reason: requiredText(200, '理由'),
  severity: z.enum(['error', 'warning', 'info'], { error: '级别应为 error、warning 或 info' }),
});

const nameEntry = z.object({ wrong: term('错误写法'), right: term('正确写法') });

/** What one entry of each list must hold; CSV imports are held to it too. */
export const WORD_LIST_ENTRY_SCHEMAS: Record<WordListKind, z.ZodType> = {
  confusable: confusableEntry,
  careful: carefulEntry,
  exactName: nameEntry,
  placeName: nameEntry,
};

/** One list may not name the same word twice, nor "correct" a word to itself. */
function entriesOf<T extends z.ZodType>(entry: T, keyOf: (e: z.output<T>) => string, same: (e: z.output<T>) => boolean) {
  return z
    .array(entry)
    .max(MAX_WORD_LIST_ENTRIES, { error: `词表最多 ${MAX_WORD_LIST_ENTRIES} 条` })
    .superRefine((entries, ctx) => {
      const seen = new Map<string, number>();
      entries.forEach((e, i) => {
        const key = keyOf(e);
        const first = seen.get(key);
        if (first !== undefined) {
          ctx.addIssue({ code: 'custom', path: [i], message: `第 ${i + 1} 条“${key}”与第 ${first + 1} 条重复` });
        } else {
          seen.set(key, i);
        }
        if (same(e)) ctx.addIssue({ code: 'custom', path: [i], message: `第 ${i + 1} 条的错误写法与正确写法相同` });
      });
    });
}

const baseVersion = z.number().int().min(0).optional();

const saveWordListSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('confusable'),
    entries: entriesOf(confusableEntry, (e) => e.wrong, (e) => e.wrong === e.right),
    baseVersion,
  }),
  z.object({ kind: z.literal('careful'), entries: entriesOf(carefulEntry, (e) => e.word, () => false), baseVersion }),
  z.object({
    kind: z.literal('exactName'),
    entries: entriesOf(nameEntry, (e) => e.wrong, (e) => e.wrong === e.right),
    baseVersion,
  }),
  z.object({
    kind: z.literal('placeName'),
    entries: entriesOf(nameEntry, (e) => e.wrong, (e) => e.wrong === e.right),
    baseVersion,
  }),
]);

const ruleId = z.enum(RULES.map((r) => r.id) as [string, ...string[]], { error: '未知的校对规则' });

export const proofreadingMethods = {
  'proofreading.getWordLists': method<PaperWordLists>()(z.object({}), 'article.read', false),
  'proofreading.saveWordList': method<WordListState<WordListKind>>()(saveWordListSchema, 'settings.manage', true),
  'proofreading.importCsv': method<{ imported: number; errors: Array<{ line: number; message: string }>; list: WordListState<WordListKind> }>()(
    z.object({
      kind,
      csv: z.string().min(1, { error: '请选择或粘贴 CSV 内容' }).max(5_000_000, { error: 'CSV 内容过大（上限约 5 MB）' }),
      mode: z.enum(['append', 'replace'], { error: '导入方式应为 append（追加）或 replace（替换）' }),
    }),
    'settings.manage',
    true,
  ),
  'proofreading.exportCsv': method<string>()(z.object({ kind }), 'article.read', false),
  // Reads, though it records the story's first check as the error-rate baseline when it can.
  'proofreading.checkArticle': method<ArticleStyleReport>()(z.object({ articleId: id }), 'article.read', false),
  'proofreading.ignore': method<{ ignores: StoryIgnore[] }>()(
    z.object({
      articleId: id,
      rule: ruleId,
      text: z.string().min(1, { error: '被忽略的原文不能为空' }).max(200, { error: '被忽略的原文不能超过 200 个字符' }),
      scope: z.literal('story', { error: '忽略范围只能是 story（本稿）' }),
      paragraphHash: z.string().regex(TEXT_HASH_PATTERN, { error: '段落标识无效' }),
    }),
    'article.read',
    true,
  ),
  'proofreading.override': method<ArticleStyleReport>()(
    z.object({
      articleId: id,
      findingsDigest: z.string().regex(/^[0-9a-f]{64}$/, { error: '检查结果摘要无效，请重新检查后再放行' }),
      reason: requiredText(500, '放行理由'),
    }),
    'article.read',
    true,
  ),
  /** The 大样 as the 校对 screen shows it: every line the proof sets, the marks on it, the rounds. */
  'proofreading.proofSheet': method<ProofSheet>()(z.object({ pageId: id }), 'article.read', false),
  /** A mark pinned where the proofreader saw it on the proof: slot, story, field, paragraph, offsets and the characters there. */
  'proofreading.addMark': method<ProofMark>()(
    z
      .object({
        pageId: id,
        slotId: id,
        articleId: id,
        field: z.enum(PROOF_FIELDS, { error: '位置只能是引题、主题、副题或正文' }),
        paragraph: z.number({ error: '段落序号必须是数字' }).int().min(0, { error: '段落序号从 0 开始' }),
        start: z.number({ error: '起点必须是数字' }).int().min(0, { error: '不能小于 0' }),
        end: z.number({ error: '终点必须是数字' }).int().min(1, { error: '不能小于 1' }),
        quote: requiredText(200, '原文'),
        correction: shortText(200).optional(),
        note: shortText(500).optional(),
      })
      .refine((m) => m.end > m.start, { error: '结束位置必须在起始位置之后', path: ['end'] }),
    'proof.mark',
    true,
  ),
  /** fixed: the desk has corrected the text; checked: the proofreader checked the fix off; open: reopened. */
  'proofreading.setMark': method<ProofMark>()(
    z.object({ markId: id, status: z.enum(['open', 'fixed', 'checked'], { error: '状态只能是 open（待改）、fixed（已改）或 checked（已核销）' }), baseVersion: z.number().int().min(1) }),
    'article.read',
    true,
  ),
  /** The proofreader finishes the round under way (1 一校 … 4 通读); finishing 通读 is the 校对's sign-off. */
  'proofreading.finishRound': method<ProofStatus>()(
    z.object({ pageId: id, round: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '校次只能是 1～4（一校、二校、三校、通读）' }) }),
    'proof.mark',
    true,
  ),
  /** A story's marks not yet checked off, for the desk fixing it in the editor. */
  'proofreading.storyMarks': method<ProofMark[]>()(z.object({ articleId: id }), 'article.read', false),
  'proofreading.editionErrorRate': method<EditionErrorRate>()(z.object({ date: isoDate }), 'article.read', false),
  'proofreading.errorRate': method<ErrorRateReport>()(
    z.object({ articleIds: z.array(id).min(1, { error: '至少选择一篇稿件' }).max(500, { error: '一次最多统计 500 篇稿件' }) }),
    'article.read',
    false,
  ),
} as const;
