/**
 * Runs the house-style rules over one text or a list of paragraphs, applies safe fixes, and
 * sums findings up for the sign-off gates. A rule that throws is treated as having found
 * nothing: a bug in one check must never block an editor from saving or signing.
 */
import { findProtectedSpans, hanPrefixCounts, inSpans } from './chars';
import { DEFAULT_WORD_LISTS } from './defaultWordLists';
import { ALL_RULES } from './rules/index';
import type { Finding, Fix, Rule, RuleContext, RuleInfo, StyleField } from './types';
import { compileWordLists, type CompiledWordLists } from './wordLists';

export interface CheckOptions {
  field: StyleField;
  /** defaults to the compiled DEFAULT_WORD_LISTS */
  wordLists?: CompiledWordLists;
  /** rule ids to run; default all. Rules that do not apply to the field are skipped either way. */
  rules?: readonly string[];
  /** '\n' separates set lines (proofs), enabling the line start/end rule */
  lineBreaksAreSetLines?: boolean;
}

export interface ParagraphFinding extends Finding {
  /** index into the paragraphs given; start/end are relative to that paragraph */
  paragraph: number;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export const RULES: readonly RuleInfo[] = ALL_RULES.map(({ id, title, severity, fields }) => ({
  id,
  title,
  severity,
  fields,
}));

let defaultLists: CompiledWordLists | null = null;

function defaultWordLists(): CompiledWordLists {
  defaultLists ??= compileWordLists(DEFAULT_WORD_LISTS);
  return defaultLists;
}

function selectRules(options: CheckOptions): Rule[] {
  const wanted = options.rules === undefined ? null : new Set(options.rules);
  return ALL_RULES.filter((rule) => rule.fields.includes(options.field) && (wanted === null || wanted.has(rule.id)));
}

/** The context rules see; exported so a rule can be exercised on its own. */
export function createRuleContext(text: string, options: CheckOptions, wordLists: CompiledWordLists): RuleContext {
  let spans: Array<[number, number]> | null = null;
  let hanBefore: Int32Array | null = null;
  return {
    field: options.field,
    wordLists,
    lineBreaksAreSetLines: options.lineBreaksAreSetLines ?? false,
    isProtected(index) {
      spans ??= findProtectedSpans(text);
      return inSpans(spans, index);
    },
    hasHanBetween(start, end) {
      hanBefore ??= hanPrefixCounts(text);
      return (hanBefore[Math.min(end, text.length)] ?? 0) > (hanBefore[Math.max(start, 0)] ?? 0);
    },
  };
}

function isWellFormed(f: Finding, length: number): boolean {
  return Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.start <= f.end && f.end <= length;
}

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

function runRules(text: string, rules: readonly Rule[], options: CheckOptions, wordLists: CompiledWordLists): Finding[] {
  const ctx = createRuleContext(text, options, wordLists);
  const findings: Finding[] = [];
  for (const rule of rules) {
    let found: Finding[];
    try {
      found = rule.check(text, ctx);
    } catch {
      continue;
    }
    for (const f of found) if (isWellFormed(f, text.length)) findings.push(f);
  }
  return findings.sort(byPosition);
}

export function checkText(text: string, options: CheckOptions): Finding[] {
  return runRules(text, selectRules(options), options, options.wordLists ?? defaultWordLists());
}

/** Each paragraph is checked on its own, so an editor can re-check only the one that changed. */
export function checkParagraphs(paragraphs: readonly string[], options: CheckOptions): ParagraphFinding[] {
  const rules = selectRules(options);
  const wordLists = options.wordLists ?? defaultWordLists();
  return paragraphs.flatMap((text, paragraph) =>
    runRules(text, rules, options, wordLists).map((f) => ({ ...f, paragraph })),
  );
}

/**
 * Applies every fix that does not collide with an earlier one (by position). An insertion at the
 * start of a replaced span goes before it. Built in one pass: repeated string splicing would be
 * quadratic on a long text with many fixes.
 */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const fixes = findings
    .map((f) => f.fix)
    .filter((fix): fix is Fix => fix !== null && fix.start >= 0 && fix.start <= fix.end && fix.end <= text.length)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: string[] = [];
  let cursor = 0;
  let lastInsertAt = -1;
  for (const fix of fixes) {
    if (fix.start < cursor) continue;
    if (fix.start === fix.end) {
      if (fix.start === lastInsertAt) continue;
      lastInsertAt = fix.start;
    }
    pieces.push(text.slice(cursor, fix.start), fix.replacement);
    cursor = fix.end;
  }
  pieces.push(text.slice(cursor));
  return pieces.join('');
}

export function summarize(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** 差错率: errors per 10,000 characters (§8); 0 for empty copy. */
export function errorRate(findingCount: number, chars: number): number {
  return chars > 0 ? (findingCount * 10_000) / chars : 0;
}
