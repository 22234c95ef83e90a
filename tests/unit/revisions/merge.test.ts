import { describe, expect, it } from 'vitest';
import { docToParagraphs } from '../../../shared/document/docText';
import { mergeArticles } from '../../../shared/revisions/merge';
import { doc, fields } from './helpers';

const base = fields({
  kicker: '城西新添休闲去处',
  headline: '市民公园今日开放',
  subheadline: '占地三百亩 免费入园',
  body: doc('公园占地三百亩。', '免费向市民开放。', '开放时间为早六点至晚十点。'),
  priority: 3,
});

describe('mergeArticles: a three-way merge by field, and by paragraph for the body', () => {
  it('takes each side’s changes to different fields and paragraphs without asking', () => {
    const mine = { ...base, headline: '城西市民公园今日开放', body: doc('公园占地五百亩。', '免费向市民开放。', '开放时间为早六点至晚十点。') };
    const theirs = { ...base, kicker: '休闲去处', body: doc('公园占地三百亩。', '免费向市民开放。', '开放时间为早五点半至晚十点。'), page: 2 };
    const { merged, conflicts } = mergeArticles(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.headline).toBe('城西市民公园今日开放');
    expect(merged.kicker).toBe('休闲去处');
    expect(merged.page).toBe(2);
    expect(merged.subheadline).toBe('占地三百亩 免费入园');
    expect(docToParagraphs(merged.body)).toEqual(['公园占地五百亩。', '免费向市民开放。', '开放时间为早五点半至晚十点。']);
  });

  it('the same change on both sides is not a conflict', () => {
    const mine = { ...base, headline: '城西市民公园开放' };
    const theirs = { ...base, headline: '城西市民公园开放', priority: 1 };
    const result = mergeArticles(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.headline).toBe('城西市民公园开放');
    expect(result.merged.priority).toBe(1);
  });

  it('a field changed differently on both sides is a conflict, settled per field', () => {
    const mine = { ...base, headline: '市民公园五一开放', kicker: '好消息' };
    const theirs = { ...base, headline: '市民公园今晨开放' };
    const result = mergeArticles(base, mine, theirs);
    expect(result.conflicts).toEqual([{ field: 'headline', mine: '市民公园五一开放', theirs: '市民公园今晨开放' }]);
    // Left unsettled, my side is kept; my other change comes through either way.
    expect(result.merged.headline).toBe('市民公园五一开放');
    expect(result.resolve(['theirs'])).toMatchObject({ headline: '市民公园今晨开放', kicker: '好消息' });
  });

  it('the same paragraph edited differently is a conflict for that paragraph only', () => {
    const mine = { ...base, body: doc('公园占地三百亩。', '免费向全体市民开放。', '开放时间为早六点至晚九点。') };
    const theirs = { ...base, body: doc('公园占地约三百亩。', '向市民免费开放。', '开放时间为早六点至晚十点。') };
    const result = mergeArticles(base, mine, theirs);
    expect(result.conflicts).toEqual([{ field: 'body', paragraph: 1, mine: '免费向全体市民开放。', theirs: '向市民免费开放。' }]);
    expect(docToParagraphs(result.resolve(['theirs']).body)).toEqual(['公园占地约三百亩。', '向市民免费开放。', '开放时间为早六点至晚九点。']);
    expect(docToParagraphs(result.resolve(['mine']).body)).toEqual(['公园占地约三百亩。', '免费向全体市民开放。', '开放时间为早六点至晚九点。']);
  });

  it('a paragraph I inserted and a paragraph they edited both survive', () => {
    const mine = { ...base, body: doc('公园占地三百亩。', '园内有湖。', '免费向市民开放。', '开放时间为早六点至晚十点。') };
    const theirs = { ...base, body: doc('公园占地三百亩。', '免费向市民开放。', '开放时间为早五点半至晚十点。') };
    const result = mergeArticles(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(docToParagraphs(result.merged.body)).toEqual(['公园占地三百亩。', '园内有湖。', '免费向市民开放。', '开放时间为早五点半至晚十点。']);
  });

  it('only the fields I sent count as mine: the rest stay as they saved them', () => {
    const theirs = { ...base, body: doc('公园占地三百亩。', '免费开放。', '开放时间为早六点至晚十点。'), subheadline: '免费入园' };
    const result = mergeArticles(base, { headline: '城西公园开放' }, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toMatchObject({ headline: '城西公园开放', subheadline: '免费入园' });
    expect(docToParagraphs(result.merged.body)).toEqual(['公园占地三百亩。', '免费开放。', '开放时间为早六点至晚十点。']);
  });

  it('a byline conflict is described with names a person can read', () => {
    const mine = { ...base, bylines: [{ name: '王小明', role: '记者' as const }] };
    const theirs = { ...base, bylines: [{ name: '李华', role: '通讯员' as const }] };
    expect(mergeArticles(base, mine, theirs).conflicts).toEqual([{ field: 'bylines', mine: '王小明（记者）', theirs: '李华（通讯员）' }]);
  });

  it('the editor’s extra null attributes do not count as a change', () => {
    const withNulls = {
      type: 'doc',
      content: (base.body.content ?? []).map((block) => ({ ...block, attrs: { textAlign: null } })),
    };
    const theirs = { ...base, body: doc('公园占地三百亩。', '免费向市民开放。', '开放时间为早五点至晚十点。') };
    const result = mergeArticles(base, { body: withNulls }, theirs);
    expect(result.conflicts).toEqual([]);
    expect(docToParagraphs(result.merged.body)[2]).toBe('开放时间为早五点至晚十点。');
  });
});
