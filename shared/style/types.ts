import type { CompiledWordLists } from './wordLists';

export type Severity = 'error' | 'warning' | 'info';

export type StyleField = 'body' | 'headline' | 'kicker' | 'subheadline' | 'caption' | 'byline' | 'dateline';

export const ALL_FIELDS: readonly StyleField[] = [
  'body',
  'headline',
  'kicker',
  'subheadline',
  'caption',
  'byline',
  'dateline',
];

/** Offsets into the checked text; may cover a different span than its finding. */
export interface Fix {
  start: number;
  end: number;
  replacement: string;
}

/** start/end are UTF-16 indices into the checked text; message is Chinese and actionable. */
export interface Finding {
  rule: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  /** present only when applying it blindly is safe */
  fix: Fix | null;
}

export interface RuleContext {
  readonly field: StyleField;
  readonly wordLists: CompiledWordLists;
  /** '\n' separates lines as set on the page (proof), not paragraphs */
  readonly lineBreaksAreSetLines: boolean;
  /** true inside a URL or e-mail address, whose punctuation is not prose */
  isProtected(index: number): boolean;
  /** O(1) after the first call: whether text[start, end) holds a Han character */
  hasHanBetween(start: number, end: number): boolean;
}

export interface RuleInfo {
  readonly id: string;
  /** Chinese, for the settings screen */
  readonly title: string;
  /** the usual severity; a rule may report a single finding at another level */
  readonly severity: Severity;
  readonly fields: readonly StyleField[];
}

export interface Rule extends RuleInfo {
  check(text: string, ctx: RuleContext): Finding[];
}
