import { applyFixes, checkText, type CheckOptions, type StyleField } from '../../../shared/style/index';

/** [start, end, replacement or null] of each finding of one rule: the spans an editor underlines. */
export function spans(text: string, rule: string, field: StyleField = 'body', extra: Partial<CheckOptions> = {}) {
  return checkText(text, { field, rules: [rule], ...extra }).map((f) => [
    f.start,
    f.end,
    f.fix === null ? null : f.fix.replacement,
  ]);
}

/** The text after applying one rule's fixes: what the editor sees after "fix all". */
export function fixed(text: string, rule: string, field: StyleField = 'body'): string {
  return applyFixes(text, checkText(text, { field, rules: [rule] }));
}

export function messages(text: string, rule: string, field: StyleField = 'body'): string[] {
  return checkText(text, { field, rules: [rule] }).map((f) => f.message);
}
