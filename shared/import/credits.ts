/**
 * Photo credits after a caption (张三 摄, 新华社发（张三 摄）, 受访者供图, 资料图片) and the end
 * credit of a short item (……。（张三） / （据新华社）), §6.
 */
import { isSentenceFinalChar, toFullWidthParens } from './chars';
import { isPeopleOnly, namesOf, tokenizePeople } from './people';

const FIXED_CREDITS =
  /^(?:(?:本报|新华社|中新社)?资料(?:图片|图|照片)|网络图片|视觉中国|CFP|IC ?photo|新华社发|中新社发|新华社传真照片|图片来源[：:].{1,20})$/;
const SUPPLIED = /^[^\s，。；！？,.;!?]{1,15}\s?供图$/;
const WIRE_SUPPLIED = /^(?:新华社|中新社|本报)?发\s*[（(]([^（()）]{1,30})[）)]$/;

/**
 * `tight` is for a credit right after a sentence end (……。李冰摄): the name may touch 摄.
 * Elsewhere a bare name needs a space before 摄 or a role, so 现场拍摄 is not read as 现场拍 + 摄.
 */
function isPhotoCredit(s: string, tight: boolean): boolean {
  const m = /^(.*?)\s*摄影?$/.exec(s);
  if (!m) return false;
  const who = m[1] ?? '';
  const tokens = tokenizePeople(who);
  if (!isPeopleOnly(tokens, false) || tokens.some((t) => t.kind === 'longName')) return false;
  return tight || /\s摄影?$/.test(s) || tokens.some((t) => t.kind === 'role');
}

function isCreditPhrase(s: string, tight = false): boolean {
  if (s.length === 0 || s.length > 40) return false;
  if (FIXED_CREDITS.test(s) || SUPPLIED.test(s) || WIRE_SUPPLIED.test(s)) return true;
  return isPhotoCredit(s, tight);
}

/** One space between words, full-width parentheses, and 张三 摄 spaced as §6 prints it. */
function tidyCredit(s: string): string {
  return toFullWidthParens(s.trim().replace(/\s+/g, ' '))
    .replace(/\s*（\s*/g, '（')
    .replace(/\s*）/g, '）')
    .replace(/(\p{Script=Han})(摄影?)(?=$|）)/u, '$1 $2');
}

export interface CreditSplit {
  text: string;
  credit: string;
}

/** The credit phrase at the end of a caption paragraph, if any; `text` is what precedes it. */
export function splitPhotoCredit(paragraph: string): CreditSplit | null {
  const text = paragraph.trimEnd();
  const offset = Math.max(0, text.length - 60);
  const tail = text.slice(offset);

  const wrapped = /[（(]([^（()）]{1,40})[）)]$/.exec(tail);
  if (wrapped && !/发\s*$/.test(tail.slice(0, wrapped.index)) && isCreditPhrase((wrapped[1] ?? '').trim(), true)) {
    return { text: text.slice(0, offset + wrapped.index).trimEnd(), credit: tidyCredit(wrapped[1] ?? '') };
  }
  // Candidate starts, leftmost first so the longest credit wins: after the last sentence end,
  // then after each space (图为…阅读 本报记者 张三 摄 → 本报记者 张三 摄).
  const starts: { at: number; tight: boolean }[] = [];
  for (let i = tail.length - 1; i >= 0; i--) {
    if (isSentenceFinalChar(tail.charAt(i))) {
      starts.push({ at: i + 1, tight: true });
      break;
    }
  }
  for (let i = 0; i < tail.length; i++) if (/\s/.test(tail.charAt(i))) starts.push({ at: i + 1, tight: false });
  starts.sort((a, b) => a.at - b.at);
  for (const { at, tight } of starts) {
    const candidate = tail.slice(at).trim();
    if (isCreditPhrase(candidate, tight)) {
      return { text: text.slice(0, offset + at).trimEnd(), credit: tidyCredit(candidate) };
    }
  }
  return null;
}

/** A line holding only a credit (OCR put it under the caption). */
export function matchCreditLine(line: string): string | null {
  const s = line.trim();
  const inner = /^[（(]([^（()）]{1,40})[）)]$/.exec(s);
  const candidate = inner ? (inner[1] ?? '').trim() : s;
  return isCreditPhrase(candidate, false) ? tidyCredit(candidate) : null;
}

const SOURCE_CREDIT = /^(?:据|综合|来源[：:]|转自|摘自)\s?\S{1,20}$|^(?:新华社|中新社|人民网|新华网|央视新闻)$/;

export interface EndCreditSplit {
  text: string;
  credit: string;
  names: string[];
}

/** ……。（张三） / （据新华社） at the very end; the parenthesis must follow a sentence end. */
export function splitEndCredit(paragraph: string): EndCreditSplit | null {
  const text = paragraph.trimEnd();
  const offset = Math.max(0, text.length - 48);
  const m = /[（(]([^（()）]{1,30})[）)]$/.exec(text.slice(offset));
  if (!m) return null;
  const start = offset + m.index;
  const before = text.slice(0, start).trimEnd();
  if (before !== '' && !isSentenceFinalChar(before.charAt(before.length - 1))) return null;
  const inner = (m[1] ?? '').trim().replace(/\s+/g, ' ');
  if (SOURCE_CREDIT.test(inner)) return { text: before, credit: inner, names: [] };
  const tokens = tokenizePeople(inner);
  if (!isPeopleOnly(tokens, false)) return null;
  return { text: before, credit: inner, names: namesOf(tokens) };
}
