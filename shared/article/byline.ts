/**
 * Bylines (§6): who wrote a story, with the role printed in the 电头 and the byline line.
 */
import type { BylineRole } from '../domain/article';

export interface Byline {
  name: string;
  role: BylineRole;
  /** whose staff: '本报', '新华社' …; absent = the publishing paper */
  org?: '本报' | '新华社' | (string & {});
}

export interface PaperNames {
  /** how the paper names itself in print: '本报' */
  shortName: string;
}

interface Group {
  label: string;
  names: string[];
}

/**
 * Groups bylines by printed label (org + role) in order of first appearance, so
 * [记者 甲, 通讯员 乙, 记者 丙] prints 记者 甲、丙 通讯员 乙.
 */
function group(bylines: readonly Byline[], label: (b: Byline) => string): Group[] {
  const groups: Group[] = [];
  for (const b of bylines) {
    const name = b.name.trim();
    if (name === '') continue;
    const l = label(b);
    const g = groups.find((x) => x.label === l);
    if (g) g.names.push(name);
    else groups.push({ label: l, names: [name] });
  }
  return groups;
}

/**
 * The people inside a 电头's parentheses: `记者 张三、李四 通讯员 王五`. Same role joined by 、,
 * roles separated by one space. The org is printed only when it differs from `homeOrg`
 * (the paper for 本报 datelines, the agency for wire copy): `记者 张三 新华社记者 李四`.
 */
export function formatDatelinePeople(bylines: readonly Byline[], homeOrg: string): string {
  return group(bylines, (b) => (b.org && b.org !== homeOrg ? b.org : '') + b.role)
    .map((g) => `${g.label} ${g.names.join('、')}`)
    .join(' ');
}

type BylineMark = '□' | '■';

export interface BylineLineOptions {
  mark: BylineMark;
  paper?: PaperNames;
  /** false: names only, `□ 张三 李四` (§6's short form) */
  showRoles?: boolean;
}

/**
 * Byline line under a feature headline: `□本报记者 张三 本报通讯员 李四`; names of one role are
 * separated by spaces (`□本报记者 张三 李四`). §6 prints the names-only form with a space after
 * the mark (`□ 张三 李四`) and the role form without one; both are reproduced as printed.
 */
export function buildBylineLine(bylines: readonly Byline[], options: BylineLineOptions): string {
  const home = options.paper?.shortName ?? '本报';
  const names = bylines.map((b) => b.name.trim()).filter((n) => n !== '');
  if (names.length === 0) return '';
  if (options.showRoles === false) return `${options.mark} ${names.join(' ')}`;
  const body = group(bylines, (b) => (b.org ?? home) + b.role)
    .map((g) => `${g.label} ${g.names.join(' ')}`)
    .join(' ');
  return options.mark + body;
}

const ROLE_RE = /^(.*?)(特约记者|实习生|通讯员|记者)$/;

export interface ParsedPeople {
  bylines: Byline[];
  /** names printed without any role, e.g. 本报讯（张三） */
  unattributed: string[];
}

/**
 * Reads `记者 张三、李四 通讯员 王五`, also without spaces (`记者张三 通讯员李四`) and with
 * an org (`新华社记者 李四`). Names run together without a separator (`记者张三李四`) cannot be
 * split and come back as one name.
 */
export function parsePeople(text: string, homeOrg?: string): ParsedPeople {
  const bylines: Byline[] = [];
  const unattributed: string[] = [];
  // Put a break after every role word so 记者张三 reads like 记者 张三.
  const spaced = text.replace(/(特约记者|实习生|通讯员|记者)/g, '$1 ');
  const tokens = spaced.split(/[\s、，,;；\u3000]+/).filter((t) => t !== '');
  let role: BylineRole | null = null;
  let org: string | undefined;
  for (const token of tokens) {
    const m = ROLE_RE.exec(token);
    if (m) {
      role = m[2] as BylineRole;
      const prefix = (m[1] ?? '').trim();
      org = prefix === '' ? undefined : prefix;
      continue;
    }
    if (role === null) {
      unattributed.push(token);
      continue;
    }
    const b: Byline = { name: token, role };
    const effectiveOrg = org ?? homeOrg;
    if (effectiveOrg !== undefined) b.org = effectiveOrg;
    bylines.push(b);
  }
  return { bylines, unattributed };
}
