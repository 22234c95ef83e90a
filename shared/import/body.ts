/**
 * Turns blocks into the story's body fields: paragraphs with the 电头 and end credit taken off,
 * captions with credits, jumps, 小标题, and the warnings a desk editor should look at.
 */
import { endsWithSentenceFinal, snippet, tailSnippet } from './chars';
import type { Block } from './blocks';
import { splitEndCredit, splitPhotoCredit } from './credits';
import { splitDateline } from './datelineRecognizer';
import { splitLeadingJump, splitTrailingJump, type RecognizedJump } from './jumpRecognizer';
import { matchCaptionStart, matchMarkedSubhead } from './markers';
import { mergeNames } from './people';
import { tidyProse } from './prose';
import { collapseCjkSpaces } from './spacing';

interface Caption {
  text: string;
  credit: string | null;
}

export interface BodyResult {
  paragraphs: string[];
  subheads: string[];
  subheadIndexes: number[];
  captions: Caption[];
  jumps: RecognizedJump[];
  dateline: string | null;
  datelineNames: string[];
  endCredit: string | null;
  endCreditNames: string[];
  bylineNames: string[];
  warnings: string[];
}

interface Item {
  subhead: boolean;
  text: string;
  dateline: boolean;
}

function tidyCaption(text: string): string {
  return collapseCjkSpaces(text.trim());
}

export function readBody(blocks: readonly Block[]): BodyResult {
  const items: Item[] = [];
  const captions: Caption[] = [];
  const jumps: RecognizedJump[] = [];
  const warnings: string[] = [];
  let bylineNames: string[] = [];
  /** what the previous block became, so a lone credit line can join the caption above it */
  let previous: 'caption' | 'paragraph' | 'other' = 'other';

  for (const b of blocks) {
    if (b.kind === 'pageCredit') {
      warnings.push(`已忽略版面署名：“${b.text}”`);
      previous = 'other';
      continue;
    }
    if (b.kind === 'jump') {
      if (b.jump) jumps.push(b.jump);
      previous = 'other';
      continue;
    }
    if (b.kind === 'byline') {
      bylineNames = mergeNames(bylineNames, b.names ?? []);
      previous = 'other';
      continue;
    }
    if (b.kind === 'subhead') {
      items.push({ subhead: true, text: matchMarkedSubhead(b.text, Number.POSITIVE_INFINITY) ?? b.text, dateline: false });
      previous = 'other';
      continue;
    }
    if (b.kind === 'creditOnly') {
      const lastCaption = captions[captions.length - 1];
      const lastItem = items[items.length - 1];
      if (previous === 'caption' && lastCaption && lastCaption.credit === null) {
        lastCaption.credit = b.text;
      } else if (previous === 'paragraph' && lastItem && !lastItem.dateline && endsWithSentenceFinal(lastItem.text)) {
        // Credits only ever follow a caption, so the paragraph above was one.
        items.pop();
        captions.push({ text: tidyCaption(lastItem.text), credit: b.text });
      } else {
        captions.push({ text: '', credit: b.text });
        warnings.push(`图片署名“${b.text}”前没有说明文字，请核对`);
      }
      previous = 'caption';
      continue;
    }

    let text = b.kind === 'caption' ? (matchCaptionStart(b.text) ?? b.text) : b.text;
    const lead = splitLeadingJump(text);
    if (lead) {
      jumps.push(lead.jump);
      text = lead.text;
    }
    const trail = splitTrailingJump(text);
    if (trail) text = trail.text;
    if (text !== '') {
      const credited = b.dateline ? null : splitPhotoCredit(text);
      if (b.kind === 'caption' || credited) {
        captions.push({ text: tidyCaption(credited ? credited.text : text), credit: credited ? credited.credit : null });
        if (!credited) warnings.push(`图片说明缺少来源署名：“${snippet(text)}”`);
        previous = 'caption';
      } else {
        items.push({ subhead: false, text, dateline: b.dateline });
        previous = 'paragraph';
      }
    }
    if (trail) jumps.push(trail.jump);
  }

  const prose = items.filter((it) => !it.subhead);
  let dateline: string | null = null;
  let datelineNames: string[] = [];
  const first = prose[0];
  if (first) {
    const split = splitDateline(first.text);
    if (split) {
      dateline = split.dateline;
      datelineNames = split.names;
      warnings.push(...split.warnings);
      first.text = split.rest;
    }
  }
  for (const it of prose.slice(1)) {
    const again = it.dateline ? splitDateline(it.text) : null;
    if (again) warnings.push(`正文中又出现电头“${again.dateline}”，可能是另一篇稿件，请核对拆分`);
  }

  let endCredit: string | null = null;
  let endCreditNames: string[] = [];
  const last = prose[prose.length - 1];
  if (last) {
    const split = splitEndCredit(last.text);
    if (split) {
      endCredit = split.credit;
      endCreditNames = split.names;
      last.text = split.text;
    }
    const jumpsOut = jumps.some((j) => j.direction === 'out');
    if (!jumpsOut && endCredit === null && last.text !== '' && !endsWithSentenceFinal(last.text) && !/[）)]$/.test(last.text)) {
      warnings.push(`正文结尾不完整（“${tailSnippet(last.text)}”），请核对`);
    }
  }

  const paragraphs: string[] = [];
  const subheads: string[] = [];
  const subheadIndexes: number[] = [];
  for (const it of items) {
    // A later 电头 (merged stories) keeps its spacing so that it still reads as one.
    const text = it.dateline ? tidyProse(it.text.trim()) : collapseCjkSpaces(it.text.trim());
    if (text === '') continue;
    if (it.subhead) {
      subheads.push(text);
      subheadIndexes.push(paragraphs.length);
    }
    paragraphs.push(text);
  }
  return {
    paragraphs, subheads, subheadIndexes, captions, jumps, dateline, datelineNames, endCredit, endCreditNames,
    bylineNames, warnings,
  };
}
