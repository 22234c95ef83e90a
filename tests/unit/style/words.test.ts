import { describe, expect, it } from 'vitest';
import { applyFixes, checkText, compileWordLists } from '../../../shared/style/index';
import { fixed, messages, spans } from './helpers';

describe('space-han-latin (§9.13)', () => {
  const rule = 'space-han-latin';

  it('removes spaces between Han and Latin letters or digits', () => {
    expect(spans('增长 5%', rule)).toEqual([[2, 3, '']]);
    expect(spans('5% 的', rule)).toEqual([[2, 3, '']]);
    expect(spans('使用 iPhone 手机', rule)).toEqual([
      [2, 3, ''],
      [9, 10, ''],
    ]);
    expect(fixed('2026年 11月', rule)).toBe('2026年11月');
    expect(fixed('增长\u00a05%', rule)).toBe('增长5%');
  });

  it('only hints, without a fix, in a headline whose clauses may be separated by a space', () => {
    const [hint, ...rest] = checkText('消费增长5.3% 线上占比首超三成', { field: 'headline', rules: [rule] });
    expect(rest).toEqual([]);
    expect(hint).toMatchObject({ start: 8, end: 9, severity: 'info', fix: null });
  });

  it('keeps spaces inside Latin phrases, between Han words and in bylines and credits', () => {
    for (const clean of [
      '在New York举行',
      '本报讯（记者 张三）',
      '□ 张三 李四',
      '本报记者 王五 摄',
      '记者 John Smith',
      'John Smith 摄',
      '重5 kg',
      '冬季消费 持续升温',
    ]) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });
});

describe('confusable-words (§9.14)', () => {
  const rule = 'confusable-words';

  it('corrects listed words', () => {
    expect(spans('美仑美奂', rule)).toEqual([[0, 4, '美轮美奂']]);
    expect(fixed('他好象没来', rule)).toBe('他好像没来');
    expect(messages('黄埔江畔', rule)).toEqual(['地名“黄埔江”应为“黄浦江”']);
    expect(messages('联合国科教文组织', rule)).toEqual(['名称“联合国科教文组织”应为“联合国教科文组织”']);
  });

  it('changes 截止 to 截至 only before a time point', () => {
    expect(spans('截止目前', rule)).toEqual([[0, 2, '截至']]);
    expect(fixed('截止12月底', rule)).toBe('截至12月底');
    expect(fixed('截止发稿时', rule)).toBe('截至发稿时');
    for (const clean of ['报名于12月1日截止。', '截止日期', '截至目前']) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });

  it('respects the surroundings an entry names', () => {
    expect(spans('既使下雨也要去', rule)).toEqual([[0, 2, '即使']]);
    for (const clean of ['爱好象棋', '既使企业受益，又使群众满意', '黄埔军校', '全部份额']) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });

  it('takes the longest entry at a position and reads the paper’s own list', () => {
    const wordLists = compileWordLists({
      confusables: [
        { wrong: '甲乙', right: '错' },
        { wrong: '甲乙丙', right: '对' },
      ],
      careful: [],
      exactNames: [],
      placeNames: [],
    });
    const found = checkText('甲乙丙丁', { field: 'body', rules: [rule], wordLists });
    expect(found.map((f) => [f.start, f.end, f.fix?.replacement])).toEqual([[0, 3, '对']]);
  });

  it('leaves out, and lists, an entry whose context cannot be compiled', () => {
    const wordLists = compileWordLists({
      confusables: [{ wrong: '甲', right: '乙', context: 'regex:(' }],
      careful: [],
      exactNames: [],
      placeNames: [],
    });
    expect(wordLists.rejected.map((r) => r.word)).toEqual(['甲']);
    expect(checkText('甲', { field: 'body', rules: [rule], wordLists })).toEqual([]);
  });
});

describe('doubled-chars (§9.15)', () => {
  const rule = 'doubled-chars';

  it('removes a function character typed twice', () => {
    expect(spans('我的的书', rule)).toEqual([[1, 3, '的']]);
    expect(spans('他来了了。', rule)).toEqual([[2, 4, '了']]);
    expect(fixed('这是是一个', rule)).toBe('这是一个');
    expect(fixed('他在在家', rule)).toBe('他在家');
  });

  it('accepts reduplication and pairs that straddle two words', () => {
    for (const clean of [
      '的的确确',
      '目的的实现',
      '受不了了',
      '为了了解',
      '不了了之',
      '现在在北京',
      '实实在在',
      '是是非非',
      '但是是否',
      '和和气气',
      '常常天天看看人人谢谢星星渐渐往往刚刚仅仅纷纷默默稍稍',
    ]) {
      expect(spans(clean, rule), clean).toEqual([]);
    }
  });
});

describe('careful-words (§9.16)', () => {
  it('warns with the reason and the suggested word, never fixing on its own', () => {
    const [found] = checkText('罪犯张某', { field: 'body', rules: ['careful-words'] });
    expect(found).toMatchObject({ start: 0, end: 2, severity: 'warning', fix: null });
    expect(found?.message).toContain('犯罪嫌疑人');
  });

  it('uses the severity the list gives the word', () => {
    expect(checkText('农民工', { field: 'body', rules: ['careful-words'] }).map((f) => f.severity)).toEqual(['info']);
  });
});

describe('dateline-format (§9.17)', () => {
  const rule = 'dateline-format';

  it('puts one space between role and name', () => {
    expect(spans('本报讯（记者张三）', rule, 'dateline')).toEqual([[4, 6, ' ']]);
    expect(fixed('本报讯（记者张三）', rule, 'dateline')).toBe('本报讯（记者 张三）');
    expect(fixed('本报讯（记者  张三）', rule, 'dateline')).toBe('本报讯（记者 张三）');
  });

  it('puts one space before the next role and none before the bracket', () => {
    expect(spans('本报讯（记者 张三通讯员 李四）', rule, 'dateline')).toEqual([[9, 12, ' ']]);
    expect(fixed('本报讯（记者 张三通讯员 李四）', rule, 'dateline')).toBe('本报讯（记者 张三 通讯员 李四）');
    expect(fixed('本报讯 （记者 张三）', rule, 'dateline')).toBe('本报讯（记者 张三）');
  });

  it('with the other rules, repairs the §9 example in the first paragraph of a story', () => {
    const text = '本报讯(记者张三)今天';
    expect(applyFixes(text, checkText(text, { field: 'body' }))).toBe('本报讯（记者 张三）今天');
  });

  it('accepts the house forms and ignores a lead-in that is not at the start', () => {
    for (const clean of [
      '本报讯（记者 张三 通讯员 李四）',
      '新华社北京3月5日电（记者 张三、李四）',
      '本报北京3月5日电（记者 张三）',
      '本报讯（记者\u3000张三）',
      '据本报讯（记者张三）',
    ]) {
      expect(spans(clean, rule, 'body'), clean).toEqual([]);
    }
  });
});

describe('caption-credit (§9.18)', () => {
  const rule = 'caption-credit';

  it('reports a caption without a credit at its last character', () => {
    expect(spans('市民在公园赏花。', rule, 'caption')).toEqual([[7, 8, null]]);
  });

  it('accepts the credit forms of §6 and is not run on body text', () => {
    for (const clean of [
      '市民在公园赏花。本报记者 王五 摄',
      '观众观看比赛。新华社发（张三 摄）',
      '展品细节。受访者供图',
      '资料图片',
      '夜景。图片来源：视觉中国',
    ]) {
      expect(spans(clean, rule, 'caption'), clean).toEqual([]);
    }
    expect(spans('市民在公园赏花。', rule, 'body')).toEqual([]);
  });
});
