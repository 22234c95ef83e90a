/**
 * Where stories start in a paste of several. A split is made only on evidence a subhead inside a
 * story would not give:
 * - an explicit separator (====, ----, ＊＊＊, * * *) or a 【稿件】/稿件名： line;
 * - a run of 1–4 headline-like lines (labelled parts count) that opens after a blank line, after
 *   a sentence end, or after a line that closes a story (an end credit （张三）, a jump-out
 *   （下转4版）, （完）), and is followed by a 电头, a byline line or labelled parts;
 * - such a run that holds a —— 副题 under another line;
 * - a run right after a line that closes a story, followed by body text (简讯 items).
 * A single short line between two paragraphs with no 电头 after it stays a 小标题 of the story.
 */
import type { LineInfo } from './lineInfo';
import { isDashLed } from './headlineStack';
import { MAX_HEADER_LINES } from './header';

/** How far past a run start to look for its 电头; bounded so the scan stays linear. */
const LOOKAHEAD = 24;

function isHeaderish(l: LineInfo): boolean {
  return l.headlineCandidate || l.explicit !== null || l.storyMarker !== null || l.byline !== null;
}

interface RunShape {
  candidates: number;
  dash: boolean;
  explicit: boolean;
  byline: boolean;
  dateline: boolean;
  bodyAfter: boolean;
}

function runShape(infos: readonly LineInfo[], start: number): RunShape | null {
  const shape: RunShape = { candidates: 0, dash: false, explicit: false, byline: false, dateline: false, bodyAfter: false };
  const end = Math.min(infos.length, start + LOOKAHEAD);
  for (let j = start; j < end; j++) {
    const l = infos[j];
    if (!l || l.blank) continue;
    if (l.explicit && !shape.byline) {
      shape.explicit = true;
      continue;
    }
    if (l.byline) {
      shape.byline = true;
      continue;
    }
    if (l.headlineCandidate && !shape.byline && !l.dateline) {
      shape.candidates++;
      if (shape.candidates > MAX_HEADER_LINES) return null;
      if (isDashLed(l.text)) shape.dash = true;
      continue;
    }
    shape.dateline = l.dateline;
    shape.bodyAfter = !l.separator && !l.jump;
    return shape;
  }
  return end === infos.length ? shape : null;
}

function isStoryStart(shape: RunShape, closedBefore: boolean, breakBefore: boolean): boolean {
  if (!breakBefore) return false;
  if (shape.explicit || shape.byline || shape.dateline) return true;
  if (shape.dash && shape.candidates >= 2) return true;
  return closedBefore && shape.candidates >= 1 && shape.bodyAfter;
}

export function pointsFromInfos(infos: readonly LineInfo[]): number[] {
  const points: number[] = [];
  const push = (i: number): void => {
    if (points[points.length - 1] !== i) points.push(i);
  };
  let separatorPending = false;
  let prev: LineInfo | null = null;
  let blankBefore = true;

  for (let i = 0; i < infos.length; i++) {
    const l = infos[i];
    if (!l) continue;
    if (l.blank) {
      blankBefore = true;
      continue;
    }
    if (l.separator) {
      separatorPending = true;
      blankBefore = true;
      continue;
    }
    if (prev === null || separatorPending || l.storyMarker) {
      push(i);
    } else if ((l.headlineCandidate || l.explicit) && !isHeaderish(prev)) {
      const shape = runShape(infos, i);
      const breakBefore = blankBefore || prev.endsParagraph || prev.closesStory;
      if (shape && isStoryStart(shape, prev.closesStory, breakBefore)) push(i);
    }
    separatorPending = false;
    blankBefore = false;
    prev = l;
  }
  return points;
}
