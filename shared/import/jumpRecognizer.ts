/**
 * 转版 lines (§5): （下转4版） at the end of a first part, （上接第一版） at the start of the rest.
 * Private to the importer; shared/layout/jumpLines.ts is the layout-side parser.
 */
import { fromChineseNumeral } from '../text/numerals';
import { toAsciiAlnum } from './chars';

export interface RecognizedJump {
  direction: 'out' | 'in';
  page: string;
}

const JUMP =
  '[（(]\\s*(下转|上接|转至|转|接)\\s*(?:第\\s*)?([A-Za-zＡ-Ｚａ-ｚ]{0,2}\\s*[0-9０-９零〇一二三四五六七八九十百两]{1,5})\\s*[版页]\\s*[）)]';
const WHOLE = new RegExp(`^\\s*${JUMP}\\s*$`);
const AT_END = new RegExp(`${JUMP}\\s*$`);
const AT_START = new RegExp(`^\\s*${JUMP}`);

/** A jump line is short; looking only at this much of a paragraph keeps 1 MB inputs linear. */
const WINDOW = 48;

/** '第四' → '4', 'Ａ２' → 'A2', '十二' → '12'; null when the numeral does not read. */
function normalizePage(raw: string): string | null {
  const s = toAsciiAlnum(raw.replace(/\s+/g, '')).toUpperCase();
  const m = /^([A-Z]{0,2})(.+)$/.exec(s);
  if (!m) return null;
  const letters = m[1] ?? '';
  const num = m[2] ?? '';
  if (/^\d+$/.test(num)) return letters + String(Number(num));
  const value = fromChineseNumeral(num);
  return value === null || value <= 0 ? null : letters + String(value);
}

function toJump(m: RegExpExecArray): RecognizedJump | null {
  const page = normalizePage(m[2] ?? '');
  if (page === null) return null;
  return { direction: m[1] === '下转' || m[1] === '转' || m[1] === '转至' ? 'out' : 'in', page };
}

/** The whole line is a jump line. */
export function matchJumpLine(text: string): RecognizedJump | null {
  if (text.length > WINDOW * 2) return null;
  const m = WHOLE.exec(text);
  return m ? toJump(m) : null;
}

export interface JumpSplit {
  jump: RecognizedJump;
  text: string;
}

export function splitTrailingJump(text: string): JumpSplit | null {
  const offset = Math.max(0, text.length - WINDOW);
  const m = AT_END.exec(text.slice(offset));
  if (!m) return null;
  const jump = toJump(m);
  return jump ? { jump, text: text.slice(0, offset + m.index).trimEnd() } : null;
}

export function splitLeadingJump(text: string): JumpSplit | null {
  const m = AT_START.exec(text.slice(0, WINDOW));
  if (!m) return null;
  const jump = toJump(m);
  return jump ? { jump, text: text.slice(m[0].length).trimStart() } : null;
}
