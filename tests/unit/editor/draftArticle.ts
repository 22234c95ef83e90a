import { blocksToDoc } from '../../../shared/document/docText';
import type { Article } from '../../../shared/domain/article';

export const DRAFT_ID = '0190a0b0-0000-7000-8000-0000000000bb';

/** The story an editor test opens, at `version`, with `fields` over a one-paragraph draft by 张晓明. */
export function draftArticle(version: number, fields: Partial<Article> = {}): Article {
  return {
    id: DRAFT_ID, slug: '', desk: '', genre: '消息', kicker: '', headline: '市民公园开放', subheadline: '', bylines: [], dateline: null,
    endCredit: '', abstract: '', editorsNote: '', keywords: [], targetChars: null, editionDate: null, page: null, priority: 3,
    body: blocksToDoc([{ kind: 'p', text: '公园占地三百亩。' }]),
    status: 'draft', version, charCount: 8, cells: 8, paragraphCount: 1, createdAt: '', createdBy: 'u1', createdByName: '张晓明',
    updatedAt: '', updatedBy: 'u1', updatedByName: '张晓明', deletedAt: null,
    ...fields,
  };
}
