/**
 * The recognised story as the review screen and the CLI (JSON) see it.
 */
import { z } from 'zod';

export const recognizedStorySchema = z.object({
  /** 引题 */
  kicker: z.string().nullable(),
  /** 主题; '' only when none was found (a warning says so) */
  headline: z.string(),
  /** 副题, with its leading —— as printed */
  subheadline: z.string().nullable(),
  /** names from byline lines (□ 张三 李四, 本报记者 张三), roles removed */
  bylines: z.array(z.string()),
  /** the 电头 as printed, with full-width parentheses: 本报讯（记者 张三 通讯员 李四） */
  dateline: z.string().nullable(),
  /** everyone credited in the 电头, byline lines and end credit, roles removed, each once */
  reporters: z.array(z.string()),
  /** 小标题, decoration (■ ◆ 【】) removed, numbering kept */
  subheads: z.array(z.string()),
  /** where each 小标题 sits: its index in `paragraphs` (小标题 stay in the body so nothing moves) */
  subheadIndexes: z.array(z.number().int().nonnegative()),
  /** body paragraphs: 电头, captions, jump lines and the end credit taken out; 小标题 kept in place */
  paragraphs: z.array(z.string()),
  captions: z.array(z.object({ text: z.string(), credit: z.string().nullable() })),
  /** page numbers as digits ('4') or lettered ('A2') */
  jumps: z.array(z.object({ direction: z.enum(['out', 'in']), page: z.string() })),
  /** 张三 from ……。（张三）, 据新华社 from （据新华社） */
  endCredit: z.string().nullable(),
  /** for the review screen, in Chinese */
  warnings: z.array(z.string()),
  /** 0-based, inclusive, indexes into toLines(input): first and last non-blank line */
  sourceRange: z.object({ startLine: z.number().int().nonnegative(), endLine: z.number().int().nonnegative() }),
});

export type RecognizedStory = z.infer<typeof recognizedStorySchema>;

export interface RecognizeOptions {
  /** longest line taken as a headline part, in characters (default 30) */
  maxHeadlineChars?: number;
  /** longest line taken as a 小标题 (default 24) */
  maxSubheadChars?: number;
}

export interface RecognizeStoryOptions extends RecognizeOptions {
  /** index of lines[0] in the whole paste, so sourceRange matches the caller's line numbers */
  firstLine?: number;
}
