import { describe, expect, it } from 'vitest';
import { repairParagraphs } from '../../../shared/import';

describe('repairParagraphs', () => {
  it('joins lines broken mid-sentence and starts a paragraph at an indent', () => {
    expect(repairParagraphs([
      '　　清晨六点，河湾村的麦田里已经',
      '响起了无人机的嗡嗡声。种粮大户',
      '周建国蹲在地头。',
      '　　“现在一个人一上午就能干完。”',
      '周建国说。',
    ])).toEqual([
      '清晨六点，河湾村的麦田里已经响起了无人机的嗡嗡声。种粮大户周建国蹲在地头。',
      '“现在一个人一上午就能干完。”',
      '周建国说。',
    ]);
  });

  it('treats a blank line as a paragraph break', () => {
    expect(repairParagraphs(['去年秋天，周建国合伙买下', '', '两台植保无人机。'])).toEqual(['去年秋天，周建国合伙买下', '两台植保无人机。']);
  });

  it('removes letter-spacing and stray spaces between Han characters, but not in English', () => {
    expect(repairParagraphs(['记 者 了 解 到 ， 展 位 共 有 二 十 个 。', '展台上写着 Drive the', 'future 的标语 ，很醒目。'])).toEqual([
      '记者了解到，展位共有二十个。',
      '展台上写着 Drive the future 的标语，很醒目。',
    ]);
  });

  it('keeps the space between role and name in a 电头, a byline and a credit', () => {
    expect(repairParagraphs([
      '□ 本报记者 赵海燕',
      '本报讯（记者 张明 通讯员 李华）近日 ，',
      '我市开展活动。',
      '图为活动现场。 本报记者 李冰 摄',
    ])).toEqual([
      '□ 本报记者 赵海燕',
      '本报讯（记者 张明 通讯员 李华）近日，我市开展活动。',
      '图为活动现场。 本报记者 李冰 摄',
    ]);
  });

  it('does not glue a caption, a jump line or a new 电头 to an unfinished line', () => {
    expect(repairParagraphs([
      '改造资金由两级财政承担，部分设备',
      '图为东湖社区值班室。',
      '居民们对此充满期待，纷纷表示',
      '（下转4版）',
      '编者按语到此为止',
      '本报讯 昨天，活动在广场举行。',
    ])).toEqual([
      '改造资金由两级财政承担，部分设备',
      '图为东湖社区值班室。',
      '居民们对此充满期待，纷纷表示',
      '（下转4版）',
      '编者按语到此为止',
      '本报讯昨天，活动在广场举行。',
    ]);
  });

  it('keeps a short unpunctuated line as its own paragraph in clean copy (a 小标题)', () => {
    expect(repairParagraphs([
      '周建国说，今年还想再添一台。',
      '无人机成了好帮手',
      '去年秋天，他和邻村农民合伙买下两台植保无人机。',
    ])).toEqual(['周建国说，今年还想再添一台。', '无人机成了好帮手', '去年秋天，他和邻村农民合伙买下两台植保无人机。']);
  });

  it('joins short column lines in OCR copy instead of taking them for 小标题', () => {
    expect(repairParagraphs([
      '去年秋天，周建国和邻',
      '村的三户农民合伙买下',
      '两台无人机。除了给自',
      '家田地作业，他们还给',
      '周边农户提供服务。',
      '植保无人机作业快',
      '一天能喷洒几百亩。',
    ])).toEqual([
      '去年秋天，周建国和邻村的三户农民合伙买下两台无人机。除了给自家田地作业，他们还给周边农户提供服务。',
      '植保无人机作业快一天能喷洒几百亩。',
    ]);
  });

  it('returns nothing for nothing', () => {
    expect(repairParagraphs([])).toEqual([]);
    expect(repairParagraphs(['', '   ', '　　'])).toEqual([]);
  });
});
