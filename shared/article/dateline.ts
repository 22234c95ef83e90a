/**
 * 电头 (news lead-in, §6): `本报讯（记者 张三）`, `本报北京3月5日电（记者 张三）`,
 * `新华社北京3月5日电（记者 张三、李四）`. Full-width parentheses, no spaces except between roles
 * inside the parentheses. Each paper may override the template of each kind.
 */
import { z } from 'zod';
import { formatDatelinePeople, parsePeople, type Byline, type PaperNames } from './byline';

export type DatelineKind = 'local' | 'remote' | 'wire';

export interface Dateline {
  kind: DatelineKind;
  /** wire agency: 新华社, 中新社 …; default 新华社 for wire copy */
  source?: string;
  place?: string;
  month?: number;
  day?: number;
}

export type DatelineTemplates = Record<DatelineKind, string>;

export const DEFAULT_DATELINE_TEMPLATES: Readonly<DatelineTemplates> = {
  local: '{paper}讯（{people}）',
  remote: '{paper}{place}{month}月{day}日电（{people}）',
  wire: '{source}{place}{month}月{day}日电（{people}）',
};

const DATELINE_PLACEHOLDERS = ['paper', 'source', 'place', 'month', 'day', 'people'] as const;
type Placeholder = (typeof DATELINE_PLACEHOLDERS)[number];

const REQUIRED: Record<DatelineKind, readonly Placeholder[]> = {
  local: ['paper', 'people'],
  remote: ['paper', 'place', 'people'],
  wire: ['source', 'people'],
};

const KIND_LABEL: Record<DatelineKind, string> = { local: '本地电头', remote: '外地电头', wire: '通讯社电头' };

/** Problems with a per-paper template, in Chinese; empty when the template is usable. */
export function validateDatelineTemplate(kind: DatelineKind, template: string): string[] {
  const problems: string[] = [];
  const label = KIND_LABEL[kind];
  const withoutPlaceholders = template.replace(/\{[^{}]*\}/g, '');
  if (/[{}]/.test(withoutPlaceholders)) problems.push(`${label}模板的花括号不成对`);
  const used = new Set<string>();
  for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
    const name = m[1] ?? '';
    if (!(DATELINE_PLACEHOLDERS as readonly string[]).includes(name)) {
      problems.push(`${label}模板中有未知占位符 {${name}}，可用：${DATELINE_PLACEHOLDERS.map((p) => `{${p}}`).join('')}`);
    }
    used.add(name);
  }
  for (const r of REQUIRED[kind]) {
    if (!used.has(r)) problems.push(`${label}模板缺少 {${r}}`);
  }
  if (used.has('month') !== used.has('day')) problems.push(`${label}模板中 {month} 和 {day} 应同时出现`);
  if (/[()]/.test(withoutPlaceholders)) problems.push(`${label}模板应使用全角括号（）`);
  if (/\s/.test(withoutPlaceholders)) problems.push(`${label}模板中不应有空格`);
  return problems;
}

export const datelineTemplatesSchema = z
  .object({ local: z.string(), remote: z.string(), wire: z.string() })
  .superRefine((t, ctx) => {
    for (const kind of ['local', 'remote', 'wire'] as const) {
      for (const message of validateDatelineTemplate(kind, t[kind])) {
        ctx.addIssue({ code: 'custom', path: [kind], message });
      }
    }
  });

/**
 * Renders the 电头. Without people the parenthesised part is dropped (`新华社北京3月5日电`).
 * Throws when the template is invalid or a field it uses is missing: callers validate.
 */
export function buildDateline(
  dateline: Dateline,
  bylines: readonly Byline[],
  paper: PaperNames,
  templates: Partial<DatelineTemplates> = {},
): string {
  const template = templates[dateline.kind] ?? DEFAULT_DATELINE_TEMPLATES[dateline.kind];
  const problems = validateDatelineTemplate(dateline.kind, template);
  if (problems.length > 0) throw new Error(problems.join('；'));

  const source = dateline.source?.trim() || (dateline.kind === 'wire' ? '新华社' : paper.shortName);
  const home = dateline.kind === 'wire' ? source : paper.shortName;
  const people = formatDatelinePeople(bylines, home);
  const values: Record<Placeholder, string | undefined> = {
    paper: paper.shortName,
    source,
    place: dateline.place?.trim() || undefined,
    month: dateline.month === undefined ? undefined : String(dateline.month),
    day: dateline.day === undefined ? undefined : String(dateline.day),
    people,
  };
  if (dateline.month !== undefined && !(Number.isInteger(dateline.month) && dateline.month >= 1 && dateline.month <= 12)) {
    throw new RangeError(`月份应为 1～12，收到 ${dateline.month}`);
  }
  if (dateline.day !== undefined && !(Number.isInteger(dateline.day) && dateline.day >= 1 && dateline.day <= 31)) {
    throw new RangeError(`日期应为 1～31，收到 ${dateline.day}`);
  }
  const body = people === '' ? template.replace(/（\{people\}）/g, '') : template;
  return body.replace(/\{([a-z]+)\}/g, (_m, name: string) => {
    const v = values[name as Placeholder];
    if (v === undefined) throw new Error(`电头缺少 ${name}（${fieldLabel(name)}）`);
    return v;
  });
}

function fieldLabel(name: string): string {
  return { place: '地点', month: '月', day: '日' }[name] ?? name;
}

export interface ParsedDateline {
  dateline: Dateline;
  /** who the 电头 names as publisher (本报, 法制日报 …), for local/remote datelines */
  paper?: string;
  bylines: Byline[];
  /** names printed without a role: 本报讯（张三） */
  unattributed: string[];
  /** UTF-16 length of the 电头 at the start of the text */
  length: number;
  /** the text after the 电头: the first paragraph runs on from it */
  rest: string;
}

export interface ParseDatelineOptions {
  /** names the paper prints for itself; default ['本报'] */
  paperShortNames?: readonly string[];
}

const KNOWN_SOURCES = [
  '新华社', '中新社', '中国新闻社', '人民日报', '光明日报', '经济日报', '央视新闻', '央视网', '人民网', '新华网',
  '中新网', '法新社', '路透社', '美联社', '共同社', '塔斯社', '韩联社',
];

const HEAD_RE =
  /^\s*([^\s（(）)，。、：；]{2,20}?)\s*(?:([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日\s*)?(电|讯)\s*(?:[（(]([^（()）]*)[)）])?/;

function toInt(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  return Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function splitHead(head: string, papers: readonly string[]): { org: string; place: string; known: boolean } | null {
  const candidates = [...papers, ...KNOWN_SOURCES].sort((a, b) => b.length - a.length);
  const known = candidates.find((c) => head.startsWith(c));
  if (known) return { org: known, place: head.slice(known.length), known: true };
  const m = /^(.{1,6}?(?:社|报|网|台))(.*)$/.exec(head);
  return m ? { org: m[1] ?? '', place: m[2] ?? '', known: false } : null;
}

/**
 * Reads a 电头 at the start of `text`; null when there is none. Tolerates half-width
 * parentheses, full-width digits and missing spaces (`本报讯(记者张三)`).
 */
export function parseDateline(text: string, options: ParseDatelineOptions = {}): ParsedDateline | null {
  const papers = options.paperShortNames ?? ['本报'];
  const m = HEAD_RE.exec(text);
  if (!m) return null;
  const parts = splitHead(m[1] ?? '', papers);
  if (!parts) return null;
  const isPaper = papers.includes(parts.org);
  const place = parts.place.trim();
  const verb = m[4];
  // 电 without a place is only trusted from a known agency (新华社电); otherwise it is a word
  // such as 电力. Such a wire dateline needs a template without {place} to be rebuilt.
  if (verb === '电' && place === '' && (isPaper || !parts.known)) return null;
  // A place needs a date or the people in parentheses, and must look like a place name, so that
  // 本报记者日前从市通讯管理局获悉 is not read as a 电头 from "记者日前从市通".
  if (place !== '' && ((m[2] === undefined && m[5] === undefined) || place.length > 8 || /记者|通讯员/.test(place))) {
    return null;
  }

  // X讯 is the local form whoever X is; a place makes it 本报…电 or agency copy.
  const kind: DatelineKind = place === '' && verb === '讯' ? 'local' : isPaper ? 'remote' : 'wire';
  const dateline: Dateline = { kind };
  if (!isPaper) dateline.source = parts.org;
  if (place !== '') dateline.place = place;
  const month = toInt(m[2]);
  const day = toInt(m[3]);
  if (month !== undefined) dateline.month = month;
  if (day !== undefined) dateline.day = day;

  const people = parsePeople(m[5] ?? '', kind === 'wire' ? parts.org : undefined);
  const length = m[0].length;
  const result: ParsedDateline = {
    dateline,
    bylines: people.bylines,
    unattributed: people.unattributed,
    length,
    rest: text.slice(length),
  };
  if (kind !== 'wire') result.paper = parts.org;
  return result;
}
