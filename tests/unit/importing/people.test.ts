import { describe, expect, it } from 'vitest';
import { recognizeStory } from '../../../shared/import';
import { splitDateline } from '../../../shared/import/datelineRecognizer';
import { matchBylineLine } from '../../../shared/import/bylineRecognizer';

describe('电头 at the start of the first paragraph', () => {
  const cases: [string, string, string[], string][] = [
    ['本报讯（记者 张明）近日，', '本报讯（记者 张明）', ['张明'], '近日，'],
    ['本报讯（记者 张明 通讯员 李华）近日，', '本报讯（记者 张明 通讯员 李华）', ['张明', '李华'], '近日，'],
    ['本报北京3月5日电（记者 张明）当天，', '本报北京3月5日电（记者 张明）', ['张明'], '当天，'],
    ['新华社北京3月5日电（记者 张明、李华）记者', '新华社北京3月5日电（记者 张明、李华）', ['张明', '李华'], '记者'],
    ['新华社华盛顿3月5日电（记者 张明）', '新华社华盛顿3月5日电（记者 张明）', ['张明'], ''],
    ['中新社上海3月5日电 (记者 王刚) 当天', '中新社上海3月5日电（记者 王刚）', ['王刚'], '当天'],
    ['本报讯(记者张明)近日', '本报讯（记者张明）', ['张明'], '近日'],
    ['本报讯 近日，', '本报讯', [], '近日，'],
    ['本报讯近日，', '本报讯', [], '近日，'],
    ['本报讯（实习生 赵芳 特约记者 钱进）今年', '本报讯（实习生 赵芳 特约记者 钱进）', ['赵芳', '钱进'], '今年'],
    ['本报北京电（驻京记者 张明）', '本报北京电（驻京记者 张明）', ['张明'], ''],
    ['本报讯（本报记者 张明 摄影报道）', '本报讯（本报记者 张明 摄影报道）', ['张明'], ''],
    ['央视网消息（记者 孙亮）', '央视网消息（记者 孙亮）', ['孙亮'], ''],
    ['据新华社电 近日', '据新华社电', [], '近日'],
  ];
  it.each(cases)('%s', (input, dateline, names, rest) => {
    expect(splitDateline(input)).toEqual({ dateline, names, rest, warnings: [] });
  });

  it('leaves a parenthesis that names no one in the text', () => {
    expect(splitDateline('本报讯（3月5日）')).toEqual({ dateline: '本报讯', names: [], rest: '（3月5日）', warnings: [] });
  });

  it('does not read ordinary sentences as a 电头', () => {
    expect(splitDateline('本报记者日前从市电力公司获悉（记者 张明）')).toBeNull();
    expect(splitDateline('新华社电视台记者报道')).toBeNull();
    expect(splitDateline('据了解，本报讯息平台')).toBeNull();
  });

  it('warns when names run together so that they cannot be told apart', () => {
    expect(splitDateline('本报讯（记者欧阳明月王刚）')?.warnings).toEqual(['署名“欧阳明月王刚”可能是几个人名连写，请核对']);
  });

  it('undoes letter-spacing in the 电头 but keeps the wide gap between role and name', () => {
    const s = recognizeStory(['标题', '本 报 讯 （ 记 者  张 明 ） 近 日 ， 我 市 开 展 活 动 。']);
    expect(s.dateline).toBe('本报讯（记者 张明）');
    expect(s.paragraphs).toEqual(['近日，我市开展活动。']);
  });

  it('takes a 电头 broken over two lines', () => {
    const s = recognizeStory(['标题', '', '本报讯（记者 张明 通讯员', '李华）近日，我市开展活动。']);
    expect(s.dateline).toBe('本报讯（记者 张明 通讯员李华）');
    expect(s.reporters).toEqual(['张明', '李华']);
  });
});

describe('byline lines', () => {
  it.each([
    ['□ 张明 李华', ['张明', '李华']],
    ['■本报记者 张明 本报通讯员 李华', ['张明', '李华']],
    ['本报记者 张明', ['张明']],
    ['记者 张明', ['张明']],
    ['文/张明', ['张明']],
    ['文／张明 图／李华', ['张明', '李华']],
    ['记者张明通讯员李华', ['张明', '李华']],
  ])('%s', (line, names) => {
    expect(matchBylineLine(line)?.names).toEqual(names);
  });

  it('refuses lines that could be a headline or a 小标题', () => {
    expect(matchBylineLine('张明 李华')).toBeNull();
    expect(matchBylineLine('■ 市场回暖')).toBeNull();
    expect(matchBylineLine('本报记者 张明 摄')).toBeNull();
  });

  it('puts byline names in bylines and reporters, together with the 电头 names', () => {
    const s = recognizeStory(['种粮大户的新农具', '■本报记者 赵海燕', '本报讯（通讯员 孙立）清晨六点，麦田里响起了无人机的嗡嗡声。']);
    expect(s.bylines).toEqual(['赵海燕']);
    expect(s.reporters).toEqual(['孙立', '赵海燕']);
    expect(s.headline).toBe('种粮大户的新农具');
  });
});
