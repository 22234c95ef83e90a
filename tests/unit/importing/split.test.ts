import { describe, expect, it } from 'vitest';
import { recognizeStories, recognizeStory, splitPoints, toLines } from '../../../shared/import';

const points = (text: string): number[] => splitPoints(toLines(text));

describe('splitPoints', () => {
  it('splits at separator lines and 【稿件】/稿件名： markers', () => {
    const text = [
      '第一篇标题', '本报讯 第一篇正文。', '====', '第二篇标题', '本报讯 第二篇正文。', '----', '', '第三篇标题',
      '第三篇正文。', '＊＊＊', '第四篇标题', '第四篇正文。', '* * *', '第五篇标题', '第五篇正文。', '【稿件】', '第六篇标题',
      '第六篇正文。', '稿件名：第七篇', '第七篇正文很长很长，已经超过了三十个字的标题长度上限了吧。',
    ].join('\n');
    expect(points(text)).toEqual([0, 3, 7, 10, 13, 15, 18]);
    expect(recognizeStories(text).map((s) => s.headline)).toEqual([
      '第一篇标题', '第二篇标题', '第三篇标题', '第四篇标题', '第五篇标题', '第六篇标题', '第七篇',
    ]);
  });

  it('starts at the first non-blank line and gives [] for empty text', () => {
    expect(points('\n\n  \n标题\n本报讯 正文。')).toEqual([3]);
    expect(points('')).toEqual([]);
    expect(points(' \n\t\n　')).toEqual([]);
  });

  it('does not split at a 小标题 set off by blank lines', () => {
    const text = '标题\n\n本报讯 第一段。\n\n市场回暖\n\n第二段说明了情况。\n';
    expect(points(text)).toEqual([0]);
    expect(recognizeStories(text)[0]?.subheads).toEqual(['市场回暖']);
  });

  it('splits before a headline stack followed by a byline line or a 电头, even without a blank line', () => {
    expect(points('标题一\n本报讯 正文一。\n标题二\n□ 张明\n正文二。\n标题三\n新华社北京3月5日电 正文三。')).toEqual([0, 2, 5]);
  });

  it('splits before a stack with a —— 副题 and no 电头', () => {
    expect(points('标题一\n本报讯 正文一。\n\n评论标题\n——写在活动开幕之际\n正文二说了很多道理。')).toEqual([0, 3]);
  });

  it('splits after an end credit or a jump-out, and not after an ordinary paragraph', () => {
    expect(points('简讯一\n正文一。（张明）\n简讯二\n正文二。')).toEqual([0, 2]);
    expect(points('标题一\n正文一。（下转3版）\n\n标题二\n正文二。')).toEqual([0, 3]);
    expect(points('标题一\n正文一。\n\n像标题的一行\n正文二。')).toEqual([0]);
  });
});

describe('recognizeStory on a range the user chose', () => {
  const lines = toLines('标题一\n本报讯 正文一。\n\n标题二\n本报讯（记者 张明）正文二。');

  it('reports sourceRange in the caller’s line numbers', () => {
    const s = recognizeStory(lines.slice(3), { firstLine: 3 });
    expect(s.headline).toBe('标题二');
    expect(s.sourceRange).toEqual({ startLine: 3, endLine: 4 });
  });

  it('warns when a merged range holds a second 电头', () => {
    const s = recognizeStory(lines);
    expect(s.paragraphs).toEqual(['正文一。', '标题二', '本报讯（记者 张明）正文二。']);
    expect(s.warnings).toEqual(['正文中又出现电头“本报讯（记者 张明）”，可能是另一篇稿件，请核对拆分']);
  });
});
