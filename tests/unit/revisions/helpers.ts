import type { ArticleFields } from '../../../shared/domain/article';
import type { DocNode } from '../../../shared/document/docTypes';
import { blocksToDoc } from '../../../shared/document/docText';
import { defaultFields } from '../../../shared/article/fields';

/** A body of plain paragraphs, as the editor stores it. */
export function doc(...paragraphs: string[]): DocNode {
  return blocksToDoc(paragraphs.map((text) => ({ kind: 'p' as const, text })));
}

export function fields(overrides: Partial<ArticleFields>): ArticleFields {
  return { ...defaultFields(), ...overrides };
}
