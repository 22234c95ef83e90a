import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Client, type Harness } from '../../support/coreHarness';
import type { EditionBoard } from '../../../shared/layout/board';
import type { PageTemplate } from '../../../shared/layout/geometry';
import { countCells } from '../../../shared/text/count';

/** One line of the proof as pdftotext reads it back: its text and box in pt from the top left of the page. */
interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

const MM_TO_PT = 72 / 25.4;

let harness: Harness;
let layout: Client;
let date: string;

async function board(): Promise<EditionBoard> {
  return layout.call('layout.board', { date });
}

async function proofPdf(pageId: string): Promise<Buffer> {
  return Buffer.from((await layout.call('layout.proof', { pageId })).dataBase64, 'base64');
}

function words(pdf: Buffer): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-', '-'], { input: pdf }).toString('utf8');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!,
  }));
}

/**
 * Body lines only: in the type area, set at the body size (headlines, labels and captions are other sizes).
 * A line's box is as tall as its font's ascent and descent, which differ between faces, so the body's is
 * the height most lines of the page share.
 */
function bodyLines(all: readonly Word[], template: PageTemplate): Word[] {
  const top = ((template.pageHeightMm - template.typeAreaHeightMm) / 2) * MM_TO_PT;
  const inArea = all.filter((w) => w.yMin > top);
  const counts = new Map<number, number>();
  for (const w of inArea) counts.set(Math.round((w.yMax - w.yMin) * 10), (counts.get(Math.round((w.yMax - w.yMin) * 10)) ?? 0) + 1);
  const height = [...counts].sort((a, b) => b[1] - a[1])[0]![0] / 10;
  expect(height / template.bodyPt).toBeGreaterThan(1.1);
  return inArea.filter((w) => Math.abs(w.yMax - w.yMin - height) < 0.3);
}

function columnGrid(template: PageTemplate) {
  const originX = ((template.pageWidthMm - template.typeAreaWidthMm) / 2) * MM_TO_PT;
  const step = (template.charsPerColumn + template.gutterChars) * template.bodyPt;
  const column = (x: number) => Math.floor((x - originX + 0.5) / step);
  return { column, right: (c: number) => originX + c * step + template.charsPerColumn * template.bodyPt };
}

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  layout = await harness.as('layout');
  date = (await layout.call('layout.editions', {}))[0]!.date;
});
afterAll(() => harness.close());

describe('the proof’s line breaking', () => {
  it('keeps numbers and Latin words on one line and sets no text past its column’s edge', async () => {
    const b = await board();
    const page = b.pages[0]!;
    const template = b.templates.find((t) => t.id === page.templateId)!.spec;
    const lines = bodyLines(words(await proofPdf(page.id)), template);
    expect(lines.length).toBeGreaterThan(100);
    const text = lines.map((l) => l.text).join('\n');
    // the old breaker printed 44.|6% and 2000PF|LOPS across two lines
    expect(text).toContain('44.6%');
    expect(text).toContain('2000PFLOPS');
    expect(text).not.toMatch(/[0-9.][\n][0-9%]/);
    const grid = columnGrid(template);
    // The 导读 sets its summaries across its whole box, not in columns.
    const top = ((template.pageHeightMm - template.typeAreaHeightMm) / 2) * MM_TO_PT;
    const pitch = template.bodyPt * (1 + template.leadingRatio);
    const inTeaser = (l: Word) => page.slots.some((s) => s.kind === 'teaser' && l.yMin >= top + s.line * pitch && l.yMin < top + (s.line + s.lines) * pitch && grid.column(l.xMin) >= s.col);
    const past = lines.filter((l) => !inTeaser(l) && l.xMax > grid.right(grid.column(l.xMin)) + 0.5).map((l) => l.text);
    expect(past).toEqual([]);
  });

  it('never leaves a 小标题 at the foot of a column: at least two lines of its text follow it in the same column of its slot', async () => {
    const b = await board();
    const template = b.templates.find((t) => t.id === b.pages[0]!.templateId)!.spec;
    const grid = columnGrid(template);
    const top = ((template.pageHeightMm - template.typeAreaHeightMm) / 2) * MM_TO_PT;
    const pitch = template.bodyPt * (1 + template.leadingRatio);
    const subheads = ['新能源项目唱主角', '数字经济加速集聚', '营商环境持续优化'];
    let seen = 0;
    for (const page of [b.pages[0]!, b.pages[3]!]) {
      const lines = bodyLines(words(await proofPdf(page.id)), template);
      for (const head of lines.filter((l) => subheads.includes(l.text))) {
        seen++;
        const column = grid.column(head.xMin);
        const slot = page.slots.find((s) => s.col <= column && column < s.col + s.columns && top + s.line * pitch <= head.yMin && head.yMin < top + (s.line + s.lines) * pitch)!;
        const foot = top + (slot.line + slot.lines) * pitch;
        const below = lines.filter((l) => grid.column(l.xMin) === column && l.yMin > head.yMax - 0.1 && l.yMin < Math.min(foot, head.yMax + 2.5 * pitch));
        expect(below.length, head.text).toBeGreaterThanOrEqual(2);
      }
    }
    expect(seen).toBe(3);
  });

  it('prints a 通讯’s byline line when it has no 电头, and a 简讯’s end credit; the board counts both', async () => {
    const b = await board();
    const page = b.pages[1]!;
    const feature = b.stories.find((s) => s.headline === '青石巷里的新日子')!;
    await layout.call('layout.addSlot', { pageId: page.id, kind: 'article', articleId: feature.id, col: 0, line: 0, columns: 4, lines: 80 });
    const text = execFileSync('pdftotext', ['-', '-'], { input: await proofPdf(page.id) }).toString('utf8').replace(/\s+/g, '');
    expect(text).toContain('□本报记者张晓明本报通讯员赵雪');
    const front = execFileSync('pdftotext', ['-', '-'], { input: await proofPdf(b.pages[0]!.id) }).toString('utf8').replace(/\s+/g, '');
    expect(front).toContain('（王磊）');
    const counted = (await board()).stories.find((s) => s.id === feature.id)!;
    expect(counted.paragraphCells[0]).toBe(countCells('□本报记者 张晓明 本报通讯员 赵雪'));
  });
});
