import { describe, expect, it } from 'vitest';
import { buildSnippet, normalizeQuery, snippetFor } from '../../../electron/core/services/searchService';
import { ftsPhrase } from '../../../electron/core/search/sqliteSearch';
import { snippetParts } from '../../../renderer/src/search/snippet';

const show = (snippet: string | null) => snippet?.replaceAll('\uE000', '[').replaceAll('\uE001', ']') ?? null;

describe('search snippets', () => {
  it('cuts the given context around the first hit and marks where text was left out', () => {
    expect(show(buildSnippet('一二三四五六七八九十', '五六', 2))).toBe('…三四[五六]七八…');
  });

  it('keeps up to twenty characters a side by default', () => {
    const text = `${'前'.repeat(30)}灯塔${'后'.repeat(30)}`;
    expect(show(buildSnippet(text, '灯塔'))).toBe(`…${'前'.repeat(20)}[灯塔]${'后'.repeat(20)}…`);
  });

  it('marks every hit inside the window, matching Latin letters in any case', () => {
    expect(show(buildSnippet('GDP增长，gdp回升', 'gdp'))).toBe('[GDP]增长，[gdp]回升');
  });

  it('shows paragraph breaks as spaces', () => {
    expect(show(buildSnippet('第一段\n灯塔亮了', '灯塔'))).toBe('第一段 [灯塔]亮了');
  });

  it('drops marker characters already in the text, so markers only ever surround hits', () => {
    expect(buildSnippet('旧\uE000稿\uE001里的灯塔', '灯塔')).toBe('旧稿里的\uE000灯塔\uE001');
  });

  it('treats regular-expression characters in the query as text', () => {
    expect(show(buildSnippet('得分(1+1)*2', '(1+1)*'))).toBe('得分[(1+1)*]2');
  });

  it('counts context in characters and never cuts one outside the basic plane in half', () => {
    expect(buildSnippet('𠀀𠀁𠀂灯塔𠀃𠀄', '灯塔', 2)).toBe('…𠀁𠀂\uE000灯塔\uE001𠀃𠀄');
    expect(buildSnippet('𠀀𠀁𠀂灯塔𠀃𠀄', '灯塔', 1)).toBe('…𠀂\uE000灯塔\uE001𠀃…');
  });

  it('is null when the text does not hold the query', () => {
    expect(buildSnippet('江边的渡口', '灯塔')).toBeNull();
  });

  it('takes the first field holding the query: headline parts, then bylines, then body', () => {
    const row = { kicker: '', headline: '渡口往事', subheadline: '', bylineText: '塔娜', bodyText: '灯塔和渡口' };
    expect(snippetFor(row, '渡口')).toEqual({ field: 'headline', snippet: '\uE000渡口\uE001往事' });
    expect(snippetFor(row, '塔')).toEqual({ field: 'byline', snippet: '\uE000塔\uE001娜' });
    expect(snippetFor(row, '灯塔和')).toEqual({ field: 'body', snippet: '\uE000灯塔和\uE001渡口' });
  });
});

describe('queries', () => {
  it('lose marker characters, control characters and runs of blanks', () => {
    expect(normalizeQuery('  灯\uE000塔\u0000  渡口\n\t码头 ')).toBe('灯塔 渡口 码头');
  });

  it('become one FTS5 string, quotes doubled, so operators are plain text', () => {
    expect(ftsPhrase('"地铁 AND (')).toBe('"""地铁 AND ("');
  });
});

describe('snippet parts in the list screen', () => {
  it('split on the markers into plain and hit pieces', () => {
    expect(snippetParts('…江边\uE000灯塔\uE001和\uE000灯塔\uE001')).toEqual([
      { text: '…江边', hit: false },
      { text: '灯塔', hit: true },
      { text: '和', hit: false },
      { text: '灯塔', hit: true },
    ]);
  });

  it('treat an unclosed marker as a hit to the end and skip empty hits', () => {
    expect(snippetParts('a\uE000\uE001b\uE000c')).toEqual([
      { text: 'a', hit: false },
      { text: 'b', hit: false },
      { text: 'c', hit: true },
    ]);
  });
});
