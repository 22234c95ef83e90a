import { describe, expect, it } from 'vitest';
import { recognizeStory } from '../../../shared/import';

const BODY = '本报讯（记者 王晓明）昨天，活动在市民广场举行。';

function stack(...headerLines: string[]): { kicker: string | null; headline: string; subheadline: string | null; warnings: string[] } {
  const s = recognizeStory([...headerLines, '', BODY]);
  return { kicker: s.kicker, headline: s.headline, subheadline: s.subheadline, warnings: s.warnings };
}

describe('headline stack without labels', () => {
  it('takes a single line as the 主题', () => {
    expect(stack('三千个岗位送到家门口')).toEqual({ kicker: null, headline: '三千个岗位送到家门口', subheadline: null, warnings: [] });
  });

  it('takes a —— line as the 副题, and repairs OCR dashes -- / — / －－ to ——', () => {
    for (const dash of ['——', '--', '—', '－－']) {
      expect(stack('三千个岗位送到家门口', `${dash}招聘会首次开进社区`).subheadline).toBe('——招聘会首次开进社区');
    }
  });

  it('reads 引+主+副 when a —— line closes the stack', () => {
    expect(stack('春风行动再出发', '三千个岗位送到家门口', '——招聘会首次开进社区')).toEqual({
      kicker: '春风行动再出发', headline: '三千个岗位送到家门口', subheadline: '——招聘会首次开进社区', warnings: [],
    });
  });

  it('reads three plain lines as 引+主+副', () => {
    const s = stack('春风行动再出发', '三千个岗位送到家门口', '招聘会首次开进社区');
    expect([s.kicker, s.headline, s.subheadline]).toEqual(['春风行动再出发', '三千个岗位送到家门口', '招聘会首次开进社区']);
  });

  it('makes a first line ending in ，the 引题', () => {
    const s = stack('春风又起时，', '三千个岗位送到家门口');
    expect([s.kicker, s.headline, s.subheadline]).toEqual(['春风又起时，', '三千个岗位送到家门口', null]);
  });

  it('makes a question the 主题 under a plain first line', () => {
    const s = stack('老旧小区改造一年后', '居民的日子过得怎么样？');
    expect([s.kicker, s.headline, s.subheadline]).toEqual(['老旧小区改造一年后', '居民的日子过得怎么样？', null]);
  });

  it('makes a first-line exclamation the 主题 with the second line as 副题', () => {
    const s = stack('家门口就业不是梦！', '三千个岗位送进社区');
    expect([s.kicker, s.headline, s.subheadline]).toEqual([null, '家门口就业不是梦！', '三千个岗位送进社区']);
  });

  it('makes a clearly shorter first line the 引题 and a longer one the 主题 over a 副题', () => {
    const shorter = stack('春风行动', '三千个岗位送到家门口');
    expect([shorter.kicker, shorter.headline, shorter.subheadline]).toEqual(['春风行动', '三千个岗位送到家门口', null]);
    const longer = stack('三千个岗位送到家门口', '招聘会开进社区');
    expect([longer.kicker, longer.headline, longer.subheadline]).toEqual([null, '三千个岗位送到家门口', '招聘会开进社区']);
    expect(longer.warnings).toEqual([]);
  });

  it('says the split is a guess when two plain lines are about as long', () => {
    expect(stack('三千岗位送到家门口', '招聘会首次开进社区').warnings).toEqual(['标题层次（引题/主题/副题）为推测，请核对']);
  });

  it('keeps the space between the two clauses of a 主题', () => {
    expect(stack('河湾村：麦田里飞起无人机 种粮大户算清新账').headline).toBe('河湾村：麦田里飞起无人机 种粮大户算清新账');
  });

  it('folds extra lines into the 引题 and warns', () => {
    const s = stack('一号楼', '春风行动再出发', '三千个岗位送到家门口', '——招聘会首次开进社区');
    expect([s.kicker, s.headline, s.subheadline]).toEqual(['一号楼 春风行动再出发', '三千个岗位送到家门口', '——招聘会首次开进社区']);
    expect(s.warnings).toEqual(['标题行过多，多出的行已并入引题，请核对']);
  });
});

describe('headline stack with labels', () => {
  it('uses 引题：/主题：/副题： and keeps a 副题 without a dash as written', () => {
    expect(stack('引题：春风行动再出发', '主题：三千个岗位送到家门口', '副题：招聘会首次开进社区')).toEqual({
      kicker: '春风行动再出发', headline: '三千个岗位送到家门口', subheadline: '招聘会首次开进社区', warnings: [],
    });
  });

  it('uses 【肩题】/【标题】 labels and places an unlabelled line after the 主题 as 副题', () => {
    const s = stack('【肩题】春风行动再出发', '【标题】三千个岗位送到家门口', '——招聘会首次开进社区');
    expect([s.kicker, s.headline, s.subheadline]).toEqual(['春风行动再出发', '三千个岗位送到家门口', '——招聘会首次开进社区']);
  });
});

describe('header boundaries', () => {
  it('warns when no 主题 is found', () => {
    expect(recognizeStory([BODY]).headline).toBe('');
    expect(recognizeStory([BODY]).warnings).toEqual(['未识别到主题，请补充']);
  });

  it('falls back to the 稿件名 when there is no headline line', () => {
    const s = recognizeStory(['稿件名：夜班公交', BODY]);
    expect(s.headline).toBe('夜班公交');
    expect(s.warnings).toEqual(['未识别到主题，已用稿件名代替，请核对']);
  });

  it('sends a broken first body line (with ，, after a blank line) back to the body', () => {
    const s = recognizeStory(['社区义诊进万家', '', '近日，市第一人民医院', '的医生走进社区开展义诊。']);
    expect(s.headline).toBe('社区义诊进万家');
    expect(s.kicker).toBeNull();
    expect(s.paragraphs).toEqual(['近日，市第一人民医院的医生走进社区开展义诊。']);
  });

  it('does not take a numbered 小标题 right under the headline as a 副题', () => {
    const s = recognizeStory(['　　关于做好春耕工作的几点意见', '　　一、抓好种子供应', '　　各地要提前摸清需求。']);
    expect(s.subheadline).toBeNull();
    expect(s.subheads).toEqual(['一、抓好种子供应']);
  });
});
