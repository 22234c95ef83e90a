/**
 * Jump lines 转版 (§5): （下转4版） / （下转第四版） / （下转A2版） and their （上接…） partners,
 * full-width parentheses, no spaces. The numeral style is a per-paper setting.
 */
import { fromChineseNumeral, toChineseNumeral } from '../text/numerals';

export { toChineseNumeral } from '../text/numerals';

export type JumpStyle = 'arabic' | 'chinese' | 'lettered';
type JumpDirection = 'out' | 'in';
export type PageLabel = string | number;

/** Full-width digits and letters to half-width, letters upper-case, spaces removed. */
function toHalfWidth(s: string): string {
  return s
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/**
 * The page label as the board stores it: '4', 'A2'. Chinese numerals ('第四', '四') become
 * Arabic digits; full-width forms become half-width; a leading 第 is dropped.
 */
export function normalisePageLabel(page: PageLabel): string {
  const s = toHalfWidth(String(page)).replace(/^第/, '');
  if (/^[〇零一二两三四五六七八九十百千]+$/.test(s)) {
    const n = fromChineseNumeral(s);
    if (n !== null) return String(n);
  }
  return /^\d+$/.test(s) ? String(Number(s)) : s;
}

function printedPage(page: PageLabel, style: JumpStyle): string {
  const label = normalisePageLabel(page);
  if (label === '') throw new RangeError('版号不能为空');
  if (style === 'lettered') return label;
  if (!/^\d+$/.test(label)) throw new RangeError(`版号 ${label} 不是数字，不能用${style === 'chinese' ? '中文' : '阿拉伯'}数字转版格式`);
  return style === 'chinese' ? `第${toChineseNumeral(Number(label))}` : label;
}

/** （下转4版） / （下转第四版） / （下转A2版） */
export function jumpOutLine(page: PageLabel, style: JumpStyle): string {
  return `（下转${printedPage(page, style)}版）`;
}

/** （上接1版） / （上接第一版） / （上接A1版） */
export function jumpInLine(page: PageLabel, style: JumpStyle): string {
  return `（上接${printedPage(page, style)}版）`;
}

export interface ParsedJump {
  direction: JumpDirection;
  /** normalised page label: '4', 'A2' */
  page: string;
  /** where the jump line sits in the text, UTF-16 indices */
  start: number;
  end: number;
}

// Tolerates half-width parentheses and stray spaces (OCR noise), 第, and the short 转/接 forms.
const JUMP_RE =
  /[（(]\s*(下\s*转|上\s*接|转|接)\s*(第?\s*(?:[0-9０-９]+|[A-Za-zＡ-Ｚａ-ｚ]{1,2}\s*[0-9０-９]+|[〇零一二两三四五六七八九十百]+))\s*版\s*[)）]/;

/** Finds the first jump line in `text` (a whole paragraph or the line alone); null if none. */
export function parseJumpLine(text: string): ParsedJump | null {
  const m = JUMP_RE.exec(text);
  if (!m) return null;
  const verb = (m[1] ?? '').replace(/\s+/g, '');
  const page = normalisePageLabel(m[2] ?? '');
  if (page === '') return null;
  return {
    direction: verb.endsWith('转') ? 'out' : 'in',
    page,
    start: m.index,
    end: m.index + m[0].length,
  };
}

interface JumpSlotRef {
  page: PageLabel;
  slotId?: string;
}

export interface JumpRecord {
  id: string;
  fromSlot: JumpSlotRef;
  /** null: the story jumps out but its continuation has not been placed */
  toSlot: JumpSlotRef | null;
  /** printed jump-out line, checked against toSlot.page when given */
  outText?: string;
  /** printed jump-in line, checked against fromSlot.page when given */
  inText?: string;
}

type JumpProblemCode =
  | 'no-jump-in'
  | 'source-page-missing'
  | 'target-page-missing'
  | 'same-page'
  | 'duplicate-jump-in'
  | 'duplicate-jump-out'
  | 'out-line-mismatch'
  | 'in-line-mismatch';

export interface JumpProblem {
  jumpId: string;
  code: JumpProblemCode;
  message: string;
}

function slotKey(ref: JumpSlotRef): string {
  return `${normalisePageLabel(ref.page)}\u0000${ref.slotId ?? ''}`;
}

/**
 * Broken or dangling jumps. Slots are identified by page + slotId; without slotId, two jumps into
 * (or out of) the same page count as duplicates, so give slot ids when a page holds several.
 */
export function checkJumps(jumps: readonly JumpRecord[], pages: readonly PageLabel[]): JumpProblem[] {
  const present = new Set(pages.map(normalisePageLabel));
  const problems: JumpProblem[] = [];
  const report = (jumpId: string, code: JumpProblemCode, message: string) => problems.push({ jumpId, code, message });
  const ins = new Map<string, string>();
  const outs = new Map<string, string>();

  for (const j of jumps) {
    const from = normalisePageLabel(j.fromSlot.page);
    if (!present.has(from)) report(j.id, 'source-page-missing', `转出版 ${from} 不在本期版面中`);
    const outKey = slotKey(j.fromSlot);
    const firstOut = outs.get(outKey);
    if (firstOut !== undefined) report(j.id, 'duplicate-jump-out', `与 ${firstOut} 从同一稿位转出`);
    else outs.set(outKey, j.id);

    if (j.toSlot === null) {
      report(j.id, 'no-jump-in', `${from} 版转出的稿件还没有接续位置`);
    } else {
      const to = normalisePageLabel(j.toSlot.page);
      if (!present.has(to)) report(j.id, 'target-page-missing', `转入版 ${to} 不在本期版面中`);
      if (to === from) report(j.id, 'same-page', `转出和转入都在 ${from} 版`);
      const inKey = slotKey(j.toSlot);
      const firstIn = ins.get(inKey);
      if (firstIn !== undefined) report(j.id, 'duplicate-jump-in', `与 ${firstIn} 接续到同一稿位`);
      else ins.set(inKey, j.id);
      if (j.outText !== undefined) {
        const p = parseJumpLine(j.outText);
        if (!p || p.direction !== 'out' || p.page !== to) {
          report(j.id, 'out-line-mismatch', `转版行“${j.outText}”与转入版 ${to} 不符`);
        }
      }
    }
    if (j.inText !== undefined) {
      const p = parseJumpLine(j.inText);
      if (!p || p.direction !== 'in' || p.page !== from) {
        report(j.id, 'in-line-mismatch', `接版行“${j.inText}”与转出版 ${from} 不符`);
      }
    }
  }
  return problems;
}
