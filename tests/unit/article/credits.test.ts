import { describe, expect, it } from 'vitest';
import {
  CAPTION_CREDIT_SEPARATOR,
  buildEndCredit,
  checkCaption,
  creditKinds,
  parseCredit,
  renderCaption,
  renderCredit,
  splitCaptionCredit,
  type CreditKind,
} from '../../../shared/article/credits';
import { countChars, countCells } from '../../../shared/text/count';

describe('buildEndCredit', () => {
  it('prints （张三） and （据新华社）', () => {
    expect(buildEndCredit(['张三'])).toBe('（张三）');
    expect(buildEndCredit(['张三', ' 李四 '])).toBe('（张三、李四）');
    expect(buildEndCredit({ source: '新华社' })).toBe('（据新华社）');
    expect(buildEndCredit({ source: '据新华社' })).toBe('（据新华社）');
  });

  it('refuses an empty credit', () => {
    expect(() => buildEndCredit([])).toThrow();
    expect(() => buildEndCredit({ source: ' ' })).toThrow();
  });
});

describe('photo credits', () => {
  it('renders every kind as printed', () => {
    const names = ['张三'];
    const expected: Record<CreditKind, string> = {
      plain: '张三 摄',
      staff: '本报记者 张三 摄',
      correspondent: '通讯员 张三 摄',
      'xinhua-staff': '新华社记者 张三 摄',
      'xinhua-release': '新华社发（张三 摄）',
      interviewee: '受访者供图',
      file: '资料图片',
    };
    for (const [kind, text] of Object.entries(expected)) {
      expect(renderCredit({ kind: kind as CreditKind, names })).toBe(text);
    }
  });

  it('names several photographers and the paper', () => {
    expect(renderCredit({ kind: 'staff', names: ['张三', '李四'] })).toBe('本报记者 张三 李四 摄');
    expect(renderCredit({ kind: 'staff', names: ['张三'] }, { shortName: '本刊' })).toBe('本刊记者 张三 摄');
    expect(renderCredit({ kind: 'xinhua-release' })).toBe('新华社发');
  });

  it('refuses a credit that should name someone but does not', () => {
    expect(() => renderCredit({ kind: 'staff', names: [' '] })).toThrow(/姓名/);
  });

  it('offers a dropdown whose examples are what renderCredit prints', () => {
    expect(new Set(creditKinds.map((k) => k.value)).size).toBe(7);
    for (const k of creditKinds) {
      expect(renderCredit({ kind: k.value, names: k.allowsNames ? ['张三'] : [] })).toBe(k.example);
    }
  });
});

describe('renderCaption', () => {
  it('puts one full-width space between the caption and its credit', () => {
    const caption = renderCaption('市民在公园赏花。', { kind: 'staff', names: ['张三'] });
    expect(caption).toBe('市民在公园赏花。\u3000本报记者 张三 摄');
    expect(CAPTION_CREDIT_SEPARATOR).toBe('\u3000');
    // 市民在公园赏花。 (8) + 本报记者 (4) + 张三 (2) + 摄 (1); the separator counts no 字 but one cell
    expect(countChars(caption)).toBe(15);
    // 8 + 1 separator + 4 + 0.5 + 2 + 0.5 + 1
    expect(countCells(caption)).toBe(17);
  });

  it('prints the text alone without a credit and the credit alone without text', () => {
    expect(renderCaption(' 市民在公园赏花。 ', null)).toBe('市民在公园赏花。');
    expect(renderCaption('', { kind: 'file' })).toBe('资料图片');
  });
});

describe('checkCaption', () => {
  const staff = { kind: 'staff' as const, names: ['张三'] };

  it('passes a caption that ends with 。 and has a credit', () => {
    expect(checkCaption('市民在公园赏花。', staff)).toEqual([]);
    expect(checkCaption('市民在公园赏花。新华社发（张三 摄）')).toEqual([]);
  });

  it('flags a caption that does not end with 。', () => {
    expect(checkCaption('市民在公园赏花', staff).map((p) => p.code)).toEqual(['no-final-period']);
    expect(checkCaption('市民在公园赏花.', staff)[0]?.message).toMatch(/半角/);
  });

  it('flags a photo with no credit', () => {
    expect(checkCaption('市民在公园赏花。').map((p) => p.code)).toEqual(['no-credit']);
  });

  it('flags a credit with no name, a credit given twice and an empty caption', () => {
    expect(checkCaption('市民在公园赏花。', { kind: 'staff' }).map((p) => p.code)).toEqual(['credit-missing-name']);
    expect(checkCaption('市民在公园赏花。 张三 摄', staff).map((p) => p.code)).toEqual(['duplicate-credit']);
    expect(checkCaption('  ', staff).map((p) => p.code)).toEqual(['empty-text']);
  });

  it('sees a credit typed into the text even without the period', () => {
    expect(splitCaptionCredit('市民赏花 本报记者 张三 摄')).toEqual({ text: '市民赏花', credit: '本报记者 张三 摄' });
    expect(checkCaption('市民赏花 本报记者 张三 摄').map((p) => p.code)).toEqual(['no-final-period']);
  });
});

describe('parseCredit', () => {
  it('reads every template renderCredit writes back into its kind and names', () => {
    const paper = { shortName: '江城日报' };
    for (const credit of [
      { kind: 'staff', names: ['李冰'] },
      { kind: 'staff', names: ['李冰', '王五'] },
      { kind: 'correspondent', names: ['陈思'] },
      { kind: 'plain', names: ['林远'] },
      { kind: 'xinhua-staff', names: ['韩雪'] },
      { kind: 'xinhua-release', names: ['韩雪'] },
      { kind: 'xinhua-release' },
      { kind: 'interviewee' },
      { kind: 'file' },
    ] as const) {
      expect(parseCredit(renderCredit(credit, paper), paper)).toEqual(credit);
    }
  });

  it('takes another paper’s 记者 line as a plain credit, and nothing it cannot read', () => {
    expect(parseCredit('人民日报记者 王五 摄', { shortName: '本报' })).toEqual({ kind: 'plain', names: ['人民日报记者', '王五'] });
    expect(parseCredit('图片由主办方提供')).toBeNull();
  });
});
