import { describe, expect, it } from 'vitest';
import { recognizeStory } from '../../../shared/import';
import { splitEndCredit, splitPhotoCredit } from '../../../shared/import/credits';

const story = (...body: string[]) => recognizeStory(['夜色中的老街', '', '本报讯（记者 张明）老街的灯笼亮了起来。', ...body]);

describe('photo captions', () => {
  it.each([
    ['游客在老街拍照留念。张明 摄', '张明 摄'],
    ['游客在老街拍照留念。本报记者 张明 摄', '本报记者 张明 摄'],
    ['游客在老街拍照留念。新华社记者 张明 摄', '新华社记者 张明 摄'],
    ['游客在老街拍照留念。新华社发（张明 摄）', '新华社发（张明 摄）'],
    ['游客在老街拍照留念。新华社发(张明 摄)', '新华社发（张明 摄）'],
    ['游客在老街拍照留念。受访者供图', '受访者供图'],
    ['游客在老街拍照留念。视觉中国供图', '视觉中国供图'],
    ['游客在老街拍照留念。资料图片', '资料图片'],
    ['游客在老街拍照留念。（本报记者 张明 摄）', '本报记者 张明 摄'],
    ['游客在老街拍照留念。张明摄', '张明 摄'],
  ])('%s → credit %s', (paragraph, credit) => {
    expect(splitPhotoCredit(paragraph)).toEqual({ text: '游客在老街拍照留念。', credit });
  });

  it('finds the credit after a caption that has no closing 。', () => {
    expect(splitPhotoCredit('游客在老街拍照留念 本报记者 张明 摄')).toEqual({ text: '游客在老街拍照留念', credit: '本报记者 张明 摄' });
  });

  it('does not take prose ending in 摄 for a credit', () => {
    expect(splitPhotoCredit('他在现场拍摄')).toBeNull();
    expect(splitPhotoCredit('游客在老街拍照留念。')).toBeNull();
  });

  it('moves a credited paragraph out of the body into captions', () => {
    const s = story('游客在老街拍照留念。李华 摄', '夜市一直营业到十点。');
    expect(s.paragraphs).toEqual(['老街的灯笼亮了起来。', '夜市一直营业到十点。']);
    expect(s.captions).toEqual([{ text: '游客在老街拍照留念。', credit: '李华 摄' }]);
  });

  it('reads 图为/图：/【图】 lines as captions, and warns when the credit is missing', () => {
    const s = story('图：游客在老街拍照留念。', '【图】夜市的小吃摊。资料图片', '图为老街入口。');
    expect(s.captions).toEqual([
      { text: '游客在老街拍照留念。', credit: null },
      { text: '夜市的小吃摊。', credit: '资料图片' },
      { text: '图为老街入口。', credit: null },
    ]);
    expect(s.paragraphs).toEqual(['老街的灯笼亮了起来。']);
    expect(s.warnings).toEqual([
      '图片说明缺少来源署名：“游客在老街拍照留念。”',
      '图片说明缺少来源署名：“图为老街入口。”',
    ]);
  });

  it('joins a credit on its own line to the caption above it', () => {
    const s = story('游客在老街拍照留念。', '受访者供图', '夜市一直营业到十点。');
    expect(s.captions).toEqual([{ text: '游客在老街拍照留念。', credit: '受访者供图' }]);
    expect(s.paragraphs).toEqual(['老街的灯笼亮了起来。', '夜市一直营业到十点。']);
  });
});

describe('end credits of short items', () => {
  it.each([
    ['夜市一直营业到十点。（张明）', '张明', ['张明']],
    ['夜市一直营业到十点。（据新华社）', '据新华社', []],
    ['夜市一直营业到十点。（本报记者 张明）', '本报记者 张明', ['张明']],
    ['夜市一直营业到十点。(张明 李华)', '张明 李华', ['张明', '李华']],
    ['夜市一直营业到十点。（综合新华社、中新社）', '综合新华社、中新社', []],
  ])('%s', (paragraph, credit, names) => {
    expect(splitEndCredit(paragraph)).toEqual({ text: '夜市一直营业到十点。', credit, names });
  });

  it('ignores （完） and parentheses inside a sentence', () => {
    expect(splitEndCredit('夜市一直营业到十点。（完）')).toBeNull();
    expect(splitEndCredit('全年国内生产总值（GDP）')).toBeNull();
    expect(splitEndCredit('夜市一直营业到晚上（十点）')).toBeNull();
  });

  it('takes the end credit off the last paragraph only and adds its names to the reporters', () => {
    const s = recognizeStory(['夜市开张', '本报讯 老街夜市昨晚开张。（李华）', '', '摊主们早早备好了食材。（王刚）']);
    expect(s.endCredit).toBe('王刚');
    expect(s.reporters).toEqual(['王刚']);
    expect(s.paragraphs).toEqual(['老街夜市昨晚开张。（李华）', '摊主们早早备好了食材。']);
  });

  it('takes an end credit standing on its own line', () => {
    const s = recognizeStory(['夜市开张', '本报讯 老街夜市昨晚开张。', '（李华）']);
    expect(s.endCredit).toBe('李华');
    expect(s.paragraphs).toEqual(['老街夜市昨晚开张。']);
  });
});
