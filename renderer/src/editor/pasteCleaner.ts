/**
 * Pasted HTML (Word, WPS, web pages) cleaned down to exactly the body schema: paragraphs, 小标题,
 * lists, block quotes, bold, italic and notes. Everything else is dropped; the text is kept.
 *
 * The walk reads the DOM the browser parsed from the clipboard and returns plain blocks of styled
 * runs; pasteExtension.ts builds the ProseMirror slice from them, so the pasted markup is parsed once.
 */

type CleanBlockKind = 'p' | 'h' | 'quote' | 'ul' | 'ol';

interface CleanRun {
  text: string;
  bold: boolean;
  italic: boolean;
  note: boolean;
}

export interface CleanBlock {
  kind: CleanBlockKind;
  runs: CleanRun[];
}

export interface CleanOptions {
  /** Cleaning that takes longer than this is abandoned, so the window never hangs. */
  timeBudgetMs?: number;
}

/** Longer clipboard HTML is refused before the browser parses it. Word's HTML is 10–20 times its text. */
export const MAX_PASTE_HTML_LENGTH = 12_000_000;
/** Longer cleaned text is refused: the longest article the editor promises to open. */
const MAX_PASTE_CHARS = 200_000;
const PASTE_TIME_BUDGET_MS = 4_000;

export type PasteRefusalReason = 'too-large' | 'too-long' | 'too-slow';

export class PasteRefused extends Error {
  constructor(readonly reason: PasteRefusalReason) {
    super(reason);
    this.name = 'PasteRefused';
  }
}

const SKIPPED = new Set([
  'head', 'style', 'script', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'img', 'picture', 'svg', 'math', 'video', 'audio', 'canvas', 'source', 'track', 'map', 'area', 'input', 'button',
  'select', 'textarea', 'option', 'meta', 'link', 'title', 'base', 'xml', 'rt', 'rp', 'o:p',
]);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Collapsible HTML whitespace; U+3000 is text (a credit separator) except as an indent. */
const COLLAPSIBLE = /[ \t\n\r\f\u00a0]+/g;
const HAS_NEWLINE = /[\n\r]/;
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
const LEADING_INDENT = /^[ \t\n\r\f\u00a0\u3000]+/;
const TRAILING_SPACE = /[ \t\n\r\f\u00a0\u3000]+$/;

const STYLE_PROPERTIES = ['display', 'visibility', 'mso-hide', 'font-weight', 'font-style', 'mso-list'] as const;
type StyleProperty = (typeof STYLE_PROPERTIES)[number];
const STYLE_RES = Object.fromEntries(
  STYLE_PROPERTIES.map((p) => [p, new RegExp(`(?:^|;)\\s*${p}\\s*:\\s*([^;!]+)`, 'i')]),
) as Record<StyleProperty, RegExp>;

/** One declaration of an inline style; `(?:^|;)` keeps mso-bidi-font-weight from reading as font-weight. */
function styleValue(style: string, property: StyleProperty): string | null {
  const m = STYLE_RES[property].exec(style);
  return m ? m[1]!.trim().toLowerCase() : null;
}

function isHidden(el: Element, style: string): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (style === '') return false;
  return (
    styleValue(style, 'display') === 'none' ||
    styleValue(style, 'visibility') === 'hidden' ||
    styleValue(style, 'mso-hide') === 'all'
  );
}

function boldFrom(tag: string, style: string, inherited: boolean): boolean {
  const weight = style === '' ? null : styleValue(style, 'font-weight');
  if (weight !== null) {
    if (weight === 'bold' || weight === 'bolder') return true;
    if (weight === 'normal' || weight === 'lighter') return false;
    const n = Number(weight);
    if (Number.isFinite(n)) return n >= 600;
  }
  return inherited || tag === 'b' || tag === 'strong';
}

function italicFrom(tag: string, style: string, inherited: boolean): boolean {
  const fontStyle = style === '' ? null : styleValue(style, 'font-style');
  if (fontStyle !== null) return fontStyle === 'italic' || fontStyle === 'oblique';
  return inherited || tag === 'i' || tag === 'em';
}

/** Han, kana, hangul and full-width forms: a source line break between two of them is no space. */
function isWide(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const cp = ch.codePointAt(0)!;
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    cp >= 0x20000 ||
    ch === '—' ||
    ch === '…' ||
    ch === '“' ||
    ch === '”' ||
    ch === '‘' ||
    ch === '’'
  );
}

interface Marks {
  bold: boolean;
  italic: boolean;
  note: boolean;
}

interface Context extends Marks {
  kind: CleanBlockKind;
  pre: boolean;
}

function unbold(runs: readonly CleanRun[]): CleanRun[] {
  const out: CleanRun[] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    if (prev && prev.italic === run.italic && prev.note === run.note) prev.text += run.text;
    else out.push({ ...run, bold: false });
  }
  return out;
}

class Builder {
  readonly blocks: CleanBlock[] = [];
  private runs: CleanRun[] = [];
  private kind: CleanBlockKind = 'p';
  /** Whitespace seen but not yet written: it becomes one space, or nothing at a block edge. */
  private pending: 'space' | 'newline' | null = null;
  private chars = 0;
  private visits = 0;

  constructor(
    private readonly maxChars: number,
    readonly checkTime: () => void,
  ) {}

  /** Called per element: a paragraph of a million spans must not outrun the deadline either. */
  visit(): void {
    this.visits += 1;
    if (this.visits % 1024 === 0) this.checkTime();
  }

  text(raw: string, ctx: Context): void {
    const text = raw.replace(INVISIBLE, '');
    if (ctx.pre) {
      const lines = text.split(/\r\n?|\n/);
      lines.forEach((line, i) => {
        if (i > 0) this.end();
        this.append(line.replace(/\t/g, ' '), ctx);
      });
      return;
    }
    let last = 0;
    for (const m of text.matchAll(COLLAPSIBLE)) {
      this.append(text.slice(last, m.index), ctx);
      this.space(HAS_NEWLINE.test(m[0]) ? 'newline' : 'space');
      last = m.index + m[0].length;
    }
    this.append(text.slice(last), ctx);
  }

  private space(kind: 'space' | 'newline'): void {
    if (this.runs.length === 0) return;
    if (this.pending !== 'space') this.pending = kind;
  }

  private append(piece: string, ctx: Context): void {
    if (piece === '') return;
    let text = piece;
    if (this.runs.length === 0) {
      this.kind = ctx.kind;
      this.pending = null;
      text = text.replace(LEADING_INDENT, '');
      if (text === '') return;
    }
    if (this.pending !== null) {
      const before = this.lastChar();
      const joinCjk = this.pending === 'newline' && isWide(before) && isWide(text[0]);
      if (!joinCjk) text = ` ${text}`;
      this.pending = null;
    }
    this.chars += text.length;
    if (this.chars > this.maxChars) throw new PasteRefused('too-long');
    const prev = this.runs[this.runs.length - 1];
    if (prev && prev.bold === ctx.bold && prev.italic === ctx.italic && prev.note === ctx.note) prev.text += text;
    else this.runs.push({ text, bold: ctx.bold, italic: ctx.italic, note: ctx.note });
  }

  private lastChar(): string | undefined {
    const run = this.runs[this.runs.length - 1];
    return run ? run.text[run.text.length - 1] : undefined;
  }

  /** Closes the current block; an empty one disappears. */
  end(): void {
    this.pending = null;
    while (this.runs.length > 0) {
      const last = this.runs[this.runs.length - 1]!;
      last.text = last.text.replace(TRAILING_SPACE, '');
      if (last.text !== '') break;
      this.runs.pop();
    }
    if (this.runs.length > 0) {
      // A 小标题 is set bold by the page style; a bold mark on it would only be noise.
      this.blocks.push({ kind: this.kind, runs: this.kind === 'h' ? unbold(this.runs) : this.runs });
      this.checkTime();
    }
    this.runs = [];
  }
}

/** A Word list paragraph carries its bullet or number in a `mso-list:Ignore` span. */
function wordListKind(el: Element, style: string): CleanBlockKind | null {
  if (style === '' || styleValue(style, 'mso-list') === null) return null;
  const marker = el.querySelector('[style*="mso-list"]');
  const text = (marker?.textContent ?? '').trim();
  return /^[(（]?[0-9a-zA-Z一二三四五六七八九十]+[.、)）]/.test(text) ? 'ol' : 'ul';
}

function isWordListMarker(style: string): boolean {
  return styleValue(style, 'mso-list') === 'ignore';
}

/** A row of single-line cells becomes one paragraph, cells set apart by a full-width space. */
function flattenTable(table: Element, ctx: Context, out: Builder): void {
  const write = (run: CleanRun, kind: CleanBlockKind) =>
    out.text(run.text, { kind, pre: false, bold: run.bold, italic: run.italic, note: run.note });
  for (const row of Array.from(table.querySelectorAll('tr'))) {
    if (row.closest('table') !== table) continue;
    const cells: CleanBlock[][] = [];
    for (const cell of Array.from(row.children)) {
      const tag = cell.tagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      // The article limit is enforced when the cell's text reaches `out`.
      const sub = new Builder(Number.POSITIVE_INFINITY, out.checkTime);
      walk(cell, { ...ctx, kind: 'p' }, sub);
      sub.end();
      if (sub.blocks.length > 0) cells.push(sub.blocks);
    }
    out.end();
    if (cells.every((c) => c.length === 1)) {
      cells.forEach((c, i) => {
        if (i > 0) write({ text: '\u3000', bold: false, italic: false, note: false }, ctx.kind);
        for (const run of c[0]!.runs) write(run, ctx.kind);
      });
      out.end();
    } else {
      for (const block of cells.flat()) {
        for (const run of block.runs) write(run, block.kind);
        out.end();
      }
    }
  }
}

function walkChildren(node: Node, ctx: Context, out: Builder): void {
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, ctx, out);
}

function walk(node: Node, ctx: Context, out: Builder): void {
  if (node.nodeType === 3) {
    out.text(node.nodeValue ?? '', ctx);
    return;
  }
  if (node.nodeType !== 1) return;
  out.visit();
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (SKIPPED.has(tag) || tag.startsWith('v:')) return;
  const style = el.getAttribute('style') ?? '';
  if (isHidden(el, style) || (tag === 'span' && isWordListMarker(style))) return;
  if (tag === 'br') {
    out.end();
    return;
  }
  const marks: Context = {
    ...ctx,
    bold: boldFrom(tag, style, ctx.bold),
    italic: italicFrom(tag, style, ctx.italic),
    note: ctx.note || (tag === 'span' && el.hasAttribute('data-note')),
  };
  if (tag === 'table') {
    flattenTable(el, marks, out);
    return;
  }
  const cellOrRow = tag === 'td' || tag === 'th' || tag === 'tr' || tag === 'tbody' || tag === 'thead' || tag === 'tfoot';
  if (!BLOCKS.has(tag) && !cellOrRow) {
    walkChildren(el, marks, out);
    return;
  }
  out.end();
  let kind = ctx.kind;
  if (HEADINGS.has(tag)) kind = 'h';
  else if (tag === 'blockquote') kind = 'quote';
  else if (tag === 'li') kind = el.parentElement?.tagName.toLowerCase() === 'ol' ? 'ol' : 'ul';
  else if (tag === 'p') kind = wordListKind(el, style) ?? (ctx.kind === 'h' ? 'p' : ctx.kind);
  walkChildren(el, { ...marks, kind, pre: ctx.pre || tag === 'pre' }, out);
  out.end();
}

/**
 * The blocks of pasted content, from the DOM the browser parsed it into (an inert document: no
 * scripts run, no images load). Throws PasteRefused when it is too long or too slow to clean.
 */
export function cleanPastedBlocks(root: Node, options: CleanOptions = {}): CleanBlock[] {
  const deadline = performance.now() + (options.timeBudgetMs ?? PASTE_TIME_BUDGET_MS);
  const out = new Builder(MAX_PASTE_CHARS, () => {
    if (performance.now() > deadline) throw new PasteRefused('too-slow');
  });
  walk(root, { kind: 'p', bold: false, italic: false, note: false, pre: false }, out);
  out.end();
  return out.blocks;
}
