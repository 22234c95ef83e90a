/**
 * Rebuilds paragraphs from lines (OCR and PDF text breaks them at every column edge) and marks the
 * lines that stand alone: 小标题, captions, credits, jump lines, page credits, byline lines.
 */
import { looksLikeContinuation, snippet, tailSnippet } from './chars';
import type { RecognizedJump } from './jumpRecognizer';
import { endsParagraph, type LineInfo, type Limits } from './lineInfo';
import { isDashLed } from './headlineStack';
import { joinBroken } from './spacing';

/** Enough of a paragraph's end to see a credit, a jump line or an end credit. */
const TAIL = 96;

type BlockKind = 'text' | 'caption' | 'subhead' | 'creditOnly' | 'jump' | 'pageCredit' | 'byline';

export interface Block {
  kind: BlockKind;
  /** joined text; spaces are kept (a credit's 张三 摄 needs them), removed later in prose */
  text: string;
  /** first and last line index, as in the LineInfo */
  start: number;
  end: number;
  dateline: boolean;
  jump?: RecognizedJump;
  names?: string[];
}

export interface BlockResult {
  blocks: Block[];
  warnings: string[];
}

/**
 * Mostly unbroken copy (most longer lines end a sentence) lets a short unpunctuated line be a
 * 小标题 on its own; in OCR copy every column line looks like that, so a 小标题 there must also
 * be set off by a blank line or an indented next line.
 */
function isMostlyUnbroken(infos: readonly LineInfo[]): boolean {
  let lines = 0;
  let ended = 0;
  for (const l of infos) {
    if (l.blank || l.text.length < 4 || l.jump || l.byline || l.creditOnly !== null || l.pageCredit || l.markedSubhead !== null) continue;
    lines++;
    if (l.endsParagraph) ended++;
  }
  return lines > 0 && ended / lines >= 0.6;
}

/**
 * 居民点菜，政府端菜 · 留住烟火气，激活新业态: two parallel phrases of about the same length joined by one
 * comma, with nothing else, read as a 小标题 on a line of their own, not as a clause cut short.
 */
function isParallelPair(text: string): boolean {
  const parts = text.split('，');
  if (parts.length !== 2 || /[、；：,;:（()）“”]/.test(text)) return false;
  const [a, b] = parts.map((p) => Array.from(p.trim()).length) as [number, number];
  return a >= 3 && b >= 3 && Math.abs(a - b) <= 1;
}

function nextContent(infos: readonly LineInfo[], from: number): { line: LineInfo; gap: boolean } | null {
  for (let j = from; j < infos.length; j++) {
    const l = infos[j];
    if (l && !l.blank) return { line: l, gap: j > from };
  }
  return null;
}

export function buildBlocks(infos: readonly LineInfo[], limits: Limits): BlockResult {
  const blocks: Block[] = [];
  const warnings: string[] = [];
  const unbroken = isMostlyUnbroken(infos);
  let cur: Block | null = null;
  let curEnds = true;
  let afterBlank = true;
  let lastOpen: Block | null = null;
  let curParts: string[] = [];
  let curTail = '';
  const flush = (): void => {
    if (cur) {
      if (curParts.length > 1) cur.text = curParts.join('');
      blocks.push(cur);
      lastOpen = curEnds ? null : cur;
    }
    cur = null;
    curEnds = true;
  };
  const standalone = (b: Block): void => {
    flush();
    lastOpen = null;
    blocks.push(b);
  };

  infos.forEach((l, i) => {
    if (l.blank) {
      flush();
      afterBlank = true;
      return;
    }
    const atStart = cur === null || curEnds || afterBlank || l.indented || (l.headlineCandidate && isDashLed(l.text));
    const single = { start: i, end: i, dateline: false };
    afterBlank = false;
    if (l.separator || l.storyMarker) return flush();
    if (l.pageCredit) return standalone({ ...single, kind: 'pageCredit', text: l.text });
    if (l.jump) return standalone({ ...single, kind: 'jump', text: l.text, jump: l.jump });
    if (l.creditOnly !== null) return standalone({ ...single, kind: 'creditOnly', text: l.creditOnly });
    // ■ 张明 and ■ 缘起 look alike; in the body a boxed line is a 小标题 unless it names a role.
    if (l.byline && (l.byline.hasRole || l.markedSubhead === null)) {
      return standalone({ ...single, kind: 'byline', text: l.text, names: l.byline.names });
    }
    if (atStart && l.markedSubhead !== null) return standalone({ ...single, kind: 'subhead', text: l.text });
    if (atStart && l.headlineCandidate && l.text.length <= limits.maxSubheadChars && (!/[，、；：,;:（(]/.test(l.text) || isParallelPair(l.text))) {
      const next = nextContent(infos, i + 1);
      const midWord = next !== null && /[A-Za-z0-9]$/.test(l.text) && /^[A-Za-z0-9]/.test(next.line.text);
      if (next && !midWord && (unbroken || next.gap || next.line.indented)) {
        return standalone({ ...single, kind: 'subhead', text: l.text });
      }
    }
    if (cur !== null && !atStart && !l.dateline && l.captionStart === null) {
      // Parts are joined at flush: slicing a growing string each time would copy it each time.
      const glued = joinBroken(curTail, l.text);
      curParts.push(glued.slice(curTail.length));
      curTail = glued.slice(-TAIL);
      (cur as Block).end = i;
      curEnds = endsParagraph(curTail);
      return;
    }
    flush();
    const open = lastOpen as Block | null;
    if (open && looksLikeContinuation(l.text)) {
      warnings.push(`疑似分栏错乱，请核对：“${tailSnippet(open.text)}”之后接“${snippet(l.text)}”`);
    }
    lastOpen = null;
    cur = {
      kind: l.captionStart !== null ? 'caption' : 'text',
      text: l.text,
      start: i,
      end: i,
      dateline: l.dateline,
    };
    curParts = [l.text];
    curTail = l.text.slice(-TAIL);
    curEnds = l.endsParagraph;
  });
  flush();
  return { blocks, warnings };
}
