import { describe, expect, it } from 'vitest';
import { recognizeStory } from '../../../shared/import/index';
import { toLines } from '../../../shared/import/lines';

const story = (text: string) => recognizeStory(toLines(text));

const COPY = (subhead: string) =>
  ['江城老城区换新颜', '', '本报讯（记者 李静）今年以来，江城老城区改造提速。', subhead, '改造中，社区先问居民要什么，再定怎么改。', '政策到位以后，一批小店重新开张。'].join('\n');

describe('小标题 in imported copy', () => {
  it('two parallel phrases joined by a comma, on their own line with no final punctuation, are a 小标题', () => {
    for (const subhead of ['居民点菜，政府端菜', '先问需求，再定方案', '留住烟火气，激活新业态']) {
      const s = story(COPY(subhead));
      expect(s.subheads, subhead).toEqual([subhead]);
      expect(s.paragraphs[s.subheadIndexes[0]!]).toBe(subhead);
    }
  });

  it('a clause that ends a sentence, lopsided phrases or a line with more punctuation stay body text', () => {
    for (const line of ['居民点菜，政府端菜。', '对此，社区工作人员一家一户上门征求意见并逐条记录在册', '首先，再定', '一是问需，二是问计，三是问效']) {
      expect(story(COPY(line)).subheads, line).toEqual([]);
    }
  });
});
