import { describe, expect, it } from 'vitest';
import { applyFixes, compileWordLists, DEFAULT_WORD_LISTS, type Finding, type StyleField } from '../../../shared/style/index';
import { createRuleContext } from '../../../shared/style/engine';
import { ALL_RULES } from '../../../shared/style/rules/index';

const FIELDS: StyleField[] = ['body', 'headline', 'kicker', 'subheadline', 'caption', 'byline', 'dateline'];
const wordLists = compileWordLists(DEFAULT_WORD_LISTS);

/** mulberry32: a seeded generator, so a failure can be replayed */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOLS = [
  '的了在是和截止好象美仑本报讯记者张三摄供图年月日万亿千百零〇一二三四五六七八九十第星期',
  '，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·',
  ',.;:?!()"\'-~－―/@#%‰℃ \u00a0\u3000\t\n\r',
  '0123456789０１２３４５６７８９ＡＢｃ',
  'abcxyzABCXYZhttps://www.e.cn',
  '\ud800\udbff\udc00\udfff\ud83d\ude00\u{20000}\u{2A6D6}\u0301\u200d\ufeff',
];

function randomText(next: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    const pool = POOLS[Math.floor(next() * POOLS.length)] ?? '';
    out += pool[Math.floor(next() * pool.length)] ?? '';
  }
  return out;
}

/** Runs every rule on its own, so a rule that throws fails here instead of being hidden by the engine. */
function checkEveryRule(text: string, field: StyleField): Finding[] {
  const ctx = createRuleContext(text, { field, lineBreaksAreSetLines: true }, wordLists);
  return ALL_RULES.filter((rule) => rule.fields.includes(field)).flatMap((rule) => rule.check(text, ctx));
}

function inside(text: string, span: { start: number; end: number }): boolean {
  return Number.isInteger(span.start) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
}

function expectWellFormed(text: string, findings: Finding[]): void {
  const bad = findings.filter((f) => !inside(text, f) || (f.fix !== null && !inside(text, f.fix)));
  expect(bad).toEqual([]);
  expect(typeof applyFixes(text, findings)).toBe('string');
}

describe('no rule throws or reports outside the text', () => {
  it('on random mixed-script text with lone surrogates, in every field', () => {
    const next = random(20261128);
    for (let n = 0; n < 150; n++) {
      const text = randomText(next, Math.floor(next() * 300));
      for (const field of FIELDS) expectWellFormed(text, checkEveryRule(text, field));
    }
  });

  it('on 100,000-character paragraphs, without slowing down quadratically', () => {
    const next = random(7);
    const long = [
      randomText(next, 100_000),
      '（'.repeat(50_000) + '》'.repeat(50_000),
      '('.repeat(50_000) + '中' + ')'.repeat(50_000),
      '“'.repeat(100_000),
      '"中'.repeat(50_000),
      '。'.repeat(100_000),
      '-'.repeat(100_000),
      '1-'.repeat(50_000),
      '的'.repeat(100_000),
      'a@'.repeat(50_000),
    ];
    for (const text of long) {
      const started = performance.now();
      expectWellFormed(text, checkEveryRule(text, 'body'));
      expect(performance.now() - started, text.slice(0, 4)).toBeLessThan(3000);
    }
  });
});
