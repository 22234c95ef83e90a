import type { ArticleFields } from '../domain/article';
import type { FieldKey } from '../article/fields';
import type { DocNode } from '../document/docTypes';
import { docToPlainText } from '../document/docText';

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = normalize((value as Record<string, unknown>)[key]);
    const empty = member === null || member === undefined || (typeof member === 'object' && !Array.isArray(member) && Object.keys(member).length === 0);
    if (!empty) out[key] = member;
  }
  return out;
}

/**
 * JSON with sorted keys and without null, undefined or empty-object members, so two values
 * that mean the same (a stored body and the editor's fresh JSON with `attrs: { textAlign: null }`)
 * compare equal.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(normalize(value)) ?? '';
}

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b);
}

/** A field's value as text a person can compare (the body as its paragraphs joined by '\n'). */
export function fieldText(key: FieldKey, fields: Partial<ArticleFields>): string {
  switch (key) {
    case 'body':
      return fields.body ? docToPlainText(fields.body) : '';
    case 'bylines':
      return (fields.bylines ?? []).map((b) => `${b.name}（${b.role}）`).join('、');
    case 'keywords':
      return (fields.keywords ?? []).join('、');
    case 'dateline': {
      const d = fields.dateline;
      if (!d) return '';
      const date = d.month && d.day ? `${d.month}月${d.day}日` : '';
      return [d.source, d.place, date].filter(Boolean).join(' ');
    }
    default: {
      const value = fields[key];
      return value === null || value === undefined ? '' : String(value);
    }
  }
}

export function blocksText(blocks: readonly DocNode[]): string {
  return docToPlainText({ type: 'doc', content: [...blocks] });
}
