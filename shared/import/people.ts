/**
 * Reads the people in a 电头, byline line or credit: roles (记者, 通讯员 …) and the names after them.
 */
import { isHanWord } from './chars';

type PeopleTokenKind = 'role' | 'name' | 'longName' | 'mark' | 'other';

export interface PeopleToken {
  kind: PeopleTokenKind;
  text: string;
}

/** Longest first, so 本报记者 wins over 记者 in the alternation below. */
const ROLE_WORDS = [
  '新华社特约记者', '本报特约记者', '本报见习记者', '本报实习记者', '本报首席记者', '本报摄影记者',
  '本报特约通讯员', '新华社记者', '中新社记者', '本报记者', '本报通讯员', '本报实习生', '特约通讯员',
  '特约记者', '见习记者', '实习记者', '首席记者', '摄影记者', '特派记者', '融媒体记者', '记者',
  '通讯员', '实习生', '见习生',
].sort((a, b) => b.length - a.length);

const ROLE_SET = new Set(ROLE_WORDS);

/** Words standing for a role or a part of the work, written before a slash (文/张三) or alone. */
const WORK_WORDS = new Set(['文', '图', '文图', '文·图', '摄影', '作者', '编辑', '撰文', '供稿']);

/** Words after the names saying what they did (摄, 报道); not names. */
const MARKS = ['摄影报道', '综合报道', '联合报道', '报道', '摄影', '采写', '整理', '编译', '摄'];
const MARK_SET = new Set(MARKS);

const ROLE_RE = new RegExp(`(${ROLE_WORDS.join('|')}|(?:本报)?驻\\p{Script=Han}{1,6}?记者)`, 'gu');
const SEPARATORS = /[\s、，,；;/／:：]+/;
const DOTTED_NAME = /^\p{Script=Han}{1,8}[·•・]\p{Script=Han}{1,8}$/u;

function classify(token: string): PeopleToken[] {
  if (ROLE_SET.has(token) || /^(?:本报)?驻\p{Script=Han}{1,6}记者$/u.test(token) || WORK_WORDS.has(token)) {
    return [{ kind: 'role', text: token }];
  }
  if (MARK_SET.has(token)) return [{ kind: 'mark', text: token }];
  if (DOTTED_NAME.test(token)) return [{ kind: 'name', text: token }];
  if (isHanWord(token)) {
    if (token.length >= 2 && token.length <= 4) return [{ kind: 'name', text: token }];
    // 张三报道, 李四摄: a name glued to what they did.
    for (const mark of MARKS) {
      const head = token.slice(0, -mark.length);
      if (token.endsWith(mark) && head.length >= 2 && head.length <= 4) {
        return [{ kind: 'name', text: head }, { kind: 'mark', text: mark }];
      }
    }
    if (token.length >= 5 && token.length <= 8) return [{ kind: 'longName', text: token }];
  }
  return [{ kind: 'other', text: token }];
}

/**
 * Splits at spaces, 、 and slashes, and around role words so that 记者张三通讯员李四 (no spaces) still
 * reads as two people. Two names written together without any separator cannot be told apart:
 * they come back as one 'longName' for the caller to warn about.
 */
export function tokenizePeople(text: string): PeopleToken[] {
  if (text.length > 200) return [{ kind: 'other', text }];
  const spaced = text.replace(ROLE_RE, ' $1 ');
  const out: PeopleToken[] = [];
  for (const raw of spaced.split(SEPARATORS)) {
    if (raw === '') continue;
    out.push(...classify(raw));
  }
  return out;
}

/** Names in order of appearance, each once; a long unsplit run counts as a name (warned elsewhere). */
export function namesOf(tokens: readonly PeopleToken[]): string[] {
  const names: string[] = [];
  for (const t of tokens) {
    if ((t.kind === 'name' || t.kind === 'longName') && !names.includes(t.text)) names.push(t.text);
  }
  return names;
}

/** Text that is nothing but people: at least one name, the rest roles (and marks when allowed). */
export function isPeopleOnly(tokens: readonly PeopleToken[], allowMarks: boolean): boolean {
  let names = 0;
  for (const t of tokens) {
    if (t.kind === 'name' || t.kind === 'longName') names++;
    else if (t.kind === 'other' || (t.kind === 'mark' && !allowMarks)) return false;
  }
  return names > 0;
}

export function longNameWarnings(tokens: readonly PeopleToken[]): string[] {
  return tokens.filter((t) => t.kind === 'longName').map((t) => `署名“${t.text}”可能是几个人名连写，请核对`);
}

export function mergeNames(...lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const list of lists) for (const n of list) if (!out.includes(n)) out.push(n);
  return out;
}
