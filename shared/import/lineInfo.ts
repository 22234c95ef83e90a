/**
 * What one line looks like on its own, before any context. Context (header or body, which story)
 * is decided by split.ts, header.ts and blocks.ts.
 */
import { endsWithSentenceFinal, isSentenceFinalChar } from './chars';
import { matchBylineLine, type BylineLine } from './bylineRecognizer';
import { matchCreditLine, splitEndCredit, splitPhotoCredit } from './credits';
import { startsWithDateline } from './datelineRecognizer';
import { matchJumpLine, splitTrailingJump, type RecognizedJump } from './jumpRecognizer';
import { isIndented } from './lines';
import {
  isPageCredit, isSeparatorLine, matchCaptionStart, matchExplicitPart, matchMarkedSubhead,
  matchStoryMarker, type ExplicitPart,
} from './markers';
import { cleanLine } from './spacing';

export interface Limits {
  /** longest line read as a headline part, in characters */
  maxHeadlineChars: number;
  /** longest line read as a 小标题 */
  maxSubheadChars: number;
}

export const DEFAULT_LIMITS: Limits = { maxHeadlineChars: 30, maxSubheadChars: 24 };

export interface LineInfo {
  /** index in the array handed to the analyser */
  index: number;
  /** trimmed, letter-spacing undone, whitespace runs folded to one space */
  text: string;
  blank: boolean;
  indented: boolean;
  separator: boolean;
  storyMarker: { slug: string | null } | null;
  explicit: ExplicitPart | null;
  pageCredit: boolean;
  jump: RecognizedJump | null;
  dateline: boolean;
  byline: BylineLine | null;
  creditOnly: string | null;
  captionStart: string | null;
  markedSubhead: string | null;
  /** short, no sentence end inside or at the end: could be 引题/主题/副题 */
  headlineCandidate: boolean;
  /** the text can end a paragraph here: sentence end, jump, photo credit, end credit */
  endsParagraph: boolean;
  /** the line ends with an end credit, a jump-out or （完）: the story before it is over */
  closesStory: boolean;
}

/** A 引题 may end with ，, so only marks that close a sentence or announce one disqualify a line. */
const NOT_A_HEADLINE_END = /[。；：;:]$/;

/** Whether a paragraph may end after this text; looks only at the tail, so joined paragraphs stay linear. */
export function endsParagraph(text: string): boolean {
  const tail = text.slice(-80);
  if (endsWithSentenceFinal(tail) || splitTrailingJump(tail) !== null) return true;
  if (tail.endsWith('）') || tail.endsWith(')')) {
    const open = Math.max(tail.lastIndexOf('（'), tail.lastIndexOf('('));
    if (open > 0 && isSentenceFinalChar(tail.charAt(open - 1))) return true;
  }
  return splitPhotoCredit(tail) !== null || splitEndCredit(tail) !== null;
}

function closesStory(text: string): boolean {
  if (/[（(]完[）)]$/.test(text)) return true;
  const jump = splitTrailingJump(text);
  if (jump) return jump.jump.direction === 'out';
  return splitEndCredit(text) !== null;
}

function analyzeLine(raw: string, index: number, limits: Limits): LineInfo {
  const text = cleanLine(raw);
  const blank = text === '';
  const separator = !blank && isSeparatorLine(text);
  const short = text.length <= Math.max(limits.maxHeadlineChars, 40);
  const jump = short ? matchJumpLine(text) : null;
  const storyMarker = short ? matchStoryMarker(text) : null;
  const explicit = matchExplicitPart(text);
  const pageCredit = short && isPageCredit(text);
  const dateline = !blank && startsWithDateline(text);
  const byline = short && !dateline ? matchBylineLine(text) : null;
  const creditOnly = short ? matchCreditLine(text) : null;
  const captionStart = matchCaptionStart(text);
  const markedSubhead = short ? matchMarkedSubhead(text, limits.maxSubheadChars) : null;
  const special =
    blank || separator || jump !== null || storyMarker !== null || explicit !== null || pageCredit ||
    dateline || byline !== null || creditOnly !== null || captionStart !== null;
  const closes = !blank && closesStory(text);
  // 一、… and ■ … are 小标题 markings; a bracketed 【…】 line may still be a column-style 引题.
  const subheadMarking = markedSubhead !== null && !/^【[^【】]*】$/.test(text);
  const headlineCandidate =
    !special && !closes && !subheadMarking && text.length <= limits.maxHeadlineChars && !text.includes('。') && !NOT_A_HEADLINE_END.test(text) &&
    !/^[，。、；：？！”）》,.;:?!)]/.test(text);
  return {
    index, text, blank, indented: isIndented(raw), separator, storyMarker, explicit, pageCredit, jump, dateline,
    byline, creditOnly, captionStart, markedSubhead, headlineCandidate,
    endsParagraph: !blank && (jump !== null || endsParagraph(text)),
    closesStory: closes,
  };
}

export function analyzeLines(lines: readonly string[], limits: Limits = DEFAULT_LIMITS): LineInfo[] {
  return lines.map((raw, i) => analyzeLine(raw, i, limits));
}
