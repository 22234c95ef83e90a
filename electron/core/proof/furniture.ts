/**
 * What a page prints besides its stories: the front page's masthead (报头), the inner pages' folio
 * line (眉头), and the 导读 box pointing to the stories inside.
 */
import type { SlotRect } from '../../../shared/layout/board';
import { creditsLine, type MastheadLines, type PageCredits } from '../../../shared/paper/masthead';
import type { ProofImage } from './proofImages';
import { effectiveDpi, PRINT_DPI } from './proofImages';
import { accent, box, styleOf, type Sheet } from './sheet';
import type { TextStyle } from './proofWriter';

export interface MastheadData {
  lines: MastheadLines;
  image: ProofImage | null;
  credits: PageCredits;
}

function rule(s: Sheet, x1: number, y: number, x2: number, width: number, colour = '#000'): void {
  s.doc.moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(colour).stroke();
}

/**
 * 报头: the paper's name (its image, or set large in 标宋) on the left, and to its right the date with
 * 星期 and 农历, 今日N版, 总第N期, CN and 邮发代号; 主管主办 under the name; a double rule below.
 */
export function drawMasthead(s: Sheet, rect: SlotRect, data: MastheadData): void {
  const { x, y, width, height } = box(s, rect);
  const red = accent(s);
  const nameWidth = width * 0.6;
  const nameHeight = height - 4 * s.pitch;
  const { lines } = data;
  if (data.image && data.image.width > 0) {
    const scale = Math.min(nameWidth / data.image.width, nameHeight / data.image.height);
    const w = data.image.width * scale;
    const h = data.image.height * scale;
    s.doc.image(data.image.data, x + (nameWidth - w) / 2, y + s.pitch + (nameHeight - h) / 2, { width: w, height: h });
    const dpi = effectiveDpi(data.image.width, w);
    if (dpi < PRINT_DPI) s.warnings.push(`报头图片在版上约 ${dpi} dpi，低于印刷需要的 ${PRINT_DPI} dpi：请上传更大的报头图片。`);
  } else {
    const count = Math.max(1, Array.from(lines.name).length);
    const size = Math.min((nameWidth * 0.94) / count, nameHeight * 0.8);
    const style: TextStyle = { face: 'biaosong', size, colour: red };
    s.w.line(lines.name, style, { x, y: y + s.pitch + (nameHeight - size) / 2, width: nameWidth, align: 'center' });
  }
  const small = styleOf(s, 'dateline', s.cell * 0.85);
  const under = [lines.owners, lines.website].filter(Boolean).join('　');
  if (under) s.w.line(under, small, { x, y: y + height - 3 * s.pitch, width: nameWidth, align: 'center' });

  // The notes column, between two thin rules.
  const left = x + nameWidth + s.cell * 2;
  const right = x + width;
  s.doc.moveTo(left - s.cell, y + s.pitch).lineTo(left - s.cell, y + height - 2 * s.pitch).lineWidth(0.5).strokeColor('#000').stroke();
  const note = (text: string, style: TextStyle) => ({ text, style });
  const notes = [
    note(lines.date, { face: 'cuhei', size: 12 }),
    note(lines.lunar, { face: 'kaiti', size: 10.5 }),
    note([lines.pages, lines.issue].join('　'), { face: 'heiti', size: 10.5, colour: red }),
    note(lines.cn, { face: 'heiti', size: 7.5 }),
    note(lines.postal, { face: 'heiti', size: 7.5 }),
    note(creditsLine(data.credits), { face: 'heiti', size: 7.5 }),
  ].filter((n) => n.text !== '');
  const room = height - 3 * s.pitch;
  const used = notes.reduce((h, n) => h + n.style.size, 0);
  const gap = Math.max(2, (room - used) / (notes.length + 1));
  let ny = y + s.pitch + gap;
  for (const note of notes) {
    s.w.line(note.text, note.style, { x: left, y: ny, width: right - left, align: 'left' });
    ny += note.style.size + gap;
  }
  const base = y + height - 1.2 * s.pitch;
  rule(s, x, base, x + width, 2.4, red);
  rule(s, x, base + 3, x + width, 0.6, red);
}

/**
 * 眉头 of an inner page: the page number boxed at the outer edge (left on even pages, right on odd),
 * the page's name, the paper and the date in the middle, the people in charge at the inner edge; a
 * rule below.
 */
export function drawFolio(s: Sheet, rect: SlotRect, page: { number: number; name: string }, paperName: string, date: string, credits: PageCredits): void {
  const { x, y, width, height } = box(s, rect);
  const red = accent(s);
  const even = page.number % 2 === 0;
  const numberStyle: TextStyle = { face: 'cuhei', size: 16, colour: '#fff' };
  const nameStyle: TextStyle = { face: 'biaosong', size: 16, colour: red };
  const middle: TextStyle = { face: 'heiti', size: 10.5 };
  const people = styleOf(s, 'dateline', 7.5);
  const top = y + (height - 1.2 * s.pitch - 16) / 2;
  const number = String(page.number);
  const numberWidth = Math.max(22, s.w.width(number, numberStyle) + 8);
  const numberX = even ? x : x + width - numberWidth;
  s.doc.rect(numberX, top - 3, numberWidth, 22).fillColor(red).fill();
  s.w.line(number, numberStyle, { x: numberX, y: top, width: numberWidth, align: 'center' });
  const nameX = even ? numberX + numberWidth + 8 : x;
  const nameWidth = width - numberWidth - 8;
  s.w.line(page.name, nameStyle, { x: nameX, y: top, width: nameWidth, align: even ? 'left' : 'right' });
  s.w.line(`${paperName}　${date}`, middle, { x, y: top + 4, width, align: 'center' });
  const who = creditsLine(credits);
  if (who) s.w.line(who, people, { x, y: top + 7, width, align: even ? 'right' : 'left' });
  rule(s, x, y + height - 0.6 * s.pitch, x + width, 1.5, red);
}

export interface TeaserItem {
  headline: string;
  /** the story's abstract, or '' */
  abstract: string;
  /** its first paragraph, without the 电头: sentences from it fill the room the entry has */
  lead: string;
  page: number;
}

/** As many whole sentences of the text as fit in `lines` lines; the first sentence cut short when even it does not. */
function sentencesFitting(s: Sheet, text: string, style: TextStyle, width: number, lines: number): string[] {
  const sentences = text.split(/(?<=[。！？])/).filter((t) => t.trim() !== '');
  let taken: string[] = [];
  for (let n = 1; n <= sentences.length; n++) {
    const wrapped = s.w.wrap(sentences.slice(0, n).join(''), style, width);
    if (wrapped.length > lines) break;
    taken = wrapped;
  }
  return taken.length > 0 ? taken : s.w.wrap(text, style, width).slice(0, lines);
}

/**
 * 导读: a band with the title, then for each story inside its headline, its abstract (or its first
 * sentences, as many as share the box evenly) and （详见N版）; as many stories as the box holds.
 */
export function drawTeaser(s: Sheet, rect: SlotRect, items: readonly TeaserItem[], title = '导读'): void {
  const { x, y, width, height } = box(s, rect);
  const red = accent(s);
  const band = 2 * s.pitch;
  s.doc.rect(x, y + s.pitch * 0.5, width, band).fillColor(red).fill();
  s.w.line(title, { face: 'cuhei', size: 14, colour: '#fff' }, { x, y: y + s.pitch * 0.5 + (band - 14) / 2, width, align: 'center' });
  const head = styleOf(s, 'subheadline', 14);
  const text = styleOf(s, 'body');
  const ref: TextStyle = { face: 'heiti', size: s.cell, colour: red };
  const bottom = y + height - s.pitch * 0.5;
  const first = y + s.pitch * 0.5 + band + s.pitch;
  // Lines of text each entry may take so that the entries share the box: headline, a gap, the reference, the rule.
  const fixed = head.size + 6 + s.pitch * 2.6;
  const shown = Math.max(1, Math.min(items.length, Math.floor((bottom - first) / (fixed + s.pitch * 2))));
  const textLines = Math.max(1, Math.floor(((bottom - first) / shown - fixed) / s.pitch));
  const entries = items.slice(0, shown).map((item) => {
    const heads = s.w.wrap(item.headline, head, width).slice(0, 2);
    const abstract = s.w.wrap(`\u3000\u3000${item.abstract}`, text, width);
    const summary =
      item.abstract && abstract.length <= textLines && abstract.length * 2 > textLines
        ? abstract
        : sentencesFitting(s, `\u3000\u3000${item.lead || item.abstract}`, text, width, textLines);
    return { item, heads, summary, height: heads.length * (head.size + 3) + 3 + summary.length * s.pitch + s.pitch * 1.6 };
  });
  while (entries.length > 1 && first + entries.reduce((h, e) => h + e.height, 0) > bottom) entries.pop();
  // What is left is spread between the entries, so the box is filled from its band to its foot.
  const spare = Math.max(0, (bottom - first - entries.reduce((h, e) => h + e.height, 0)) / entries.length);
  let ty = first;
  for (const [n, { item, heads, summary, height: entryHeight }] of entries.entries()) {
    const end = ty + entryHeight + spare;
    for (const h of heads) {
      s.w.line(h, head, { x, y: ty, width, align: 'left' });
      ty += head.size + 3;
    }
    ty += 3 + spare / 3;
    summary.forEach((l, i) => {
      s.w.line(l, text, { x, y: ty, width, align: i < summary.length - 1 ? 'justify' : 'left' });
      ty += s.pitch;
    });
    s.w.line(`（详见${item.page}版）`, ref, { x, y: ty, width, align: 'right' });
    const ruleY = end - s.pitch * 0.45;
    if (n < entries.length - 1) s.doc.moveTo(x, ruleY).lineTo(x + width, ruleY).lineWidth(0.4).dash(1.5, { space: 1.5 }).strokeColor('#000').stroke().undash();
    ty = end;
  }
}
