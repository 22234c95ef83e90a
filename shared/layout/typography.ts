/**
 * Typefaces of a page template: which face (书宋, 标宋, 黑体, 楷体 …) and size each element of a story
 * prints in. Faces are named by their role, not by a font file: the core finds a font for each face
 * on the machine (electron/core/fonts), the board asks the browser for the same face by CSS family.
 * Templates saved before faces existed have no `typography`; `typographyOf` gives them the defaults.
 */
import { z } from 'zod';
import { sizeNameToPt, TYPE_SIZES } from './typeSizes';

export const FACES = ['shusong', 'biaosong', 'xiaobiaosong', 'heiti', 'cuhei', 'kaiti'] as const;
export type Face = (typeof FACES)[number];

export const FACE_LABELS: Record<Face, string> = {
  shusong: '书宋',
  biaosong: '标宋',
  xiaobiaosong: '小标宋',
  heiti: '黑体',
  cuhei: '粗黑',
  kaiti: '楷体',
};

/**
 * The same faces for the browser: the Debian fonts the proof embeds first, then what Windows and macOS
 * desks have, then the generic family, so the board never falls back to a Latin face for Chinese.
 */
const SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", SimSun, "Songti SC", serif';
const SANS = '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", SimHei, "PingFang SC", sans-serif';
export const FACE_CSS: Record<Face, { fontFamily: string; fontWeight: number }> = {
  shusong: { fontFamily: SERIF, fontWeight: 400 },
  biaosong: { fontFamily: SERIF, fontWeight: 900 },
  xiaobiaosong: { fontFamily: SERIF, fontWeight: 700 },
  heiti: { fontFamily: SANS, fontWeight: 500 },
  cuhei: { fontFamily: SANS, fontWeight: 900 },
  kaiti: { fontFamily: `"AR PL UKai CN", KaiTi, STKaiti, "Kaiti SC", ${SERIF}`, fontWeight: 400 },
};

/** 正文, 主题, 引题, 副题, 小标题, 图说, 电头 — the parts of a story that print in their own face. */
export const TYPE_ELEMENTS = ['body', 'headline', 'kicker', 'subheadline', 'subhead', 'caption', 'dateline'] as const;
export type TypeElement = (typeof TYPE_ELEMENTS)[number];

const TYPE_ELEMENT_LABELS: Record<TypeElement, string> = {
  body: '正文',
  headline: '主题',
  kicker: '引题',
  subheadline: '副题',
  subhead: '小标题',
  caption: '图说',
  dateline: '电头',
};

/** A size as the desk says it: a 号 name ('小五', '一号') or points. */
type SizeSpec = string | number;

interface ElementStyle {
  face: Face;
  /** the body's size is the template's bodyPt (the grid is built on it), so the body names no size */
  size?: SizeSpec;
}

export type Typography = Record<TypeElement, ElementStyle>;

export const DEFAULT_TYPOGRAPHY: Typography = {
  body: { face: 'shusong' },
  headline: { face: 'biaosong', size: '一号' },
  kicker: { face: 'kaiti', size: '小四' },
  subheadline: { face: 'heiti', size: '小四' },
  subhead: { face: 'heiti', size: '小五' },
  caption: { face: 'kaiti', size: '小五' },
  dateline: { face: 'heiti', size: '小五' },
};

/** Points of a size spec; undefined for a name the 号 table does not hold. */
function sizePt(size: SizeSpec): number | undefined {
  return typeof size === 'number' ? size : sizeNameToPt(size);
}

/** The template's typography with the defaults for every element it does not name. */
export function typographyOf(template: { typography?: Partial<Typography> | undefined }): Typography {
  const given = template.typography ?? {};
  const out = { ...DEFAULT_TYPOGRAPHY };
  for (const element of TYPE_ELEMENTS) {
    const style = given[element];
    if (style) out[element] = { ...DEFAULT_TYPOGRAPHY[element], ...style };
  }
  return out;
}

/** Points an element prints at: the body at the template's body size, the others at their own. */
export function elementPt(typography: Typography, element: TypeElement, bodyPt: number): number {
  if (element === 'body') return bodyPt;
  const size = typography[element].size;
  return (size === undefined ? undefined : sizePt(size)) ?? bodyPt;
}

const sizeNames = TYPE_SIZES.map((s) => s.name);

const sizeSchema = z.union(
  [
    z.number().min(5, '字号不能小于 5 磅').max(100, '字号不能大于 100 磅'),
    z
      .string()
      .trim()
      .refine((name) => sizeNameToPt(name) !== undefined, `字号只能是 ${sizeNames.join('、')} 之一，或磅数`),
  ],
  '字号必须是字号名称（如 小五）或磅数',
);

const elementSchema = (label: string) =>
  z.object({ face: z.enum(FACES, `${label}字体只能是 ${FACES.map((f) => FACE_LABELS[f]).join('、')} 之一`), size: sizeSchema.optional() }, `${label}的字体设置有误`);

export const typographySchema = z
  .object(Object.fromEntries(TYPE_ELEMENTS.map((e) => [e, elementSchema(TYPE_ELEMENT_LABELS[e]).optional()])) as Record<TypeElement, z.ZodOptional<ReturnType<typeof elementSchema>>>)
  .superRefine((t, ctx) => {
    if (t.body?.size !== undefined) ctx.addIssue({ code: 'custom', path: ['body', 'size'], message: '正文字号由模板的“正文字号”决定，这里不填' });
  });
