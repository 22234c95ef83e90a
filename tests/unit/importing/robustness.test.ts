import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  recognizeStories, recognizeStory, recognizedStorySchema, repairParagraphs, splitPoints, toLines,
} from '../../../shared/import';

/** Deterministic, so a failure can be replayed. */
function randomText(seed: number, length: number): string {
  let s = seed;
  const next = (): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s;
  };
  const pieces = ['\n', ' ', '　', '（下转', '本报讯（记者 ', '）', '□ ', '——', '图为', '摄', '。', '（张明）', '====\n'];
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = next() % 20;
    out += r < 8 ? (pieces[r] ?? '') : String.fromCodePoint(next() % 0x2ffff);
  }
  return out;
}

describe('inputs that carry no story', () => {
  it.each([[''], ['   '], ['\n\n\t\n'], ['　　\r\n　']])('%j gives no stories', (input) => {
    expect(recognizeStories(input)).toEqual([]);
  });

  it('gives no stories for an empty paragraph list or a list of non-strings', () => {
    expect(recognizeStories([])).toEqual([]);
    expect(recognizeStories([1, null, {}] as unknown as string[])).toEqual([]);
  });

  it('gives an empty story with warnings for an empty range', () => {
    const s = recognizeStory([]);
    expect(s.headline).toBe('');
    expect(s.warnings).toEqual(['未识别到主题，请补充', '未识别到正文']);
    expect(s.sourceRange).toEqual({ startLine: 0, endLine: 0 });
  });
});

describe('random Unicode', () => {
  it('never throws and always returns schema-valid stories inside the input', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const text = randomText(seed, 300);
      const lineCount = toLines(text).length;
      const stories = recognizeStories(text);
      for (const story of stories) {
        expect(recognizedStorySchema.safeParse(story).success).toBe(true);
        expect(story.sourceRange.endLine).toBeLessThan(lineCount);
        expect(story.warnings.some((w) => w.startsWith('自动识别出错'))).toBe(false);
      }
      expect(() => repairParagraphs(toLines(text))).not.toThrow();
      expect(splitPoints(toLines(text))).toEqual(stories.map((st) => st.sourceRange.startLine));
    }
  });
});

describe('large pastes', () => {
  const three = readFileSync(new URL('./fixtures/three-stories.txt', import.meta.url), 'utf8');

  it('splits 1 MB of copy into every story it holds, in linear time', () => {
    const copies = Math.ceil(1_000_000 / three.length);
    const big = `${three}\n`.repeat(copies);
    const started = performance.now();
    const stories = recognizeStories(big);
    const ms = performance.now() - started;
    expect(stories).toHaveLength(copies * 3);
    expect(stories[stories.length - 1]?.endCredit).toBe('刘洋');
    expect(ms).toBeLessThan(15_000);
  });

  it('handles 1 MB on a single line without quadratic work', () => {
    const line = '记者了解到，该项目已经完工'.repeat(80_000);
    const started = performance.now();
    const [story] = recognizeStories(line);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(story?.paragraphs.join('').length).toBe(line.length);
  });

  it('handles 300,000 short OCR lines as one joined paragraph', () => {
    const text = '短行文字\n'.repeat(300_000);
    const started = performance.now();
    const stories = recognizeStories(text);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(stories).toHaveLength(1);
    expect(stories[0]?.paragraphs).toHaveLength(1);
  });
});

describe('warnings for the review screen', () => {
  it('drops page credits with a note and flags a body that stops mid-sentence', () => {
    const s = recognizeStory(['夜市开张', '本报讯 老街夜市昨晚开张，摊主们早早', '', '本版责编：王刚']);
    expect(s.paragraphs).toEqual(['老街夜市昨晚开张，摊主们早早']);
    expect(s.warnings).toEqual(['已忽略版面署名：“本版责编：王刚”', '正文结尾不完整（“…夜市昨晚开张，摊主们早早”），请核对']);
  });

  it('says when a long run of short lines leaves the headline unclear', () => {
    const s = recognizeStory(['去年秋天周建国和', '邻村三户农民合伙', '买下两台植保无人', '机除了给自家田地', '作业他们还给周边', '农户提供服务。']);
    expect(s.headline).toBe('去年秋天周建国和');
    expect(s.warnings).toEqual(['标题与正文的分界不明显，请核对']);
    expect(s.paragraphs).toEqual(['邻村三户农民合伙买下两台植保无人机除了给自家田地作业他们还给周边农户提供服务。']);
  });
});
