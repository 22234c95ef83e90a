import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyFixes,
  checkParagraphs,
  checkText,
  compileWordLists,
  DEFAULT_WORD_LISTS,
  errorRate,
  RULES,
  summarize,
  type Finding,
  type StyleField,
} from '../../../shared/style/index';

function finding(start: number, end: number, replacement: string | null, severity: Finding['severity'] = 'error'): Finding {
  return {
    rule: 'test',
    severity,
    start,
    end,
    message: '',
    fix: replacement === null ? null : { start, end, replacement },
  };
}

describe('RULES', () => {
  it('lists the 21 checks of §9 for the settings screen', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'fullwidth-punct',
      'quote-marks',
      'ellipsis',
      'dash',
      'range-mark',
      'doubled-punct',
      'dunhao-between-titles',
      'approx-number-dunhao',
      'full-year',
      'fullwidth-digits',
      'large-number-units',
      'line-start-end-punct',
      'space-han-latin',
      'confusable-words',
      'doubled-chars',
      'careful-words',
      'dateline-format',
      'caption-credit',
      'headline-punct',
      'bracket-balance',
      'range-unit',
    ]);
    expect(RULES.find((r) => r.id === 'caption-credit')).toMatchObject({ title: '图片署名', fields: ['caption'] });
  });
});

describe('checkText', () => {
  it('returns the findings of all rules sorted by position', () => {
    const found = checkText('他说"安全",好 5千人', { field: 'body' });
    expect(found.map((f) => [f.rule, f.start])).toEqual([
      ['quote-marks', 2],
      ['quote-marks', 5],
      ['fullwidth-punct', 6],
      ['space-han-latin', 8],
      ['large-number-units', 9],
    ]);
  });

  it('runs only the rules asked for, and only those that apply to the field', () => {
    expect(checkText('他说,好 5千人', { field: 'body', rules: ['space-han-latin'] }).map((f) => f.rule)).toEqual([
      'space-han-latin',
    ]);
    expect(checkText('市民赏花。', { field: 'body' })).toEqual([]);
    expect(checkText('市民赏花。', { field: 'caption' }).map((f) => f.rule)).toEqual(['caption-credit']);
  });

  it('treats a rule that throws as having found nothing', () => {
    const lists = compileWordLists(DEFAULT_WORD_LISTS);
    const broken = {
      ...lists,
      findTermErrors(): never {
        throw new Error('broken list');
      },
    };
    const found = checkText('截止目前,好', { field: 'body', wordLists: broken });
    expect(found.map((f) => f.rule)).toEqual(['fullwidth-punct']);
  });
});

describe('checkParagraphs', () => {
  const paragraphs = ['好的。', '增长 5%', '他说,好'];

  it('reports offsets relative to each paragraph with its index', () => {
    const found = checkParagraphs(paragraphs, { field: 'body' });
    expect(found.map((f) => [f.paragraph, f.rule, f.start, f.end])).toEqual([
      [1, 'space-han-latin', 2, 3],
      [2, 'fullwidth-punct', 2, 3],
    ]);
  });

  it('gives for one changed paragraph what checking it alone gives', () => {
    const all = checkParagraphs(paragraphs, { field: 'body' }).filter((f) => f.paragraph === 2);
    const again = checkText(paragraphs[2] ?? '', { field: 'body' });
    expect(all.map(({ paragraph: _p, ...f }) => f)).toEqual(again);
  });
});

describe('applyFixes', () => {
  it('applies fixes right to left so earlier offsets stay valid', () => {
    expect(applyFixes('ab-cd-ef', [finding(2, 3, '——'), finding(5, 6, '～')])).toBe('ab——cd～ef');
  });

  it('skips a fix that overlaps an earlier one, and findings without a fix', () => {
    expect(applyFixes('abcdef', [finding(1, 4, 'X'), finding(3, 5, 'Y'), finding(5, 6, null)])).toBe('aXef');
  });

  it('puts an insertion before a replacement at the same place, and inserts only once', () => {
    expect(applyFixes('67-89%', [finding(2, 3, '～'), finding(2, 2, '%'), finding(2, 2, '%')])).toBe('67%～89%');
  });

  it('ignores fixes outside the text', () => {
    expect(applyFixes('abc', [finding(2, 9, 'X'), finding(-1, 0, 'Y')])).toBe('abc');
  });

  it('fixes a dirty paragraph into clean house style', () => {
    const dirty = '记者了解到,该项目"安全"...等。增长 5%，25-30克，2016-2020年，共5千人。';
    const clean = applyFixes(dirty, checkText(dirty, { field: 'body' }));
    expect(clean).toBe('记者了解到，该项目“安全”……。增长5%，25～30克，2016—2020年，共5000人。');
    expect(checkText(clean, { field: 'body' })).toEqual([]);
  });
});

describe('summarize and errorRate', () => {
  it('counts findings by severity', () => {
    expect(summarize([finding(0, 1, null), finding(1, 2, null, 'info'), finding(2, 3, null)])).toEqual({
      error: 2,
      warning: 0,
      info: 1,
    });
  });

  it('gives errors per 10,000 characters', () => {
    expect(errorRate(3, 20_000)).toBe(1.5);
    expect(errorRate(0, 0)).toBe(0);
  });
});

describe('a long story in good house style', () => {
  const sample = readFileSync(new URL('./fixtures/clean-sample.txt', import.meta.url), 'utf8');
  const lines = sample.split('\n').filter((line) => line !== '');
  const parts = lines.map((line) => {
    const tagged = /^@(kicker|headline|subheadline|caption|byline|dateline) (.*)$/.exec(line);
    return tagged === null ? { field: 'body' as StyleField, text: line } : { field: tagged[1] as StyleField, text: tagged[2] ?? '' };
  });
  const body = parts.filter((p) => p.field === 'body').map((p) => p.text);

  it('is long enough to mean something', () => {
    expect(sample.length).toBeGreaterThan(2800);
    expect(new Set(parts.map((p) => p.field)).size).toBe(7);
  });

  it('gets no finding in any field (a checker that cries wolf gets switched off)', () => {
    const found = parts.flatMap(({ field, text }) =>
      checkText(text, { field }).map((f) => `${field} ${f.rule} “${text.slice(f.start, f.end)}” ${f.message}`),
    );
    expect(found).toEqual([]);
  });

  it('gets no finding as one body text or as paragraphs', () => {
    expect(checkText(body.join('\n'), { field: 'body' })).toEqual([]);
    expect(checkParagraphs(body, { field: 'body' })).toEqual([]);
  });
});
