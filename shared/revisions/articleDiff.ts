import type { ArticleFields } from '../domain/article';
import { docToParagraphs } from '../document/docText';
import { diffBudget, diffParagraphs, diffText, type DiffPart } from './diffText';
import { METADATA_FIELD_KEYS, TEXT_FIELD_KEYS, type FieldKey } from '../article/fields';
import { fieldText, sameValue } from './fields';

interface FieldDiff {
  field: FieldKey;
  parts: DiffPart[];
  added: number;
  removed: number;
}

export interface ArticleDiff {
  /** Text fields that differ, each as a character diff (the body's paragraphs joined by '\n'). */
  fields: FieldDiff[];
  /** Fields that differ with no text to show, by name: metadata (署名, 电头, 版次 …), and the body when only its formatting changed. */
  otherChanged: FieldKey[];
  added: number;
  removed: number;
  /** False when part of the body was too large to compare by character and is shown by whole paragraphs. */
  exact: boolean;
}

/** What changed from `from` to `to`: deletions are text only in `from`, insertions text only in `to`. */
export function diffArticles(from: ArticleFields, to: ArticleFields): ArticleDiff {
  // One budget for the whole story, so many changed fields cannot add up to a stall.
  const budget = diffBudget();
  const fields: FieldDiff[] = [];
  const otherChanged: FieldKey[] = [];
  let exact = true;
  for (const key of TEXT_FIELD_KEYS) {
    if (sameValue(from[key], to[key])) continue;
    const diff =
      key === 'body'
        ? diffParagraphs(docToParagraphs(from.body), docToParagraphs(to.body), budget)
        : diffText(fieldText(key, from), fieldText(key, to), budget);
    // Bold, italics or a note change the body without changing its printable text.
    if (diff.parts.every((p) => p.type === 'equal')) {
      otherChanged.push(key);
      continue;
    }
    fields.push({ field: key, parts: diff.parts, added: diff.added, removed: diff.removed });
    exact &&= diff.exact;
  }
  return {
    fields,
    otherChanged: [...otherChanged, ...METADATA_FIELD_KEYS.filter((key) => !sameValue(from[key], to[key]))],
    added: fields.reduce((n, f) => n + f.added, 0),
    removed: fields.reduce((n, f) => n + f.removed, 0),
    exact,
  };
}
