import type { ArticleFields } from '../domain/article';
import { docToParagraphs, docToPlainText } from '../document/docText';
import { emptyDoc } from '../document/docSchema';
import { textStats } from '../text/count';

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

/** A new story's fields before the writer fills any. */
export function defaultFields(): ArticleFields {
  return {
    slug: '',
    desk: '',
    genre: '消息',
    kicker: '',
    headline: '',
    subheadline: '',
    bylines: [],
    dateline: null,
    endCredit: '',
    abstract: '',
    editorsNote: '',
    keywords: [],
    targetChars: null,
    editionDate: null,
    page: null,
    priority: 3,
    body: emptyDoc(),
  };
}

/** What is derived from the fields on every write and stored for lists and search. */
export interface DerivedText {
  bodyText: string;
  bylineNames: string;
  charCount: number;
  cells: number;
  paragraphCount: number;
}

export function deriveText(fields: ArticleFields): DerivedText {
  const stats = textStats(docToParagraphs(fields.body));
  return {
    bodyText: docToPlainText(fields.body),
    bylineNames: fields.bylines.map((b) => b.name).join(' '),
    charCount: stats.chars,
    cells: stats.cells,
    paragraphCount: stats.paragraphs,
  };
}
