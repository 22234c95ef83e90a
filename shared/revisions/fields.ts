import type { ArticleFields } from '../domain/article';
import type { DocNode } from '../document/docTypes';
import { docToPlainText } from '../document/docText';

/**
 * Every editable field, in the order a reader scans a story. Text fields are compared by
 * character; the rest are metadata, reported by name. Typed as a Record so a field added to
 * ArticleFields fails to compile until it is placed here.
 */
const FIELD_KINDS: Record<keyof ArticleFields, 'text' | 'metadata'> = {
  kicker: 'text',
  headline: 'text',
  subheadline: 'text',
  body: 'text',
  abstract: 'text',
  editorsNote: 'text',
  endCredit: 'text',
  slug: 'text',
  desk: 'text',
  genre: 'metadata',
  bylines: 'metadata',
  dateline: 'metadata',
  keywords: 'metadata',
  targetChars: 'metadata',
  editionDate: 'metadata',
  page: 'metadata',
  priority: 'metadata',
};

export type FieldKey = keyof ArticleFields;

export const FIELD_KEYS = Object.keys(FIELD_KINDS) as FieldKey[];
export const TEXT_FIELD_KEYS = FIELD_KEYS.filter((k) => FIELD_KINDS[k] === 'text');
export const METADATA_FIELD_KEYS = FIELD_KEYS.filter((k) => FIELD_KINDS[k] === 'metadata');

/** The editable fields of an article or snapshot, without its bookkeeping (status, version, authorship). */
export function pickFields(source: ArticleFields): ArticleFields {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_KEYS) out[key] = source[key];
  return out as unknown as ArticleFields;
}

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
