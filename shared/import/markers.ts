/**
 * Lines whose meaning is written on them: story separators, 引题：/【主题】 labels, numbered or boxed
 * 小标题, 图为/【图】 captions, page credits, and the 简讯 column label.
 */

export type HeadlinePart = 'kicker' | 'headline' | 'subheadline';

const PART_NAMES: Readonly<Record<string, HeadlinePart>> = {
  引题: 'kicker', 肩题: 'kicker', 眉题: 'kicker',
  主题: 'headline', 主标题: 'headline', 标题: 'headline',
  副题: 'subheadline', 副标题: 'subheadline',
};
const PART_LABEL = '(引题|肩题|眉题|主题|主标题|标题|副题|副标题)';
const PART_RE = new RegExp(`^(?:【${PART_LABEL}】[：:]?|${PART_LABEL}[：:])\\s*(.*)$`);

export interface ExplicitPart {
  part: HeadlinePart;
  text: string;
}

export function matchExplicitPart(line: string): ExplicitPart | null {
  if (line.length > 80) return null;
  const m = PART_RE.exec(line);
  if (!m) return null;
  const part = PART_NAMES[m[1] ?? m[2] ?? ''];
  return part ? { part, text: (m[3] ?? '').trim() } : null;
}

/** ====, ----, ＊＊＊, * * *, ——————: a rule drawn between stories. */
export function isSeparatorLine(line: string): boolean {
  const s = line.replace(/\s+/g, '');
  return s.length >= 3 && s.length <= 200 && /^[=＝\-－—─━_＿*＊~～#＃·•]+$/.test(s);
}

/** 【稿件】, 【稿件2】, 稿件名：… — the line opens a story; the name is only a fallback headline. */
export function matchStoryMarker(line: string): { slug: string | null } | null {
  const m = /^(?:【稿件[\s\d一二三四五六七八九十]*】|稿件名?[：:])\s*(.*)$/.exec(line);
  if (!m) return null;
  const slug = (m[1] ?? '').trim();
  return { slug: slug === '' ? null : slug };
}

export function isPageCredit(line: string): boolean {
  return /^(?:本版)?(?:责编|责任编辑|编辑|美编|版式设计|版式|校对|组版|图片编辑|制图)[：:]/.test(line) && line.length <= 40;
}

const DECORATION = /^[■◆●▲★◇◎□◼▪►▶]\s*/;
const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d))/;
const BRACKETED = /^【([^【】]{1,30})】$/;
const LABELLED = /^(?:小标题[：:]|【小标题】)\s*(.+)$/;

/**
 * A marked 小标题 with its printed text: decoration (■ ◆ ●) and whole-line 【】 are styling and
 * go; numbering (一、 1. （二）) is text and stays.
 */
export function matchMarkedSubhead(line: string, maxChars: number): string | null {
  if (line.length > maxChars + 4 || /[。，；：,;]$/.test(line)) return null;
  const labelled = LABELLED.exec(line);
  if (labelled) return (labelled[1] ?? '').trim();
  const bracketed = BRACKETED.exec(line);
  if (bracketed) return (bracketed[1] ?? '').trim();
  if (DECORATION.test(line)) {
    const text = line.replace(DECORATION, '').trim();
    return text === '' ? null : text;
  }
  return NUMBERED.test(line) ? line : null;
}

/** 图为… keeps its words; 图：/【图】/图片说明：/图注： are labels and are dropped. */
export function matchCaptionStart(line: string): string | null {
  if (/^图为/.test(line)) return line;
  const m = /^(?:图[：:]|【图】|图片说明[：:]|图注[：:]|\[图\])\s*(.*)$/.exec(line);
  return m ? (m[1] ?? '') : null;
}

/** 简讯 / 新闻速递 over a column of short items: the column's name, not any item's kicker. */
export function isColumnLabel(line: string): boolean {
  return /^\p{Script=Han}{0,4}(?:简讯|短讯|快讯|速递|速览|简报|速读)$/u.test(line);
}
