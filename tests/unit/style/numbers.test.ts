import { describe, expect, it } from 'vitest';
import { applyFixes, checkText } from '../../../shared/style/index';
import { fixed, messages, spans } from './helpers';

describe('range-mark (§9.5)', () => {
  const rule = 'range-mark';

  it('uses ～ for values and — for times', () => {
    expect(spans('25-30克', rule)).toEqual([[2, 3, '～']]);
    expect(fixed('25-30克', rule)).toBe('25～30克');
    expect(spans('2016-2020年', rule)).toEqual([[4, 5, '—']]);
    expect(fixed('2016-2020年', rule)).toBe('2016—2020年');
    expect(fixed('3~5年', rule)).toBe('3～5年');
    expect(fixed('2016～2020年', rule)).toBe('2016—2020年');
    expect(fixed('1-3月', rule)).toBe('1—3月');
    expect(fixed('25—30克', rule)).toBe('25～30克');
    expect(fixed('沈括（1031-1095）', rule)).toBe('沈括（1031—1095）');
    expect(fixed('2022-2023赛季', rule)).toBe('2022—2023赛季');
  });

  it('leaves dates, phone numbers, model names, times, scores and correct ranges alone', () => {
    for (const clean of [
      '2024-03-05',
      '拨打010-12345678',
      '400-800-8820',
      'iPhone-15',
      'G-7',
      '12:30-14:00',
      '以3-1获胜',
      '8-1号楼',
      '25～30克',
      '2016—2020年',
      '1998-99年',
      '3至5天',
    ]) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });
});

describe('range-unit (§9.21)', () => {
  const rule = 'range-unit';

  it('writes %, 万 and 亿 on both ends of a range', () => {
    expect(spans('67～89%', rule)).toEqual([[0, 5, '%']]);
    expect(fixed('67～89%', rule)).toBe('67%～89%');
    expect(fixed('9～16亿元', rule)).toBe('9亿～16亿元');
    expect(fixed('13至17万元', rule)).toBe('13万至17万元');
    expect(messages('67～89%', rule)).toEqual(['范围两端都应写“%”']);
  });

  it('lets ordinary units stand once', () => {
    for (const clean of ['67%～89%', '25～30克', '9亿～16亿元', '8～12℃']) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });

  it('combines with range-mark into one correct range', () => {
    const text = '增长3.5-4.2%';
    expect(applyFixes(text, checkText(text, { field: 'body' }))).toBe('增长3.5%～4.2%');
  });
});

describe('approx-number-dunhao (§9.8)', () => {
  const rule = 'approx-number-dunhao';

  it('drops 、 between neighbouring numerals that estimate', () => {
    expect(spans('三、四天', rule)).toEqual([[1, 2, '']]);
    expect(fixed('三、四天', rule)).toBe('三四天');
    expect(fixed('五、六十人', rule)).toBe('五六十人');
  });

  it('keeps 、 in abbreviations, weekdays, enumerations and non-neighbours', () => {
    for (const clean of ['三、四年级', '星期三、四', '第五、六章', '二、三、四', '三、五天', '三四天', '一、总体要求']) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });
});

describe('full-year (§9.9)', () => {
  const rule = 'full-year';

  it('writes a two-digit year before a month in full', () => {
    expect(spans('98年3月', rule)).toEqual([[0, 2, '1998']]);
    expect(fixed('05年7月', rule)).toBe('2005年7月');
  });

  it('flags a bare two-digit year where it can only be a year: 98年 → 1998年', () => {
    expect(spans('早在98年就已建成', rule)).toEqual([[2, 4, '1998']]);
    expect(fixed('大桥于98年建成通车', rule)).toBe('大桥于1998年建成通车');
    expect(fixed('从05年起每年举办', rule)).toBe('从2005年起每年举办');
    expect(fixed('98年底竣工', rule)).toBe('1998年底竣工');
    expect(fixed('他生于89年', rule)).toBe('他生于1989年');
  });

  it('leaves a number of years alone: 近20年, 30年来, 干了30年, 50年代, 20年后', () => {
    for (const clean of ['近20年', '30年来', '他在这里干了30年', '50年代', '20年后', '在30年间', '从20年前说起', '至少15年以上', '这30年的变化', '已经是30年了', '98岁']) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });

  it('does not guess the century when it is unclear', () => {
    expect(spans('35年3月', rule)).toEqual([[0, 2, null]]);
  });

  it('writes 〇 in Chinese-numeral years', () => {
    expect(spans('二零二四年', rule)).toEqual([[0, 4, '二〇二四']]);
    expect(fixed('二○二四年', rule)).toBe('二〇二四年');
  });

  it('leaves spans of years, decades, ages and correct years alone', () => {
    for (const clean of ['98年代', '近20年', '30年来', '2026年11月', '二〇二四年', '再过三五年', '98岁']) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });
});

describe('fullwidth-digits (§9.10)', () => {
  const rule = 'fullwidth-digits';

  it('converts full-width digits and letters to half-width', () => {
    expect(spans('２０２４年', rule)).toEqual([[0, 4, '2024']]);
    expect(spans('增长３．５％', rule)).toEqual([[2, 5, '3.5']]);
    expect(fixed('ＣＰＵ性能', rule)).toBe('CPU性能');
    expect(spans('2024年', rule)).toEqual([]);
  });
});

describe('large-number-units (§9.11)', () => {
  const rule = 'large-number-units';

  it('writes 千 and 百 out in digits', () => {
    expect(spans('5千人', rule)).toEqual([[0, 2, '5000']]);
    expect(fixed('1.5千人', rule)).toBe('1500人');
    expect(fixed('1.2345千', rule)).toBe('1234.5');
    expect(fixed('3百万元', rule)).toBe('300万元');
  });

  it('merges mixed units into one decimal, reported once', () => {
    expect(spans('3万5千人', rule)).toEqual([[0, 4, '3.5万']]);
    expect(fixed('1亿2千万元', rule)).toBe('1.2亿元');
  });

  it('keeps 万/亿, units that contain 千, and Chinese numerals', () => {
    for (const clean of ['5万人', '1.2万人', '3.5亿元', '5千米', '3千克', '10千瓦', '几千人', '5000人', '3个百分点']) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });
});
