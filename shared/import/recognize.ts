/**
 * Recognition of pasted or imported newspaper copy: one story from a line range, or every story
 * in a paste.
 */
import { snippet } from './chars';
import { buildBlocks } from './blocks';
import { readBody } from './body';
import { scanHeader } from './header';
import { assignHeadlineParts } from './headlineStack';
import { analyzeLines, DEFAULT_LIMITS, type LineInfo, type Limits } from './lineInfo';
import { toLines } from './lines';
import { mergeNames } from './people';
import { pointsFromInfos } from './split';
import type { RecognizeOptions, RecognizeStoryOptions, RecognizedStory } from './types';

/** Keeps line numbering intact when a caller hands over something that is not a string. */
function onlyStrings(lines: readonly unknown[]): string[] {
  return Array.isArray(lines) ? lines.map((l) => (typeof l === 'string' ? l : '')) : [];
}

function limitsOf(options: RecognizeOptions | undefined): Limits {
  const pick = (v: number | undefined, d: number): number => (typeof v === 'number' && v > 0 && Number.isFinite(v) ? v : d);
  return {
    maxHeadlineChars: pick(options?.maxHeadlineChars, DEFAULT_LIMITS.maxHeadlineChars),
    maxSubheadChars: pick(options?.maxSubheadChars, DEFAULT_LIMITS.maxSubheadChars),
  };
}

function rangeOf(infos: readonly LineInfo[], firstLine: number): RecognizedStory['sourceRange'] {
  const content = infos.filter((l) => !l.blank);
  const first = content[0];
  const last = content[content.length - 1];
  return first && last
    ? { startLine: firstLine + first.index - (infos[0]?.index ?? 0), endLine: firstLine + last.index - (infos[0]?.index ?? 0) }
    : { startLine: firstLine, endLine: firstLine };
}

function fromInfos(infos: readonly LineInfo[], firstLine: number, limits: Limits): RecognizedStory {
  const header = scanHeader(infos);
  const stack = assignHeadlineParts(header.entries);
  const built = buildBlocks(infos.slice(header.bodyStart), limits);
  const body = readBody(built.blocks);

  const warnings = [...header.warnings, ...stack.warnings, ...built.warnings, ...body.warnings];
  let headline = stack.headline;
  if (headline === '' && header.slug) {
    headline = header.slug;
    warnings.unshift('未识别到主题，已用稿件名代替，请核对');
  } else if (headline === '') {
    warnings.unshift('未识别到主题，请补充');
  }
  if (body.paragraphs.length === 0 && body.captions.length === 0) warnings.push('未识别到正文');

  const bylines = mergeNames(header.bylineNames, body.bylineNames);
  return {
    kicker: stack.kicker,
    headline,
    subheadline: stack.subheadline,
    bylines,
    dateline: body.dateline,
    reporters: mergeNames(body.datelineNames, bylines, body.endCreditNames),
    subheads: body.subheads,
    subheadIndexes: body.subheadIndexes,
    paragraphs: body.paragraphs,
    captions: body.captions,
    jumps: [...header.jumps, ...body.jumps],
    endCredit: body.endCredit,
    warnings: [...new Set(warnings)],
    sourceRange: rangeOf(infos, firstLine),
  };
}

/** Last resort: never throw at the review screen, hand the text back line by line instead. */
function fallback(infos: readonly LineInfo[], lines: readonly string[], firstLine: number, error: unknown): RecognizedStory {
  const message = error instanceof Error ? error.message : String(error);
  return {
    kicker: null, headline: '', subheadline: null, bylines: [], dateline: null, reporters: [], subheads: [],
    subheadIndexes: [], paragraphs: lines.map((l) => l.trim()).filter((l) => l !== ''), captions: [], jumps: [],
    endCredit: null, warnings: [`自动识别出错（${snippet(message, 40)}），已按原文逐行导入`],
    sourceRange: rangeOf(infos, firstLine),
  };
}

/**
 * One story from a range of lines (the UI re-runs this after the user moves a split point).
 * `options.firstLine` is the index of lines[0] in the whole paste.
 */
export function recognizeStory(lines: readonly string[], options?: RecognizeStoryOptions): RecognizedStory {
  const limits = limitsOf(options);
  const firstLine = Math.max(0, Math.trunc(options?.firstLine ?? 0)) || 0;
  const safe = onlyStrings(lines);
  let infos: LineInfo[] = [];
  try {
    infos = analyzeLines(toLines(safe), limits);
    return fromInfos(infos, firstLine, limits);
  } catch (error) {
    return fallback(infos, safe, firstLine, error);
  }
}

/** Line indices (into toLines(input)) where stories start; [] when there is no text. */
export function splitPoints(lines: readonly string[], options?: RecognizeOptions): number[] {
  try {
    return pointsFromInfos(analyzeLines(toLines(onlyStrings(lines)), limitsOf(options)));
  } catch {
    const first = onlyStrings(lines).findIndex((l) => l.trim() !== '');
    return first >= 0 ? [first] : [];
  }
}

/** Every story in a paste, .txt file or list of .docx paragraphs, split at splitPoints. */
export function recognizeStories(input: string | readonly string[], options?: RecognizeOptions): RecognizedStory[] {
  const limits = limitsOf(options);
  const lines = toLines(input);
  let infos: LineInfo[] = [];
  try {
    infos = analyzeLines(lines, limits);
    const points = pointsFromInfos(infos);
    return points.map((start, k) => {
      const end = points[k + 1] ?? infos.length;
      const slice = infos.slice(start, end);
      try {
        return fromInfos(slice, start, limits);
      } catch (error) {
        return fallback(slice, lines.slice(start, end), start, error);
      }
    });
  } catch (error) {
    return lines.some((l) => l.trim() !== '') ? [fallback(infos, lines, 0, error)] : [];
  }
}
