import { describe, expect, it } from 'vitest';
import { anchorBetween, findOnProof, marksInRun, printedParagraphs } from '../../../renderer/src/proofreading/proofSheet';
import { lineSources, type ProofRun } from '../../../shared/layout/proofRuns';
import { contextInWords } from '../../../shared/style/contextWords';
import { breakParagraph } from '../../../shared/layout/typeset';
import type { ProofMark } from '../../../shared/proofreading/proofDesk';

const A = 'a1';
const run = (text: string, paragraph: number, start: number, y: number): ProofRun => ({ slotId: 's1', x: 0, y, size: 9, spacing: 0, text, source: { articleId: A, field: 'body', paragraph, start } });

// 本报讯 set before paragraph 0 (negative offsets), then paragraph 0 over two lines, paragraph 1 on one.
const RUNS: ProofRun[] = [run('本报讯（记者 张晓明）眼下，江城', 0, -11, 0), run('市郊的草莓大棚里一片繁忙。', 0, 5, 12), run('今年种植面积达到860亩。', 1, 0, 24)];

describe('the proof as paragraphs', () => {
  it('joins the lines back into what each paragraph prints, leaving the 电头 out', () => {
    expect(printedParagraphs(RUNS).map((p) => [p.paragraph, p.base, p.text])).toEqual([
      [0, 0, '眼下，江城市郊的草莓大棚里一片繁忙。'],
      [1, 0, '今年种植面积达到860亩。'],
    ]);
  });

  it('finds typed text on the page, across a line break, and says how often it is there', () => {
    expect(findOnProof(printedParagraphs(RUNS), '江城市郊')).toEqual({
      anchor: { slotId: 's1', articleId: A, field: 'body', paragraph: 0, start: 3, end: 7, quote: '江城市郊' },
      occurrences: 1,
    });
    expect(findOnProof(printedParagraphs(RUNS), '。')?.occurrences).toBe(2);
    expect(findOnProof(printedParagraphs(RUNS), '本报讯')).toBeNull();
  });

  it('anchors a selection between two lines of one paragraph, and refuses one across paragraphs', () => {
    const paragraphs = printedParagraphs(RUNS);
    expect(anchorBetween(paragraphs, { run: RUNS[0]!, offset: 14 }, { run: RUNS[1]!, offset: 2 })).toMatchObject({ paragraph: 0, start: 3, end: 7, quote: '江城市郊' });
    // Started inside the 电头: the anchor begins where the body does.
    expect(anchorBetween(paragraphs, { run: RUNS[0]!, offset: 2 }, { run: RUNS[0]!, offset: 13 })).toMatchObject({ start: 0, end: 2, quote: '眼下' });
    expect(anchorBetween(paragraphs, { run: RUNS[1]!, offset: 0 }, { run: RUNS[2]!, offset: 2 })).toBeNull();
  });

  it('finds the part of a mark each line holds', () => {
    const mark = { id: 'm', articleId: A, field: 'body', paragraph: 0, start: 3, end: 7, status: 'open' } as ProofMark;
    expect(marksInRun(RUNS[0]!, [{ mark, number: 1 }])).toEqual([{ from: 14, to: 16, number: 1, status: 'open' }]);
    expect(marksInRun(RUNS[1]!, [{ mark, number: 1 }])).toEqual([{ from: 0, to: 2, number: 1, status: 'open' }]);
    expect(marksInRun(RUNS[2]!, [{ mark, number: 1 }])).toEqual([]);
    expect(marksInRun(RUNS[0]!, [{ mark: { ...mark, status: 'checked' }, number: 1 }])).toEqual([]);
  });

  it('knows where each set line starts in its paragraph', () => {
    const paragraphs = ['记者从市商务局获悉，今年前三季度社会消费品零售总额同比增长6.8%。', '', '餐饮收入增长11.2%。'];
    const lines = paragraphs.flatMap((p) => (p === '' ? [] : breakParagraph(p, 11, 2)));
    const sources = lineSources(paragraphs, lines);
    lines.forEach((line, i) => expect(paragraphs[sources[i]!.paragraph]!.slice(sources[i]!.start, sources[i]!.start + line.text.length)).toBe(line.text));
    expect(sources.at(-1)?.paragraph).toBe(2);
    const line = (text: string) => ({ text, indent: false, cells: text.length, last: false, heading: false });
    expect(lineSources(['甲乙丙'], [line('甲乙'), line('丁')])).toEqual([{ paragraph: 0, start: 0 }, null]);
  });
});

describe('a confusable’s 语境 in words', () => {
  it('reads the patterns the lists use, and says nothing of a pattern it cannot read', () => {
    expect(contextInWords(undefined, '美仑美奂')).toBe('任何位置都算错');
    expect(contextInWords('regex:(?<![过横])渡假', '渡假')).toBe('前面不是“过”“横”时算错');
    expect(contextInWords('regex:部份(?!额)', '部份')).toBe('后面不是“额”时算错');
    expect(contextInWords('regex:(?<=本)年度', '年度')).toBe('前面是“本”时算错');
    const unreadable = contextInWords('regex:(a|b)好', '好');
    expect(unreadable).toContain('只在特定上下文中算错');
    expect(unreadable).not.toContain('regex');
  });
});
