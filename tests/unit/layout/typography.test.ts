import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, pageTemplateSchema } from '../../../shared/layout/geometry';
import { DEFAULT_TYPOGRAPHY, elementPt, typographyOf } from '../../../shared/layout/typography';

describe('the template chooses a face and size per element', () => {
  it('a template saved before faces existed reads with the defaults: 书宋 body, 标宋 主题, 楷体 引题', () => {
    const old = { ...DEFAULT_TEMPLATES[0]! };
    delete old.typography;
    const t = typographyOf(old);
    expect(t).toEqual(DEFAULT_TYPOGRAPHY);
    expect([t.body.face, t.headline.face, t.kicker.face]).toEqual(['shusong', 'biaosong', 'kaiti']);
  });

  it('a template naming some elements keeps the defaults for the others; sizes read in 号 or points', () => {
    const t = typographyOf({ typography: { subhead: { face: 'cuhei', size: '五号' }, caption: { face: 'heiti', size: 8 } } });
    expect(t.subhead).toEqual({ face: 'cuhei', size: '五号' });
    expect(elementPt(t, 'subhead', 9)).toBe(10.5);
    expect(elementPt(t, 'caption', 9)).toBe(8);
    expect(elementPt(t, 'body', 9)).toBe(9);
    expect(t.kicker).toEqual(DEFAULT_TYPOGRAPHY.kicker);
  });

  it('refuses an unknown face, an unknown 号 and a body size that would fight the grid, naming each', () => {
    const base = { ...DEFAULT_TEMPLATES[0]!, id: undefined };
    const face = pageTemplateSchema.safeParse({ ...base, typography: { kicker: { face: 'comic' } } });
    expect(face.success || face.error.issues[0]!.message).toContain('引题字体只能是');
    const size = pageTemplateSchema.safeParse({ ...base, typography: { headline: { face: 'biaosong', size: '大一号' } } });
    expect(size.success || size.error.issues[0]!.message).toContain('字号只能是');
    const body = pageTemplateSchema.safeParse({ ...base, typography: { body: { face: 'shusong', size: 10.5 } } });
    expect(body.success || body.error.issues[0]!.message).toContain('正文字号由模板的“正文字号”决定');
    expect(pageTemplateSchema.safeParse({ ...base, typography: { headline: { face: 'cuhei', size: '小初' } } }).success).toBe(true);
  });
});
