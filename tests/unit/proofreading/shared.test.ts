import { describe, expect, it } from 'vitest';
import { applyFixes, checkText } from '../../../shared/style/index';
import { blockText, contentOffset, docTextblocks, isContiguous } from '../../../shared/proofreading/blockText';
import { fixedSince, occurrences, selectFixes, type FieldFinding } from '../../../shared/proofreading/findings';
import { textHash } from '../../../shared/proofreading/hash';
import { articleUnits, type ProofreadSource } from '../../../shared/proofreading/units';

describe('printable text of a block and the way back to document positions', () => {
  // 甲乙 [note: 备注] 丙 <hardBreak> 丁: the note takes 2 positions and prints nothing.
  const block = blockText([
    { printed: '甲乙', size: 2 },
    { printed: '', size: 2 },
    { printed: '丙', size: 1 },
    { printed: '\n', size: 1 },
    { printed: '丁', size: 1 },
  ]);

  it('leaves the note out of the text and keeps the break as a line break', () => {
    expect(block.text).toBe('甲乙丙\n丁');
    expect(block.hash).toBe(textHash('甲乙丙\n丁'));
    expect(block.contentSize).toBe(7);
  });

  it('maps a span on either side of the note to the characters, not over the note', () => {
    expect(contentOffset(block, 0, 'start')).toBe(0);
    expect(contentOffset(block, 2, 'end')).toBe(2);
    expect(contentOffset(block, 2, 'start')).toBe(4);
    expect(contentOffset(block, 3, 'end')).toBe(5);
    expect(contentOffset(block, 5, 'end')).toBe(7);
    expect(contentOffset(block, 5, 'start')).toBe(7);
  });

  it('tells a span that crosses the note from one that does not', () => {
    expect(isContiguous(block, 0, 2)).toBe(true);
    expect(isContiguous(block, 1, 3)).toBe(false);
    expect(isContiguous(block, 2, 5)).toBe(true);
  });

  it('reads every paragraph and heading of a stored body, nested ones included', () => {
    const blocks = docTextblocks({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: '小标题' }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '引文' }, { type: 'hardBreak' }, { type: 'text', text: '次行' }] }] },
        { type: 'paragraph' },
      ],
    });
    expect(blocks.map((b) => b.text)).toEqual(['小标题', '引文\n次行', '']);
  });
});

describe('the units of a story', () => {
  const source: ProofreadSource = {
    kicker: '',
    headline: '主题',
    subheadline: '副题',
    bylines: [
      { name: '张三', role: '记者' },
      { name: ' ', role: '通讯员' },
    ],
    dateline: { kind: 'remote', place: '北京', month: 3, day: 5 },
    endCredit: '',
    abstract: '',
    editorsNote: '编者按',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '第一段' }] }, { type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: '第二段' }] }] },
  };

  it('lists what prints, in print order, with the paper name in the 电头 and blank paragraphs skipped', () => {
    expect(articleUnits(source, '江城日报').map((u) => [u.field, u.index, u.text])).toEqual([
      ['headline', 0, '主题'],
      ['subheadline', 0, '副题'],
      ['dateline', 0, '江城日报北京3月5日电（记者 张三）'],
      ['byline', 0, '张三'],
      ['editorsNote', 0, '编者按'],
      ['body', 0, '第一段'],
      ['body', 1, '第二段'],
    ]);
  });

  it('skips a 电头 that cannot be printed yet', () => {
    const units = articleUnits({ ...source, dateline: { kind: 'remote' } }, '本报');
    expect(units.some((u) => u.field === 'dateline')).toBe(false);
  });
});

describe('apply-all picks the same fixes as the engine', () => {
  it.each([
    '记者了解到,该项目"安全"运行...共计２０２４件。。',
    '他们的的确确来了——好象，，很高兴',
    '2016-2020年,增长 5%',
  ])('%s', (text) => {
    const findings = checkText(text, { field: 'body' });
    const chosen = selectFixes(findings);
    let out = text;
    for (const { fix } of [...chosen].sort((a, b) => b.fix.start - a.fix.start)) {
      out = out.slice(0, fix.start) + fix.replacement + out.slice(fix.end);
    }
    expect(chosen.length).toBeGreaterThan(0);
    expect(out).toBe(applyFixes(text, findings));
  });

  it('skips a second insertion at the same point and any fix that overlaps an earlier one', () => {
    const item = (start: number, end: number, replacement: string) => ({ fix: { start, end, replacement } });
    const chosen = selectFixes([item(5, 5, 'b'), item(0, 3, 'x'), item(2, 4, 'y'), item(5, 5, 'a'), { fix: null }]);
    expect(chosen.map((c) => c.fix.replacement)).toEqual(['x', 'b']);
  });
});

describe('fixed since the first check', () => {
  const f = (rule: string, text: string): FieldFinding => ({
    rule,
    text,
    field: 'body',
    paragraph: 0,
    paragraphHash: '00000000000000',
    severity: 'error',
    start: 0,
    end: 1,
    message: '',
    fix: null,
  });

  it('counts occurrences that are gone, not findings that moved, and never below zero', () => {
    const baseline = occurrences([f('confusable-words', '好象'), f('confusable-words', '好象'), f('confusable-words', '好象'), f('fullwidth-punct', ',')]);
    const current = occurrences([f('confusable-words', '好象'), f('fullwidth-punct', ','), f('fullwidth-punct', ',')]);
    expect(fixedSince(baseline, current)).toBe(2);
    expect(fixedSince(baseline, {})).toBe(4);
  });
});
