/**
 * How the signed pages are named for the print plant (付印/传版): a per-paper pattern such as
 * `{date}-{page:02}.pdf`. Tokens: {date} 2026-11-29, {yyyymmdd} 20261129, {page} 3, {page:02} 03
 * (any width), {name} the page's name, {issue} the issue number.
 */

export const DEFAULT_PRINT_FILE_PATTERN = '{date}-{page:02}.pdf';

const TOKEN = /\{([a-z]+)(?::(\d{1,2}))?\}/g;
const KNOWN = new Set(['date', 'yyyymmdd', 'page', 'name', 'issue']);
/** Characters no file system the plant might use accepts in a name. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/;

/** Why the pattern cannot name the pages, in a sentence; null when it can. */
export function printPatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return '请填写文件名规则，例如 {date}-{page:02}.pdf';
  for (const match of pattern.matchAll(TOKEN)) {
    if (!KNOWN.has(match[1]!)) return `文件名规则里的“${match[0]}”不认识：可用 {date}、{yyyymmdd}、{page}、{page:02}、{name}、{issue}`;
  }
  if (!/\{page(:\d{1,2})?\}/.test(pattern)) return '文件名规则必须含有版次 {page}（或 {page:02}），否则各版会重名';
  if (UNSAFE.test(pattern.replace(TOKEN, ''))) return '文件名规则里不能有 \\ / : * ? " < > | 这些字符';
  if (!pattern.toLowerCase().endsWith('.pdf')) return '文件名规则要以 .pdf 结尾';
  return null;
}

export interface PrintPageRef {
  /** YYYY-MM-DD */
  date: string;
  page: number;
  name: string;
  issue: number;
}

/** The file name of one page; a page name with unsafe characters has them replaced by “_”. */
export function printFileName(pattern: string, ref: PrintPageRef): string {
  return pattern.replace(TOKEN, (_, token: string, width?: string) => {
    switch (token) {
      case 'date':
        return ref.date;
      case 'yyyymmdd':
        return ref.date.replaceAll('-', '');
      case 'page':
        return String(ref.page).padStart(width ? Number(width) : 0, '0');
      case 'name':
        return ref.name.replace(new RegExp(UNSAFE.source, 'g'), '_');
      case 'issue':
        return String(ref.issue).padStart(width ? Number(width) : 0, '0');
      default:
        return '';
    }
  });
}
