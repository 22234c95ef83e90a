import { describe, expect, it } from 'vitest';
import {
  fitSlot,
  headlineCharsPerLine,
  headlineDepthLines,
  photoColumnLines,
  photoGeometry,
  type SlotInput,
} from '../../../shared/layout/copyfit';
import { DEFAULT_TEMPLATES, type PageTemplate } from '../../../shared/layout/geometry';
import { paragraphStats } from '../../../shared/text/count';

const broadsheet = DEFAULT_TEMPLATES[0] as PageTemplate;
const han = (n: number) => '字'.repeat(n);

// §3 worked example: 800 characters in 6 paragraphs. 134 + 4 × 133 + 134 = 800.
// Each takes ⌈(2 + 134) / 13⌉ = ⌈10.46⌉ = 11 or ⌈(2 + 133) / 13⌉ = ⌈10.38⌉ = 11 lines → 66 lines.
const worked = [134, 133, 133, 133, 133, 134].map(han);
const workedSlot = (lines: number): SlotInput => ({
  template: broadsheet,
  columns: 3,
  lines,
  headline: { sizesPt: [26, 15] }, // 主题 一号 + 副题 小三
  photos: [{ columnsWide: 2, aspect: 3 / 4, captionLines: 2 }],
  paragraphs: worked,
});

describe('headline', () => {
  it('is (26 + 15) / 11.25 = 3.64 + 3 gaps → 7 lines deep', () => {
    expect(headlineDepthLines({ sizesPt: [26, 15], pitchPt: 11.25, gapLines: 3 })).toBe(7);
    // default gaps: one above, between and below = 3
    expect(headlineDepthLines({ sizesPt: [26, 15], pitchPt: 11.25 })).toBe(7);
    // 3.64 + 2 = 5.64 → 6
    expect(headlineDepthLines({ sizesPt: [26, 15], pitchPt: 11.25, gapLines: 2 })).toBe(6);
  });

  it('does not add a line when sizes fill whole lines exactly', () => {
    // 33.75 / 11.25 = 3 exactly
    expect(headlineDepthLines({ sizesPt: [33.75], pitchPt: 11.25, gapLines: 0 })).toBe(3);
    expect(headlineDepthLines({ sizesPt: [], pitchPt: 11.25 })).toBe(0);
    expect(() => headlineDepthLines({ sizesPt: [26], pitchPt: 0 })).toThrow(RangeError);
  });

  it('holds ⌊41 × 9/26⌋ = 14 characters of 一号 across three columns', () => {
    expect(headlineCharsPerLine(41, 9, 26)).toBe(14);
    // 41 × 9 / 15 = 24.6 → 24
    expect(headlineCharsPerLine(41, 9, 15)).toBe(24);
    // body size: exactly the column width
    expect(headlineCharsPerLine(27, 9, 9)).toBe(27);
  });
});

describe('photo area', () => {
  it('reproduces §3: 2 columns 4:3 → 85.7 × 64.3 mm → 17 + 2 = 19 lines × 2 = 38 column-lines', () => {
    // width 27 × 3.1752 = 85.73 mm; height × 0.75 = 64.30 mm; 64.30 / 3.969 = 16.2 → 17
    const g = photoGeometry({ template: broadsheet, columnsWide: 2, aspect: 0.75, captionLines: 2 });
    expect(g.widthMm).toBeCloseTo(85.7, 1);
    expect(g.heightMm).toBeCloseTo(64.3, 1);
    expect(g.imageLines).toBe(17);
    expect(g.depthLines).toBe(19);
    expect(g.columnLines).toBe(38);
  });

  it('adds the "+1" of the §3 formula only when a paper asks for a gap line', () => {
    expect(photoColumnLines({ template: broadsheet, columnsWide: 2, aspect: 0.75, captionLines: 2, gapLines: 1 })).toBe(40);
  });

  it('grows with a portrait photo', () => {
    // 1 column: 13 × 3.1752 = 41.28 mm; × 1.5 = 61.91 mm / 3.969 = 15.6 → 16 + 1 caption
    expect(photoColumnLines({ template: broadsheet, columnsWide: 1, aspect: 1.5, captionLines: 1 })).toBe(17);
  });
});

describe('fitSlot: the §3 worked example', () => {
  it('is 42 lines deep: 7 + ⌈(66 + 38) / 3⌉ = 7 + 35', () => {
    const f = fitSlot(workedSlot(42));
    expect(f.bodyLines).toBe(66);
    expect(f.headlineLines).toBe(7);
    expect(f.photoLines).toBe(38);
    expect(f.depthLines).toBe(42);
    expect(f.headlineCharsPerLine).toEqual([14, 24]);
    expect(f.status).toBe('fit');
  });

  it('in a 40-line slot is over by 5 lines and 58 characters, overset from paragraph 6 char 77', () => {
    // capacity = 3 × (40 − 7) − 38 = 61 lines; 66 − 61 = 5 lines over.
    // Paragraphs 1–5 take 55 lines; paragraph 6 gets 6 lines = 6 × 13 − 2 indent = 76 characters,
    // so 134 − 76 = 58 characters are overset: the "about 58" of §3.
    const f = fitSlot(workedSlot(40));
    expect(f.capacityLines).toBe(61);
    expect(f.capacityChars).toBe(61 * 13);
    expect(f.overLines).toBe(5);
    expect(f.overChars).toBe(58);
    expect(f.status).toBe('over');
    expect(f.oversetParagraph).toBe(5);
    expect(f.oversetOffset).toBe(76);
    expect(f.fillRatio).toBeCloseTo(66 / 61, 6);
    expect(f.depthLines).toBe(42);
  });

  it('fits once the 58 overset characters are cut', () => {
    const cut = [...worked.slice(0, 5), han(134 - 58)];
    const f = fitSlot({ ...workedSlot(40), paragraphs: cut });
    // the last paragraph now takes ⌈78 / 13⌉ = 6 lines: 55 + 6 = 61 = capacity
    expect(f.overLines).toBe(0);
    expect(f.overChars).toBe(0);
    expect(f.status).toBe('fit');
  });

  it('in a 45-line slot is short: 10 free lines, room for 137 more characters', () => {
    // capacity 3 × 38 − 38 = 76; 66 − 76 = −10 lines.
    // room = 10 × 13 + blank end of the last line (11 × 13 − (2 + 134) = 7) = 137
    const f = fitSlot(workedSlot(45));
    expect(f.overLines).toBe(-10);
    expect(f.overChars).toBe(-137);
    expect(f.status).toBe('under');
    expect(f.oversetParagraph).toBeUndefined();
  });

  it('gives the same answer from cached paragraph cells', () => {
    const cells = worked.map((p) => paragraphStats(p).cells);
    const { paragraphs: _p, ...rest } = workedSlot(40);
    const f = fitSlot({ ...rest, paragraphCells: cells });
    expect([f.overLines, f.overChars, f.oversetParagraph]).toEqual([5, 58, 5]);
    expect(f.oversetOffset).toBeUndefined();
  });
});

describe('fitSlot: status and edge cases', () => {
  // paragraphs of 11 字 take exactly one line each at cpl 13
  const oneLiners = (n: number) => Array.from({ length: n }, () => han(11));

  it('calls a slot "fit" when its columns reach the foot, "under" when a line is left in every column', () => {
    // 2 columns × 10 lines = 20; 19 lines → depth ⌈19/2⌉ = 10 = slot; 18 lines → depth 9
    const base = { template: broadsheet, columns: 2, lines: 10 };
    expect(fitSlot({ ...base, paragraphs: oneLiners(19) }).status).toBe('fit');
    expect(fitSlot({ ...base, paragraphs: oneLiners(18) }).status).toBe('under');
    expect(fitSlot({ ...base, paragraphs: oneLiners(21) }).status).toBe('over');
  });

  it('marks the overset inside a mixed paragraph in UTF-16 units', () => {
    // 1 column, 1 line: room 13 − 2 = 11 cells; a + b = 1 cell, then 10 字 = 11; the 11th 字 is at index 12
    const f = fitSlot({ template: broadsheet, columns: 1, lines: 1, paragraphs: [`ab${han(12)}`] });
    expect(f.oversetParagraph).toBe(0);
    expect(f.oversetOffset).toBe(12);
    // 13 cells − 11 = 2 characters; (2 + 13) / 13 → 2 lines, 1 over
    expect(f.overChars).toBe(2);
    expect(f.overLines).toBe(1);
  });

  it('sets 三破二 body in columns of 20 and converts the photo area by width', () => {
    // 2 paragraphs of 38: ⌈40 / 20⌉ = 2 lines each
    const f = fitSlot({ template: broadsheet, columns: 3, textColumns: 2, lines: 10, paragraphs: [han(38), han(38)] });
    expect(f.cpl).toBe(20);
    expect(f.bodyLines).toBe(4);
    expect(f.capacityLines).toBe(20);
    expect(f.depthLines).toBe(2);
    // a 2-column photo is (27 + 1) / (20 + 1) = 1.33 text columns wide: 19 × 1.33 = 25.3 → 26
    const p = fitSlot({
      template: broadsheet,
      columns: 3,
      textColumns: 2,
      lines: 30,
      photos: [{ columnsWide: 2, aspect: 0.75, captionLines: 2 }],
    });
    expect(p.photoLines).toBe(26);
    expect(p.capacityLines).toBe(2 * 30 - 26);
  });

  it('is over when the headline alone is deeper than the slot', () => {
    const f = fitSlot({ template: broadsheet, columns: 1, lines: 5, headline: { sizesPt: [26, 15] } });
    // capacity 1 × (5 − 7) = −2
    expect(f.capacityLines).toBe(-2);
    expect(f.overLines).toBe(2);
    expect(f.status).toBe('over');
  });

  it('reports an empty slot as under with its full room', () => {
    // 2 × 10 = 20 lines × 13 − 2 indent = 258 characters for a first paragraph
    const f = fitSlot({ template: broadsheet, columns: 2, lines: 10, paragraphs: [] });
    expect(f.overChars).toBe(-258);
    expect(f.fillRatio).toBe(0);
    expect(f.status).toBe('under');
  });

  it('rejects impossible slots', () => {
    expect(() => fitSlot({ template: broadsheet, columns: 9, lines: 10 })).toThrow(RangeError);
    expect(() => fitSlot({ template: broadsheet, columns: 2, lines: -1 })).toThrow(RangeError);
    expect(() =>
      fitSlot({ template: broadsheet, columns: 2, lines: 50, photos: [{ columnsWide: 3, aspect: 1 }] }),
    ).toThrow(/超出稿位/);
  });
});
