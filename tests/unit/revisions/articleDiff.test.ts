import { describe, expect, it } from 'vitest';
import { diffArticles } from '../../../shared/revisions/articleDiff';
import { doc, fields } from './helpers';

describe('diffArticles: what changed between two versions of a story', () => {
  const from = fields({ headline: '市民公园今日开放', body: doc('公园占地三百亩。'), page: 3, desk: '要闻' });

  it('text fields by character, metadata by name, totals over all fields', () => {
    const to = { ...from, headline: '城西市民公园今日开放', body: doc('公园占地五百亩。', '园内有湖。'), page: 4, keywords: ['公园'] };
    const diff = diffArticles(from, to);
    expect(diff.fields).toEqual([
      { field: 'headline', parts: [{ type: 'insert', text: '城西' }, { type: 'equal', text: '市民公园今日开放' }], added: 2, removed: 0 },
      {
        field: 'body',
        parts: [
          { type: 'equal', text: '公园占地' },
          { type: 'delete', text: '三' },
          { type: 'insert', text: '五' },
          { type: 'equal', text: '百亩。' },
          { type: 'insert', text: '\n园内有湖。' },
        ],
        added: 6,
        removed: 1,
      },
    ]);
    expect(diff.otherChanged).toEqual(['keywords', 'page']);
    expect([diff.added, diff.removed, diff.exact]).toEqual([8, 1, true]);
  });

  it('bold added to the body is named, with no text to show', () => {
    const bold = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '公园占地三百亩。', marks: [{ type: 'bold' }] }] }] };
    const diff = diffArticles(from, { ...from, body: bold });
    expect(diff.fields).toEqual([]);
    expect(diff.otherChanged).toEqual(['body']);
  });

  it('the same content gives an empty diff', () => {
    expect(diffArticles(from, { ...from })).toEqual({ fields: [], otherChanged: [], added: 0, removed: 0, exact: true });
  });
});
