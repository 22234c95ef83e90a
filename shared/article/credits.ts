/**
 * Credits (§6): end credits of short items and photo credits with captions.
 *
 * Caption + credit: the credit follows the caption text after ONE full-width space (U+3000):
 * `市民在公园赏花。　本报记者 张三 摄`. A full-width space keeps every following character on the
 * page's character grid (a half-width space would shift the credit by half a cell) and counts 0 字.
 */
import type { PaperNames } from './byline';

export const CAPTION_CREDIT_SEPARATOR = '\u3000';

/** End credit of a short item: `（张三）`, `（张三、李四）` (same-role names take 、 as in the 电头), `（据新华社）`. */
export function buildEndCredit(input: readonly string[] | { source: string }): string {
  if ('source' in input) {
    const s = input.source.trim();
    if (s === '') throw new Error('稿件来源不能为空');
    return `（${s.startsWith('据') ? s : `据${s}`}）`;
  }
  const names = input.map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) throw new Error('文尾署名至少需要一个名字');
  return `（${names.join('、')}）`;
}

/** The end credit of a 简讯 as printed: 王磊 → （王磊）, 张三、李四 → （张三、李四）, 据新华社 → （据新华社）. */
export function endCreditLine(value: string): string {
  const bare = value.trim().replace(/^[（(]\s*/, '').replace(/\s*[)）]$/, '');
  if (bare === '') return '';
  if (bare.startsWith('据')) return buildEndCredit({ source: bare });
  return buildEndCredit(bare.split(/[、，,\s\u3000]+/));
}

export type CreditKind = 'plain' | 'staff' | 'correspondent' | 'xinhua-staff' | 'xinhua-release' | 'interviewee' | 'file';

export interface PhotoCredit {
  kind: CreditKind;
  /** photographers; several are separated by a space: `本报记者 张三 李四 摄` */
  names?: readonly string[];
}

export interface CreditKindOption {
  value: CreditKind;
  label: string;
  example: string;
  /** the credit names a photographer */
  needsNames: boolean;
  /** may name one (新华社发（张三 摄）) but need not */
  allowsNames: boolean;
}

/** Options for a dropdown, in the order desks use them most. */
export const creditKinds: readonly CreditKindOption[] = [
  { value: 'staff', label: '本报记者摄', example: '本报记者 张三 摄', needsNames: true, allowsNames: true },
  { value: 'correspondent', label: '通讯员摄', example: '通讯员 张三 摄', needsNames: true, allowsNames: true },
  { value: 'plain', label: '署名摄影', example: '张三 摄', needsNames: true, allowsNames: true },
  { value: 'xinhua-staff', label: '新华社记者摄', example: '新华社记者 张三 摄', needsNames: true, allowsNames: true },
  { value: 'xinhua-release', label: '新华社发', example: '新华社发（张三 摄）', needsNames: false, allowsNames: true },
  { value: 'interviewee', label: '受访者供图', example: '受访者供图', needsNames: false, allowsNames: false },
  { value: 'file', label: '资料图片', example: '资料图片', needsNames: false, allowsNames: false },
];

function namesOf(credit: PhotoCredit): string[] {
  return (credit.names ?? []).map((n) => n.trim()).filter((n) => n !== '');
}

/** The credit line alone. Throws when a kind that names a photographer has no name. */
export function renderCredit(credit: PhotoCredit, paper: PaperNames = { shortName: '本报' }): string {
  const names = namesOf(credit).join(' ');
  const option = creditKinds.find((k) => k.value === credit.kind);
  if (!option) throw new Error(`未知的图片署名类型：${String(credit.kind)}`);
  if (option.needsNames && names === '') throw new Error(`“${option.label}”需要填写摄影者姓名`);
  switch (credit.kind) {
    case 'plain':
      return `${names} 摄`;
    case 'staff':
      return `${paper.shortName}记者 ${names} 摄`;
    case 'correspondent':
      return `通讯员 ${names} 摄`;
    case 'xinhua-staff':
      return `新华社记者 ${names} 摄`;
    case 'xinhua-release':
      return names === '' ? '新华社发' : `新华社发（${names} 摄）`;
    case 'interviewee':
      return '受访者供图';
    case 'file':
      return '资料图片';
  }
}

/**
 * The credit a caption printed, read back into a kind and names (renderCredit's inverse), or null
 * when it follows none of the templates. 本报记者 only for this paper's short name; another paper's
 * 记者 line is a plain credit naming the paper.
 */
export function parseCredit(text: string, paper: PaperNames = { shortName: '本报' }): PhotoCredit | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const names = (list: string) => list.split(' ').filter((n) => n !== '');
  if (t === '受访者供图') return { kind: 'interviewee' };
  if (t === '资料图片') return { kind: 'file' };
  const release = /^新华社发(?:[（(](.+?) ?摄[）)])?$/.exec(t);
  if (release) return release[1] ? { kind: 'xinhua-release', names: names(release[1]) } : { kind: 'xinhua-release' };
  const shot = /^(.+?) ?摄$/.exec(t);
  if (!shot) return null;
  const who = shot[1]!;
  for (const [prefix, kind] of [
    [`${paper.shortName}记者`, 'staff'],
    ['新华社记者', 'xinhua-staff'],
    ['通讯员', 'correspondent'],
  ] as const) {
    if (who.startsWith(prefix) && who.length > prefix.length) return { kind, names: names(who.slice(prefix.length)) };
  }
  return { kind: 'plain', names: names(who) };
}

/** Caption text + separator + credit; text is trimmed, not otherwise changed (checkCaption reports). */
export function renderCaption(text: string, credit: PhotoCredit | null, paper?: PaperNames): string {
  const t = text.trim();
  if (credit === null) return t;
  const c = renderCredit(credit, paper);
  return t === '' ? c : `${t}${CAPTION_CREDIT_SEPARATOR}${c}`;
}

const CREDIT_TAIL = /(?:摄|供图|资料图片|新华社发)[)）]?$/;

/**
 * Splits a caption that carries its credit in the text (imported copy). The credit starts after
 * the last 。！？; with no such mark, at the first space (Chinese caption text has none).
 */
export function splitCaptionCredit(caption: string): { text: string; credit: string | null } {
  const t = caption.trim();
  if (!CREDIT_TAIL.test(t)) return { text: t, credit: null };
  const end = Math.max(t.lastIndexOf('。'), t.lastIndexOf('！'), t.lastIndexOf('？'));
  if (end >= 0) {
    const tail = t.slice(end + 1).trim();
    // 新华社发（张三 摄） contains no sentence mark, so the tail after the last 。 is the credit.
    if (tail !== '') return { text: t.slice(0, end + 1), credit: tail };
  }
  const space = /[\s\u3000]+/.exec(t);
  if (space) return { text: t.slice(0, space.index), credit: t.slice(space.index + space[0].length) };
  return { text: t, credit: null };
}

type CaptionProblemCode = 'empty-text' | 'no-final-period' | 'no-credit' | 'credit-missing-name' | 'duplicate-credit';

export interface CaptionProblem {
  code: CaptionProblemCode;
  message: string;
}

/** What a 校对 would flag on a photo caption (§6, §9 rule 18). */
export function checkCaption(caption: string, credit: PhotoCredit | null = null): CaptionProblem[] {
  const problems: CaptionProblem[] = [];
  const split = splitCaptionCredit(caption);
  const t = split.text;
  if (t === '') {
    problems.push({ code: 'empty-text', message: '图片说明没有文字' });
  } else if (!t.endsWith('。')) {
    const last = t.slice(-1);
    problems.push({
      code: 'no-final-period',
      message: last === '.' ? '图片说明应以全角句号“。”结尾，不是半角“.”' : '图片说明应以句号“。”结尾',
    });
  }
  const embedded = split.credit !== null || CREDIT_TAIL.test(t);
  if (credit === null && !embedded) {
    problems.push({ code: 'no-credit', message: '图片没有署名来源（摄/供图/发/资料图片）' });
  }
  if (credit !== null) {
    const option = creditKinds.find((k) => k.value === credit.kind);
    if (option?.needsNames && namesOf(credit).length === 0) {
      problems.push({ code: 'credit-missing-name', message: `“${option.label}”需要填写摄影者姓名` });
    }
    if (split.credit !== null) {
      problems.push({ code: 'duplicate-credit', message: `说明文字里已有署名“${split.credit}”，又另设了署名` });
    }
  }
  return problems;
}
