/**
 * A story's findings as the product sees them: each tied to the field and paragraph it was found
 * in, minus what an editor chose to ignore for this story, with the bookkeeping the gate and the
 * error-rate report need.
 */
import { checkText, type CompiledWordLists, type Finding, type Fix } from '../style/index';
import type { ProofField, ProofUnit } from './units';
import { STYLE_FIELD_OF } from './units';

/**
 * "Ignore in this story": the rule, the flagged text and the paragraph it stood in. Tied to the
 * paragraph's wording, so an ignore survives edits elsewhere and the paragraph moving, but lapses
 * when that paragraph is reworded: the judgement was about that sentence.
 */
export interface StoryIgnore {
  rule: string;
  text: string;
  paragraphHash: string;
}

export interface FieldFinding extends Finding {
  field: ProofField;
  /** the unit's index within its field (body: 0-based non-blank paragraph) */
  paragraph: number;
  paragraphHash: string;
  /** the flagged text, text.slice(start, end) of the paragraph */
  text: string;
}

export function ignoreKey(rule: string, text: string, paragraphHash: string): string {
  return `${rule}\u0000${text}\u0000${paragraphHash}`;
}

export function ignoreKeys(ignores: readonly StoryIgnore[]): Set<string> {
  return new Set(ignores.map((i) => ignoreKey(i.rule, i.text, i.paragraphHash)));
}

export interface UnitCheckOptions {
  wordLists: CompiledWordLists;
  ignores?: readonly StoryIgnore[];
}

export interface UnitCheckResult {
  /** open findings, in the order of the units given */
  findings: FieldFinding[];
  ignored: number;
}

export function proofreadUnits(units: readonly ProofUnit[], options: UnitCheckOptions): UnitCheckResult {
  const ignored = ignoreKeys(options.ignores ?? []);
  const findings: FieldFinding[] = [];
  let ignoredCount = 0;
  for (const unit of units) {
    for (const f of checkText(unit.text, { field: STYLE_FIELD_OF[unit.field], wordLists: options.wordLists })) {
      const text = unit.text.slice(f.start, f.end);
      if (ignored.size > 0 && ignored.has(ignoreKey(f.rule, text, unit.hash))) {
        ignoredCount++;
        continue;
      }
      findings.push({ ...f, field: unit.field, paragraph: unit.index, paragraphHash: unit.hash, text });
    }
  }
  return { findings, ignored: ignoredCount };
}

/**
 * The fixes "apply all" makes, chosen exactly as the engine's applyFixes chooses them (no overlap
 * with an earlier fix; one insertion per point), so the editor's one transaction leaves the same
 * text applyFixes would.
 */
export function selectFixes<T extends { fix: Fix | null }>(items: readonly T[]): Array<T & { fix: Fix }> {
  const withFix = items
    .filter((item): item is T & { fix: Fix } => item.fix !== null && item.fix.start <= item.fix.end)
    .sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end);
  const chosen: Array<T & { fix: Fix }> = [];
  let cursor = 0;
  let lastInsertAt = -1;
  for (const item of withFix) {
    const { start, end } = item.fix;
    if (start < cursor) continue;
    if (start === end) {
      if (start === lastInsertAt) continue;
      lastInsertAt = start;
    }
    chosen.push(item);
    cursor = end;
  }
  return chosen;
}

/** How often each (field, rule, flagged text) occurs: the yardstick for "fixed since". */
export function occurrences(findings: readonly FieldFinding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) {
    const key = `${f.field}\u0000${f.rule}\u0000${f.text}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * Findings of the baseline that are gone now. Counted by occurrence rather than by position, so
 * rewording a paragraph that still holds 好象 does not count as fixing it, while correcting two of
 * three 好象 counts two.
 */
export function fixedSince(baseline: Record<string, number>, current: Record<string, number>): number {
  let fixed = 0;
  for (const [key, count] of Object.entries(baseline)) fixed += Math.max(0, count - (current[key] ?? 0));
  return fixed;
}
