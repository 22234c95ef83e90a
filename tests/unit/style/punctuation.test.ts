import { describe, expect, it } from 'vitest';
import { fixed, messages, spans } from './helpers';

describe('fullwidth-punct (§9.1)', () => {
  const rule = 'fullwidth-punct';

  it('turns half-width marks in Chinese prose full-width', () => {
    expect(spans('记者了解到,该项目', rule)).toEqual([[5, 6, '，']]);
    expect(fixed('记者了解到,该项目', rule)).toBe('记者了解到，该项目');
    expect(fixed('你来吗?我来!', rule)).toBe('你来吗？我来！');
    expect(fixed('完成了.', rule)).toBe('完成了。');
    expect(fixed('原因有二;一是', rule)).toBe('原因有二；一是');
  });

  it('swallows the space typed after the mark, but underlines only the mark', () => {
    expect(spans('他说: 好的', rule)).toEqual([[2, 3, '：']]);
    expect(fixed('他说: 好的', rule)).toBe('他说：好的');
  });

  it('converts a parenthesis pair together, even around Latin text', () => {
    expect(spans('中央处理器(CPU)是核心', rule)).toEqual([
      [5, 6, '（'],
      [9, 10, '）'],
    ]);
    expect(fixed('(1)要加强管理', rule)).toBe('（1）要加强管理');
  });

  it('leaves numbers, times, ratios, URLs and Latin phrases alone', () => {
    for (const clean of [
      '价格为1,000元',
      '时间12:30',
      '比分3:1',
      '增长3.5%',
      '函数 f(x) = x',
      'Hello, world! (ok)',
      '他说“Hello, world”',
      '登录https://a.cn/x?y=1,z=2查询',
      'Yahoo!公司',
    ]) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });
});

describe('quote-marks (§9.2)', () => {
  const rule = 'quote-marks';

  it('turns straight quotes around Chinese into “”', () => {
    expect(spans('他说"安全"很重要', rule)).toEqual([
      [2, 3, '“'],
      [5, 6, '”'],
    ]);
    expect(fixed("'安全'第一", rule)).toBe('“安全”第一');
  });

  it('uses ‘’ for quotes inside “”', () => {
    expect(spans('他说：“要讲"安全"二字。”', rule)).toEqual([
      [6, 7, '‘'],
      [9, 10, '’'],
    ]);
    expect(fixed('他说：“要讲“安全”二字。”', rule)).toBe('他说：“要讲‘安全’二字。”');
  });

  it('reports a lone straight quote without guessing its direction', () => {
    expect(spans('他说"好', rule)).toEqual([[2, 3, null]]);
  });

  it('leaves English quotes, apostrophes, primes and three-level nesting alone', () => {
    for (const clean of ['He said "yes" today', "China's economy", `跑了5'30"`, '“甲‘乙“丙”乙’甲”', '他说“要讲‘安全’二字”']) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });
});

describe('ellipsis (§9.3)', () => {
  const rule = 'ellipsis';

  it('normalises ..., 。。。 and odd runs of … to ……', () => {
    expect(spans('他说...我们', rule)).toEqual([[2, 5, '……']]);
    expect(spans('好。。。', rule)).toEqual([[1, 4, '……']]);
    expect(spans('好…', rule)).toEqual([[1, 2, '……']]);
    expect(spans('好………', rule)).toEqual([[1, 4, '……']]);
  });

  it('removes a redundant 等 after the ellipsis', () => {
    expect(spans('苹果、梨……等。', rule)).toEqual([[6, 7, '']]);
    expect(fixed('苹果、梨……等等。', rule)).toBe('苹果、梨……。');
  });

  it('keeps ……, the twelve-dot form, 等待 after an ellipsis and English dots', () => {
    for (const clean of ['好……', '好…………', '他说……等待是漫长的', 'wait... ok', 'a.b.c 3.14']) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });
});

describe('dash (§9.4)', () => {
  const rule = 'dash';

  it('normalises -- , －－, ―― and stray single or triple dashes to ——', () => {
    expect(spans('他说--我们', rule)).toEqual([[2, 4, '——']]);
    expect(spans('这－－那', rule)).toEqual([[1, 3, '——']]);
    expect(fixed('这――那', rule)).toBe('这——那');
    expect(spans('他说：—我们', rule)).toEqual([[3, 4, '——']]);
    expect(spans('好———', rule)).toEqual([[1, 4, '——']]);
  });

  it('keeps connectors, correct dashes and command-line flags', () => {
    for (const clean of ['2016—2020年', '北京—上海', '他说——我们', '运行 --help', 'COVID-19', '————']) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });

  it('leaves a subtitle opening dash to headline-punct, so it is reported once', () => {
    expect(spans('—记者探访', rule, 'subheadline')).toEqual([]);
    expect(spans('—记者探访', 'headline-punct', 'subheadline')).toEqual([[0, 1, '——']]);
  });
});

describe('doubled-punct (§9.6)', () => {
  const rule = 'doubled-punct';

  it('collapses a doubled mark to one', () => {
    expect(spans('真的吗？？', rule)).toEqual([[3, 5, '？']]);
    expect(fixed('好，，走', rule)).toBe('好，走');
    expect(fixed('完了。。', rule)).toBe('完了。');
  });

  it('allows ？！ and leaves 。。。 to the ellipsis rule', () => {
    expect(spans('真的？！', rule)).toEqual([]);
    expect(spans('好。。。', rule)).toEqual([]);
  });
});

describe('dunhao-between-titles (§9.7)', () => {
  const rule = 'dunhao-between-titles';

  it('removes 、 between book titles and between quoted items', () => {
    expect(spans('《史记》、《汉书》', rule)).toEqual([[4, 5, '']]);
    expect(fixed('《史记》、《汉书》', rule)).toBe('《史记》《汉书》');
    expect(fixed('“创新”、“协调”', rule)).toBe('“创新”“协调”');
  });

  it('keeps 、 when a note stands between the items', () => {
    expect(spans('《史记》（西汉）、《汉书》', rule)).toEqual([]);
  });
});

describe('line-start-end-punct (§9.12)', () => {
  const rule = 'line-start-end-punct';
  const proof = '他说\n，我们去（\n北京';

  it('flags closing marks at a set line start and opening marks at its end', () => {
    expect(spans(proof, rule, 'body', { lineBreaksAreSetLines: true })).toEqual([
      [3, 4, null],
      [7, 8, null],
    ]);
  });

  it('stays silent when line breaks are paragraph breaks', () => {
    expect(spans(proof, rule)).toEqual([]);
  });
});

describe('headline-punct (§9.19)', () => {
  const rule = 'headline-punct';

  it('removes closing 。 or ， from headline parts, keeps ？ and ！', () => {
    expect(spans('经济稳中向好。', rule, 'headline')).toEqual([[6, 7, '']]);
    expect(fixed('冬季到了，', rule, 'kicker')).toBe('冬季到了');
    expect(spans('明天会更好吗？', rule, 'headline')).toEqual([]);
    expect(spans('加油！', rule, 'headline')).toEqual([]);
  });

  it('makes a subtitle open with ——', () => {
    expect(fixed('--记者探访', rule, 'subheadline')).toBe('——记者探访');
    expect(spans('——记者探访', rule, 'subheadline')).toEqual([]);
  });

  it('does not apply to body text', () => {
    expect(spans('好。', rule, 'body')).toEqual([]);
  });
});

describe('bracket-balance (§9.20)', () => {
  const rule = 'bracket-balance';

  it('reports the unmatched mark', () => {
    expect(spans('他说（好', rule)).toEqual([[2, 3, null]]);
    expect(messages('他说（好', rule)).toEqual(['“（”缺少对应的“）”']);
    expect(messages('好）', rule)).toEqual(['“）”缺少对应的“（”']);
  });

  it('reports crossed nesting at both wrongly placed marks', () => {
    expect(spans('（《）》', rule)).toEqual([
      [1, 2, null],
      [3, 4, null],
    ]);
  });

  it('accepts proper nesting, apostrophes and a quotation running over paragraphs', () => {
    for (const clean of ['“他说：‘好（真的）’。”', 'China’s', '“第一段。\n“第二段。”']) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });

  it('still reports a quote left open in the middle of a paragraph', () => {
    expect(spans('他说“第一段。', rule)).toEqual([[2, 3, null]]);
  });
});
