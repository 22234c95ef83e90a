import { describe, expect, it } from 'vitest';
import { diffParagraphs, diffText, type DiffPart } from '../../../shared/revisions/diffText';

const oldSide = (parts: DiffPart[]) => parts.filter((p) => p.type !== 'insert').map((p) => p.text).join('');
const newSide = (parts: DiffPart[]) => parts.filter((p) => p.type !== 'delete').map((p) => p.text).join('');

/** Deterministic Han text: the same seed always gives the same characters. */
function hanText(length: number, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += String.fromCodePoint(0x4e00 + (state % 20000));
  }
  return out;
}

describe('diffText compares by character', () => {
  it('a prefix added to a headline', () => {
    expect(diffText('市民公园今日开放', '城西市民公园今日开放')).toEqual({
      parts: [
        { type: 'insert', text: '城西' },
        { type: 'equal', text: '市民公园今日开放' },
      ],
      added: 2,
      removed: 0,
      exact: true,
    });
  });

  it('one character replaced inside a sentence', () => {
    expect(diffText('公园占地三百亩。', '公园占地五百亩。').parts).toEqual([
      { type: 'equal', text: '公园占地' },
      { type: 'delete', text: '三' },
      { type: 'insert', text: '五' },
      { type: 'equal', text: '百亩。' },
    ]);
  });

  it('several edits in one sentence each show where they are', () => {
    const diff = diffText('今天上午，市长来到公园。', '今天下午，副市长来到了公园。');
    expect(diff.parts).toEqual([
      { type: 'equal', text: '今天' },
      { type: 'delete', text: '上' },
      { type: 'insert', text: '下' },
      { type: 'equal', text: '午，' },
      { type: 'insert', text: '副' },
      { type: 'equal', text: '市长来到' },
      { type: 'insert', text: '了' },
      { type: 'equal', text: '公园。' },
    ]);
    expect([diff.added, diff.removed]).toEqual([3, 1]);
  });

  it('never splits a character outside the Basic Multilingual Plane', () => {
    // U+20000 and U+20001 share their first UTF-16 unit; a diff by code unit would cut them in half.
    const diff = diffText('𠀀字', '𠀁字');
    expect(diff.parts).toEqual([
      { type: 'delete', text: '𠀀' },
      { type: 'insert', text: '𠀁' },
      { type: 'equal', text: '字' },
    ]);
    expect([diff.added, diff.removed]).toEqual([1, 1]);
  });

  it('identical and empty texts', () => {
    expect(diffText('不变', '不变')).toEqual({ parts: [{ type: 'equal', text: '不变' }], added: 0, removed: 0, exact: true });
    expect(diffText('', '新写的')).toEqual({ parts: [{ type: 'insert', text: '新写的' }], added: 3, removed: 0, exact: true });
  });

  it('one edit in a 200,000-character paragraph is found exactly and quickly', () => {
    const before = hanText(100_000, 1);
    const after = hanText(100_000, 2);
    const started = Date.now();
    const diff = diffText(`${before}原文${after}`, `${before}改文${after}`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(diff.parts.map((p) => [p.type, p.text.length])).toEqual([
      ['equal', 100_000],
      ['delete', 1],
      ['insert', 1],
      ['equal', 100_001],
    ]);
    expect(diff.parts[1]!.text + diff.parts[2]!.text).toBe('原改');
    expect(diff.exact).toBe(true);
  });

  it('two unrelated 100,000-character texts are shown whole, flagged as not exact, without hanging', () => {
    const a = hanText(100_000, 3);
    const b = hanText(100_000, 4);
    const started = Date.now();
    const diff = diffText(a, b);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(diff.exact).toBe(false);
    expect(oldSide(diff.parts)).toBe(a);
    expect(newSide(diff.parts)).toBe(b);
    expect([diff.added, diff.removed]).toEqual([100_000, 100_000]);
  });
});

describe('diffParagraphs: a body as paragraphs joined by line breaks', () => {
  it('a paragraph changed, one added at the end', () => {
    const diff = diffParagraphs(['公园占地三百亩。', '免费向市民开放。'], ['公园占地五百亩。', '免费向市民开放。', '开放时间为早六点至晚十点。']);
    expect(diff.parts).toEqual([
      { type: 'equal', text: '公园占地' },
      { type: 'delete', text: '三' },
      { type: 'insert', text: '五' },
      { type: 'equal', text: '百亩。\n免费向市民开放。' },
      { type: 'insert', text: '\n开放时间为早六点至晚十点。' },
    ]);
    // The line break is a paragraph boundary, not a character the writer typed.
    expect([diff.added, diff.removed]).toEqual([14, 1]);
  });

  it('the first paragraph deleted takes its line break with it', () => {
    expect(diffParagraphs(['甲段。', '乙段。'], ['乙段。']).parts).toEqual([
      { type: 'delete', text: '甲段。\n' },
      { type: 'equal', text: '乙段。' },
    ]);
  });

  it('a paragraph split in two shows only the new break', () => {
    expect(diffParagraphs(['第一句。第二句。'], ['第一句。', '第二句。']).parts).toEqual([
      { type: 'equal', text: '第一句。' },
      { type: 'insert', text: '\n' },
      { type: 'equal', text: '第二句。' },
    ]);
  });

  it('a 200,000-character body with every paragraph touched stays within budget and spells both sides', () => {
    const a = Array.from({ length: 2000 }, (_, i) => hanText(100, i + 10));
    // A house-style pass that changes the first character of every paragraph.
    const b = a.map((p) => `改${p.slice(1)}`);
    const started = Date.now();
    const diff = diffParagraphs(a, b);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(oldSide(diff.parts)).toBe(a.join('\n'));
    expect(newSide(diff.parts)).toBe(b.join('\n'));
    // Compared paragraph by paragraph, not replaced wholesale: every insertion is the one new character.
    expect([diff.added, diff.removed]).toEqual([2000, 2000]);
    expect(diff.parts.filter((p) => p.type === 'insert').every((p) => p.text === '改')).toBe(true);
  });

  it('two unrelated 200,000-character bodies of short paragraphs are compared within the time budget', () => {
    const a = Array.from({ length: 2000 }, (_, i) => hanText(100, i + 10));
    const b = Array.from({ length: 2000 }, (_, i) => hanText(100, i + 5000));
    const started = Date.now();
    const diff = diffParagraphs(a, b);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(oldSide(diff.parts)).toBe(a.join('\n'));
    expect(newSide(diff.parts)).toBe(b.join('\n'));
  });

  it('paragraphs too long to compare by character are shown whole and the diff says so', () => {
    // 8 × 25,000 characters: each rewritten pair is past the 20,000-character stretch limit.
    const a = Array.from({ length: 8 }, (_, i) => hanText(25_000, i + 10));
    const b = Array.from({ length: 8 }, (_, i) => hanText(25_000, i + 5000));
    const diff = diffParagraphs(a, b);
    expect(diff.exact).toBe(false);
    expect(oldSide(diff.parts)).toBe(a.join('\n'));
    expect(newSide(diff.parts)).toBe(b.join('\n'));
    expect([diff.added, diff.removed]).toEqual([200_000, 200_000]);
  });
});
