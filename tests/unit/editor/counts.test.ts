import { describe, expect, it, vi } from 'vitest';
import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { createBodyExtensions } from '../../../renderer/src/editor/bodyExtensions';
import { createBodyCounter, firstParagraph } from '../../../renderer/src/editor/bodyCounter';
import { copyfit, printedCells, targetLines } from '../../../renderer/src/editor/copyfit';
import { datelineLine, endCreditLine } from '../../../renderer/src/editor/printLines';
import { docToParagraphs } from '../../../shared/document/docText';
import type { DocNode } from '../../../shared/document/docTypes';
import { createParagraphStatsCache } from '../../../shared/text/statsCache';
import { bodyLines, countCells, paragraphStats, textStats } from '../../../shared/text/count';

const schema = getSchema(createBodyExtensions({ onRefused: () => undefined, onBusy: () => () => undefined }));

/** Deterministic pseudo-random numbers, so a failure names a reproducible case. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const PIECES = ['江城', '地铁', '，', '。', 'iPhone', ' 15', '3.5%', '——', '……', '  ', '　', '5G', '“', '”', '👍🏽', 'COVID-19', '\u3000\u3000', ''];
const MARKS = [[], [], [{ type: 'bold' }], [{ type: 'italic' }], [{ type: 'note' }]];

function randomDoc(seed: number): DocNode {
  const r = random(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const inline = (): DocNode[] => {
    const out: DocNode[] = [];
    const n = Math.floor(r() * 6);
    for (let i = 0; i < n; i += 1) {
      if (r() < 0.1) out.push({ type: 'hardBreak' });
      const text = pick(PIECES) + pick(PIECES);
      if (text !== '') out.push({ type: 'text', text, marks: pick(MARKS) });
    }
    return out;
  };
  const paragraph = (): DocNode => ({ type: 'paragraph', content: inline() });
  const blocks: DocNode[] = [];
  const n = 1 + Math.floor(r() * 12);
  for (let i = 0; i < n; i += 1) {
    const kind = r();
    if (kind < 0.6) blocks.push(paragraph());
    else if (kind < 0.7) blocks.push({ type: 'heading', attrs: { level: 3 }, content: inline() });
    else if (kind < 0.8) blocks.push({ type: 'blockquote', content: [paragraph(), paragraph()] });
    else blocks.push({ type: r() < 0.5 ? 'bulletList' : 'orderedList', content: [{ type: 'listItem', content: [paragraph()] }, { type: 'listItem', content: [paragraph()] }] });
  }
  return { type: 'doc', content: blocks };
}

describe('the live body counts', () => {
  it('agree with what the server stores for the same body (notes, breaks, lists, quotes, subheads)', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const json = randomDoc(seed);
      const doc = schema.nodeFromJSON(json);
      const counts = createBodyCounter()(doc);
      // The editor's own serialisation is what gets saved.
      const saved = doc.toJSON() as DocNode;
      const paragraphs = docToParagraphs(saved);
      const expected = textStats(paragraphs);
      expect({ seed, chars: counts.chars, cells: counts.cells, paragraphs: counts.paragraphs }).toEqual({ seed, ...expected });
      expect(counts.paragraphCells).toEqual(paragraphs.map((p) => paragraphStats(p).cells).filter((c) => c > 0));
      expect(firstParagraph(doc)).toBe(paragraphs[0] ?? '');
    }
  });

  it('recount only the paragraph a keystroke changed, however long the story', () => {
    const cache = createParagraphStatsCache(20_000);
    const stats = vi.spyOn(cache, 'stats');
    const count = createBodyCounter(cache);
    const text = (i: number) => `第${i}段：记者从江城市轨道交通集团获悉，地铁3号线将于今天上午9时正式开通载客运营，全长32.6公里。`;
    const json: DocNode = { type: 'doc', content: Array.from({ length: 2000 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: text(i) }] })) };
    const state = EditorState.create({ schema, doc: schema.nodeFromJSON(json) });
    const before = count(state.doc);
    expect(stats).toHaveBeenCalledTimes(2000);

    stats.mockClear();
    const typed = state.apply(state.tr.insertText('新', 5));
    const after = count(typed.doc);
    expect(stats).toHaveBeenCalledTimes(1);
    expect(after.chars).toBe(before.chars + 1);
  });
});

describe('copy-fit against the column and the target', () => {
  // 记者获悉，江城5G基站已达1.2万个，iPhone 15用户占比3.5%——创新高…… : 31 字, 34 cells
  // “我们还要建更多。”他说。 : 13 字, 13 cells; 本报讯（记者 张三） : 9.5 cells
  const story = { chars: 44, cells: 47, paragraphCells: [34, 13] };

  it('counts lines as printed, the 电头 running into the first paragraph', () => {
    expect(copyfit({ ...story, leadCells: 0, tailCells: 0, cpl: 13, targetChars: null })).toEqual({ lines: 5, target: null });
    expect(copyfit({ ...story, leadCells: 9.5, tailCells: 0, cpl: 13, targetChars: null }).lines).toBe(6);
    expect(copyfit({ ...story, leadCells: 9.5, tailCells: 0, cpl: 27, targetChars: null }).lines).toBe(3);
    expect(bodyLines(['本报讯（记者 张三）记者获悉，江城5G基站已达1.2万个，iPhone 15用户占比3.5%——创新高……', '“我们还要建更多。”他说。'], 13)).toBe(6);
  });

  it('puts the end credit on the last line, and a dateline alone on a line of its own', () => {
    expect(printedCells([34, 13], 9.5, 4)).toEqual([43.5, 17]);
    expect(printedCells([], 9.5, 0)).toEqual([9.5]);
    expect(printedCells([], 0, 0)).toEqual([]);
  });

  it('reproduces the worked example of 800 characters in 6 paragraphs at 13 a line: 66 lines', () => {
    expect(targetLines({ chars: 0, cells: 0, paragraphCells: [1, 1, 1, 1, 1, 1], leadCells: 0, tailCells: 0, cpl: 13, targetChars: 800 })).toBe(66);
  });

  it('is short in characters and lines while under the target, with the share filled', () => {
    const fit = copyfit({ ...story, leadCells: 9.5, tailCells: 0, cpl: 13, targetChars: 100 });
    // ⌈(100 × 47/44 + 9.5 + 2 × 2) / 13 + 2/2⌉ = ⌈10.26⌉ = 11
    expect(fit.target).toEqual({ targetChars: 100, targetLines: 11, charDiff: -56, lineDiff: -5, share: 0.44 });
  });

  it('is over with the amount to cut once past the target, the share capped at all of it', () => {
    const fit = copyfit({ ...story, leadCells: 0, tailCells: 0, cpl: 13, targetChars: 30 });
    expect(fit.target?.charDiff).toBe(14);
    expect(fit.target?.share).toBe(1);
    expect(fit.target?.lineDiff).toBeGreaterThan(0);
  });
});

describe('the lines built from fields', () => {
  const people = [
    { name: '张三', role: '记者' as const },
    { name: '李四', role: '通讯员' as const },
  ];

  it('builds the 电头 of each kind', () => {
    expect(datelineLine({ kind: 'local' }, people, { shortName: '本报' })).toEqual({ text: '本报讯（记者 张三 通讯员 李四）', problem: null });
    expect(datelineLine({ kind: 'remote', place: '北京', month: 3, day: 5 }, people.slice(0, 1), { shortName: '本报' })?.text).toBe('本报北京3月5日电（记者 张三）');
    expect(datelineLine({ kind: 'wire', place: '北京', month: 3, day: 5 }, [], { shortName: '本报' })?.text).toBe('新华社北京3月5日电');
    expect(datelineLine(null, people, { shortName: '本报' })).toBeNull();
  });

  it('says what a dateline from elsewhere still needs', () => {
    expect(datelineLine({ kind: 'remote' }, people, { shortName: '本报' })?.problem).toBe('needsPlace');
    expect(datelineLine({ kind: 'wire', place: '北京', month: 3 }, people, { shortName: '本报' })?.problem).toBe('needsDate');
  });

  it('prints the end credit of a brief in full-width parentheses', () => {
    expect(endCreditLine('王磊')).toBe('（王磊）');
    expect(endCreditLine(' 张三、李四 ')).toBe('（张三、李四）');
    expect(endCreditLine('张三 李四')).toBe('（张三、李四）');
    expect(endCreditLine('（据新华社）')).toBe('（据新华社）');
    expect(endCreditLine('据新华社')).toBe('（据新华社）');
    expect(endCreditLine('  ')).toBe('');
    expect(countCells(endCreditLine('王磊'))).toBe(4);
  });
});
