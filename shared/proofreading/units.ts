/**
 * What of a story prints, cut into the pieces the house-style rules check one by one: each
 * headline part, the 电头, every byline name, the end credit, the abstract and editor's note, and
 * every body paragraph. Each piece is checked with the rules of its own kind (a headline with the
 * headline rules), and carries the hash that names it for "ignore in this story".
 */
import type { ArticleFields } from '../domain/article';
import { buildDateline } from '../article/dateline';
import type { StyleField } from '../style/index';
import { docTextblocks } from './blockText';
import { textHash } from './hash';

const PROOF_FIELDS = [
  'kicker',
  'headline',
  'subheadline',
  'dateline',
  'byline',
  'abstract',
  'editorsNote',
  'body',
  'endCredit',
] as const;
export type ProofField = (typeof PROOF_FIELDS)[number];

/** The rule set each field is checked with. */
export const STYLE_FIELD_OF: Record<ProofField, StyleField> = {
  kicker: 'kicker',
  headline: 'headline',
  subheadline: 'subheadline',
  dateline: 'dateline',
  byline: 'byline',
  abstract: 'body',
  editorsNote: 'body',
  body: 'body',
  endCredit: 'byline',
};

export interface ProofUnit {
  field: ProofField;
  /** which one of the field: the body paragraph (0-based, blank ones not counted), the byline … */
  index: number;
  text: string;
  hash: string;
}

export type ProofreadSource = Pick<
  ArticleFields,
  'kicker' | 'headline' | 'subheadline' | 'bylines' | 'dateline' | 'endCredit' | 'abstract' | 'editorsNote' | 'body'
>;

function unit(field: ProofField, index: number, text: string): ProofUnit {
  return { field, index, text, hash: textHash(text) };
}

/** The 电头 as it will print; an incomplete one (a remote dateline without a place) prints nothing yet. */
function datelineText(source: ProofreadSource, paperShortName: string): string {
  if (source.dateline === null) return '';
  try {
    return buildDateline(source.dateline, source.bylines, { shortName: paperShortName });
  } catch {
    return '';
  }
}

export function articleUnits(source: ProofreadSource, paperShortName: string): ProofUnit[] {
  const units: ProofUnit[] = [];
  const single = (field: ProofField, text: string): void => {
    if (text.trim() !== '') units.push(unit(field, 0, text));
  };
  single('kicker', source.kicker);
  single('headline', source.headline);
  single('subheadline', source.subheadline);
  single('dateline', datelineText(source, paperShortName));
  source.bylines.forEach((b, i) => {
    if (b.name.trim() !== '') units.push(unit('byline', i, b.name));
  });
  single('abstract', source.abstract);
  single('editorsNote', source.editorsNote);
  let paragraph = 0;
  for (const block of docTextblocks(source.body)) {
    if (block.text.trim() === '') continue;
    units.push({ field: 'body', index: paragraph++, text: block.text, hash: block.hash });
  }
  single('endCredit', source.endCredit);
  return units;
}
