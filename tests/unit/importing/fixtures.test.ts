import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recognizeStories, recognizedStorySchema, splitPoints, toLines, type RecognizedStory } from '../../../shared/import';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function story(partial: Partial<RecognizedStory>): RecognizedStory {
  return {
    kicker: null, headline: '', subheadline: null, bylines: [], dateline: null, reporters: [], subheads: [],
    subheadIndexes: [], paragraphs: [], captions: [], jumps: [], endCredit: null, warnings: [],
    sourceRange: { startLine: 0, endLine: 0 }, ...partial,
  };
}

describe('three-stories.txt: a clean paste of three stories', () => {
  const text = fixture('three-stories.txt');
  const stories = recognizeStories(text);

  it('becomes three stories starting at each headline stack', () => {
    expect(stories).toHaveLength(3);
    expect(splitPoints(toLines(text))).toEqual([0, 9, 20]);
  });

  it('reads the news story: 引题/主题/副题, 电头, caption with credit, jump-out', () => {
    expect(stories[0]).toEqual(story({
      kicker: '全市首批智慧社区投入使用',
      headline: '老旧小区装上“智慧大脑”',
      subheadline: '——十二个试点社区覆盖居民三万户',
      dateline: '本报讯（记者 王晓明 通讯员 陈思）',
      reporters: ['王晓明', '陈思'],
      paragraphs: [
        '3月18日，随着最后一批感应设备调试完毕，全市首批十二个智慧社区正式投入使用。居民刷脸即可进出单元门，独居老人家中的烟感和门磁数据实时传到社区值班室。',
        '市住建局相关负责人介绍，试点社区平均楼龄超过二十五年，改造前普遍存在停车难、安防弱等问题。',
        '改造资金由市、区两级财政和社区共同承担，部分设备由企业以租赁方式提供。',
      ],
      captions: [{ text: '图为东湖社区工作人员在值班室查看设备运行数据。', credit: '本报记者 李冰 摄' }],
      jumps: [{ direction: 'out', page: '4' }],
      sourceRange: { startLine: 0, endLine: 7 },
    }));
  });

  it('reads the feature: byline line, 小标题 kept in place', () => {
    expect(stories[1]).toEqual(story({
      kicker: '春耕时节访田间',
      headline: '种粮大户的“新农具”',
      bylines: ['赵海燕', '孙立'],
      reporters: ['赵海燕', '孙立'],
      subheads: ['无人机成了好帮手'],
      subheadIndexes: [2],
      paragraphs: [
        '清晨六点，河湾村的麦田里已经响起了无人机的嗡嗡声。种粮大户周建国蹲在地头，盯着手机上的作业路线。',
        '“过去打药要雇十几个人，现在一个人一上午就能干完。”周建国说。',
        '无人机成了好帮手',
        '去年秋天，周建国和邻村的三户农民合伙买下两台植保无人机。除了给自家田地作业，他们还给周边农户提供服务。',
        '县农业农村局的统计显示，全县今年春季机械化作业面积比去年增加了一成多。',
      ],
      sourceRange: { startLine: 9, endLine: 18 },
    }));
  });

  it('reads the short item: 本报讯 without people, end credit', () => {
    expect(stories[2]).toEqual(story({
      headline: '我市新增两条公交夜班线路',
      dateline: '本报讯',
      reporters: ['刘洋'],
      paragraphs: ['自4月1日起，市公交集团将开通两条夜班线路，末班车延长至次日凌晨一点，方便夜间下班的市民出行。'],
      endCredit: '刘洋',
      sourceRange: { startLine: 20, endLine: 22 },
    }));
  });

  it('gives the same stories from .docx-style paragraphs as from a string', () => {
    expect(recognizeStories(text.split('\n'))).toEqual(stories);
  });

  it('matches the JSON schema the CLI prints', () => {
    for (const s of stories) expect(recognizedStorySchema.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
});

describe('ocr-broken.txt: OCR text with broken lines, letter-spacing and half-width marks', () => {
  const [only, ...rest] = recognizeStories(fixture('ocr-broken.txt'));

  it('is one story whose headline lost its letter-spacing and whose -- became ——', () => {
    expect(rest).toEqual([]);
    expect(only?.headline).toBe('新能源汽车下乡活动启幕');
    expect(only?.subheadline).toBe('——首场展销吸引五千人次');
    expect(only?.kicker).toBeNull();
  });

  it('splits the half-width 电头 (no space after 记者) and names both people', () => {
    expect(only?.dateline).toBe('本报讯（记者林远 通讯员 何静）');
    expect(only?.reporters).toEqual(['林远', '何静']);
  });

  it('rejoins the broken lines, removes spaces between Han characters and keeps English spacing', () => {
    expect(only?.paragraphs).toEqual([
      '3月22日,新能源汽车下乡活动在城西会展中心启幕。记者了解到，本次活动共有二十余家车企参展，不少展台挂出了“Drive the future”的标语。',
      '一位参观者告诉记者，他最关心的是充电桩能不能装进农村院子',
      '。另一位村民则更在意续航里程和售后网点的距离。',
      '主办方表示，后续还将在各乡镇开展巡回展销',
    ]);
  });

  it('joins a credit broken over two lines to its caption', () => {
    expect(only?.captions).toEqual([{ text: '图为市民在展台前咨询车辆信息。', credit: '林远 摄' }]);
  });

  it('reads the spaced half-width jump line with a Chinese numeral', () => {
    expect(only?.jumps).toEqual([{ direction: 'out', page: '4' }]);
  });

  it('warns about the paragraph that continues with a stray 。 (mixed columns) and nothing else', () => {
    expect(only?.warnings).toEqual([
      '疑似分栏错乱，请核对：“…充电桩能不能装进农村院子”之后接“。另一位村民则更在意续航…”',
    ]);
  });
});

describe('wire.txt: a 新华社 story', () => {
  const stories = recognizeStories(fixture('wire.txt'));

  it('reads the wire 电头 with two reporters and the 新华社发 photo credit', () => {
    expect(stories).toEqual([story({
      headline: '首批跨境数据服务试点启动',
      dateline: '新华社北京3月5日电（记者 周明远、韩雪）',
      reporters: ['周明远', '韩雪'],
      paragraphs: [
        '记者5日从有关部门获悉，首批跨境数据服务试点当天在六个城市同步启动，参与试点的企业可在规定范围内开展数据跨境传输业务。',
        '据介绍，试点期限为两年，期间将对数据分类分级、安全评估等环节进行探索。',
        '有关负责人表示，试点将坚持安全与发展并重，成熟一项推广一项。',
      ],
      captions: [{ text: '试点城市之一的政务服务大厅内，工作人员正在为企业办理相关手续。', credit: '新华社发（韩雪 摄）' }],
      sourceRange: { startLine: 0, endLine: 5 },
    })]);
  });
});

describe('briefs.txt: a 简讯 column whose items each have a headline line', () => {
  const stories = recognizeStories(fixture('briefs.txt'));

  it('makes one story per item, even where no blank line separates them', () => {
    expect(stories.map((s) => s.headline)).toEqual(['市图书馆延长周末开放时间', '城南社区开展义诊活动', '两所新建学校秋季招生']);
    expect(stories.map((s) => s.sourceRange)).toEqual([
      { startLine: 0, endLine: 3 }, { startLine: 5, endLine: 6 }, { startLine: 7, endLine: 8 },
    ]);
  });

  it('takes each end credit off its paragraph', () => {
    expect(stories.map((s) => s.endCredit)).toEqual(['林小雨', '本报记者 郑凯', '据新华社']);
    expect(stories.map((s) => s.reporters)).toEqual([['林小雨'], ['郑凯'], []]);
    expect(stories[1]?.paragraphs).toEqual(['3月16日，十余名医护人员走进城南社区，为居民免费测量血压、血糖，并讲解春季常见病的预防知识。']);
  });

  it('does not make the column name a kicker, and says so', () => {
    expect(stories[0]?.kicker).toBeNull();
    expect(stories[0]?.warnings).toEqual(['栏目名“简讯”未计入标题']);
  });
});
