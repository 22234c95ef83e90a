/**
 * What a page must be before the chief signs it (签版): full (no blank area beyond the paper's
 * tolerance), every story slot set exactly (no 缺行, no 超行), every story 签发, no broken jump, and
 * the 校对's sign-off on the page as it stands. Pure, so the board shows the same list in the 签版
 * confirmation that the main side enforces; the main side adds the house-style gate.
 */
import type { BudgetStory, LayoutPage } from './board';
import type { BoardFit } from './boardFit';
import type { PageTemplate } from './geometry';
import { proofProblem } from '../proofreading/proofDesk';

/** A page is full when at most this share of its type area is left blank, unless the paper sets another. */
export const DEFAULT_BLANK_TOLERANCE_PERCENT = 1;

export interface BlankArea {
  /** column-lines of the type area no slot covers */
  blank: number;
  total: number;
  percent: number;
}

/**
 * The type area not covered by any slot, in column-lines. Slots never overlap and stay inside the
 * type area (the main side refuses anything else), so the covered area is their sum.
 */
export function blankArea(page: Pick<LayoutPage, 'slots'>, template: Pick<PageTemplate, 'columns' | 'linesPerColumn'>): BlankArea {
  const total = template.columns * template.linesPerColumn;
  const covered = page.slots.reduce((n, slot) => n + slot.columns * slot.lines, 0);
  const blank = Math.max(0, total - covered);
  return { blank, total, percent: total > 0 ? (blank / total) * 100 : 0 };
}

type SignProblemKind = 'empty' | 'blank' | 'over' | 'under' | 'unsigned' | 'jump' | 'proof';

export interface SignProblem {
  kind: SignProblemKind;
  message: string;
  slotId?: string;
}

export interface SignCheckInput {
  page: LayoutPage;
  template: PageTemplate;
  fit: BoardFit;
  stories: ReadonlyMap<string, Pick<BudgetStory, 'headline' | 'approvedRevisionId'>>;
  blankTolerancePercent: number;
}

const percentText = (n: number) => `${Math.round(n * 10) / 10}%`;

export function pageSignProblems({ page, template, fit, stories, blankTolerancePercent }: SignCheckInput): SignProblem[] {
  const problems: SignProblem[] = [];
  const articleSlots = page.slots.filter((s) => s.articleId);
  if (articleSlots.length === 0) problems.push({ kind: 'empty', message: `第 ${page.number} 版上还没有稿件` });

  const area = blankArea(page, template);
  if (area.percent > blankTolerancePercent) {
    problems.push({
      kind: 'blank',
      message: `版面还有 ${area.blank} 行（按单栏计）空着，占版心 ${percentText(area.percent)}（本报上限 ${percentText(blankTolerancePercent)}）：请补稿、放大稿位或加广告、预留块`,
    });
  }

  const unsigned = new Set<string>();
  for (const slot of articleSlots) {
    const story = stories.get(slot.articleId!);
    const title = story ? `《${story.headline}》` : '一篇稿件';
    const f = fit.slots.get(slot.id)?.fit;
    if (f?.status === 'over') problems.push({ kind: 'over', slotId: slot.id, message: `${title}超 ${f.overLines} 行（约 ${f.overChars} 字）` });
    if (f?.status === 'under') problems.push({ kind: 'under', slotId: slot.id, message: `${title}缺 ${-f.overLines} 行` });
    if (story && !story.approvedRevisionId && !unsigned.has(slot.articleId!)) {
      unsigned.add(slot.articleId!);
      problems.push({ kind: 'unsigned', slotId: slot.id, message: `${title}还没有签发` });
    }
  }

  const here = new Set(page.slots.map((s) => s.id));
  for (const jump of fit.jumps) if (here.has(jump.jumpId)) problems.push({ kind: 'jump', slotId: jump.jumpId, message: jump.message });
  const proofing = articleSlots.length > 0 ? proofProblem(page.proof) : null;
  if (proofing) problems.push({ kind: 'proof', message: proofing });
  return problems;
}
