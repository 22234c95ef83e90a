/**
 * Finds where the header (headline lines, byline lines) of one story ends and its body begins.
 */
import type { HeadlineEntry } from './headlineStack';
import type { RecognizedJump } from './jumpRecognizer';
import type { LineInfo } from './lineInfo';

export interface HeaderScan {
  entries: HeadlineEntry[];
  bylineNames: string[];
  jumps: RecognizedJump[];
  slug: string | null;
  /** index into the scanned lines of the first body line (= length when there is no body) */
  bodyStart: number;
  warnings: string[];
}

/** 引+主+副 plus one OCR-broken line; a longer run of short lines is body text. */
export const MAX_HEADER_LINES = 4;

interface Entry extends HeadlineEntry {
  at: number;
}

/**
 * Header lines come before the body: blank lines, labelled parts, short headline-like lines, then
 * byline lines. The body starts at a 电头, at a line that cannot be a headline, after a byline, or
 * at an indented line when the headline itself is not indented (a paste where every line is
 * indented says nothing about paragraphs).
 */
export function scanHeader(infos: readonly LineInfo[]): HeaderScan {
  const entries: Entry[] = [];
  const bylineNames: string[] = [];
  const jumps: RecognizedJump[] = [];
  const warnings: string[] = [];
  let slug: string | null = null;
  let bylines = 0;
  let tooMany = false;
  const first = infos.find((l) => !l.blank && !l.separator && !l.storyMarker);
  const indentMeansBody = first !== undefined && !first.indented;

  let i = 0;
  for (; i < infos.length; i++) {
    const l = infos[i];
    if (!l) break;
    if (l.blank || l.separator) continue;
    if (l.storyMarker) {
      slug ??= l.storyMarker.slug;
      continue;
    }
    if (l.jump?.direction === 'in') {
      // （上接1版） above a continued part, which repeats the 主题.
      jumps.push(l.jump);
      continue;
    }
    if (l.explicit && bylines === 0) {
      entries.push({ text: l.explicit.text, part: l.explicit.part, at: i });
      continue;
    }
    if (l.byline) {
      bylines++;
      for (const n of l.byline.names) if (!bylineNames.includes(n)) bylineNames.push(n);
      warnings.push(...l.byline.warnings);
      continue;
    }
    if (bylines > 0 || l.dateline || !l.headlineCandidate || (indentMeansBody && l.indented)) break;
    if (entries.filter((e) => e.part === undefined).length >= MAX_HEADER_LINES) {
      tooMany = true;
      break;
    }
    entries.push({ text: l.text, at: i });
  }
  let bodyStart = i;

  const plain = entries.filter((e) => e.part === undefined);
  if (tooMany) {
    // A run of short lines with no 电头 after it: OCR body text, or a headline glued to it.
    // Keep the lines up to the first blank gap as the headline, or just the first line.
    let keep = 1;
    for (let k = 0; k + 1 < plain.length; k++) {
      const here = plain[k];
      const next = plain[k + 1];
      if (here && next && next.at - here.at > 1) {
        keep = k + 1;
        break;
      }
    }
    const firstBody = plain[keep];
    if (firstBody) {
      bodyStart = firstBody.at;
      entries.splice(entries.indexOf(firstBody));
    }
    warnings.push('标题与正文的分界不明显，请核对');
  } else {
    // The last header line runs straight into body text (no blank line, no 电头): it is the
    // body's first, OCR-broken line when it ends in ，/、, or when it holds a ，and a blank line
    // sets it apart from the headline above it.
    const last = entries[entries.length - 1];
    const before = entries[entries.length - 2];
    const next = infos[bodyStart];
    const runsIntoBody = last !== undefined && last.part === undefined && bylines === 0 && next !== undefined &&
      !next.blank && !next.dateline && last.at === bodyStart - 1;
    const brokenLead = last !== undefined && (/[，、,]$/.test(last.text) ||
      (/[，,]/.test(last.text) && before !== undefined && last.at - before.at > 1));
    if (last && runsIntoBody && brokenLead) {
      entries.pop();
      bodyStart = last.at;
    }
  }
  return { entries, bylineNames, jumps, slug, bodyStart, warnings };
}
