/**
 * The layout board's data: editions (期), pages (版), slots (稿位) on the page grid and the story
 * budget. Both sides read these shapes: the main side stores them, the renderer draws them and runs
 * the copy-fit on them live.
 */
import type { ArticleStatus } from '../domain/article';
import type { PageTemplate } from './geometry';
import type { ProofStatus } from '../proofreading/proofDesk';
import type { PageCredits } from '../paper/masthead';

export const PAGE_STATUSES = ['unplanned', 'in_progress', 'ready', 'signed', 'printed'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** What a proof's slug line prints (layoutProof); the interface names statuses through its locale files (layout.pageStatuses). */
export const PAGE_STATUS_LABELS: Record<PageStatus, string> = {
  unplanned: '未组版',
  in_progress: '组版中',
  ready: '待签版',
  signed: '已签版',
  printed: '已付印',
};

export const SLOT_KINDS = ['article', 'photo', 'ad', 'masthead', 'reserved', 'ear', 'teaser'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/**
 * The names the main side's sentences and printed proofs give a slot (layout refusals, slotRules' overlap
 * sentence, the proof sheet's slot labels); the interface names kinds through its locale files (layout.slotKinds).
 */
export const SLOT_KIND_LABELS: Record<SlotKind, string> = {
  article: '稿件',
  photo: '图片',
  ad: '广告',
  masthead: '报头/眉头',
  reserved: '预留',
  ear: '报眼',
  teaser: '导读',
};

/** Kinds whose slot may hold a story: 报眼 holds a short story (or a photo), like an article slot. */
export const STORY_SLOT_KINDS: readonly SlotKind[] = ['article', 'ear'];

/** A rectangle on the page grid: `col` and `line` count from 0 at the top left of the type area. */
export interface SlotRect {
  col: number;
  line: number;
  columns: number;
  lines: number;
}

export interface LayoutSlot extends SlotRect {
  id: string;
  pageId: string;
  kind: SlotKind;
  /** 破栏/变栏: the body set in this many columns across the slot; null = the grid's columns */
  textColumns: number | null;
  articleId: string | null;
  /** an article slot's photo, or a photo slot's photo */
  photoId: string | null;
  /** width of the photo inside an article slot, in basic columns */
  photoColumns: number | null;
  /** a continued part (转版): the slot its story jumps out of; kept even when that slot is gone, so the check can report it */
  continuesFrom: string | null;
  /** headline line sizes in pt, top to bottom; a continued part repeats the headline smaller */
  headlinePt: number[];
  label: string;
  version: number;
}

export interface LayoutPage {
  id: string;
  editionId: string;
  number: number;
  name: string;
  templateId: string;
  colour: boolean;
  status: PageStatus;
  /** the people its folio names */
  credits: PageCredits;
  version: number;
  slots: LayoutSlot[];
  signedAt: string | null;
  signedByName: string | null;
  /** a placed story or the slots changed after 签版 */
  changedSinceSign: boolean;
  /** where the 校对 on its 大样 stands (shared/proofreading/proofDesk.ts) */
  proof: ProofStatus;
}

export interface TemplateRow {
  id: string;
  name: string;
  spec: PageTemplate;
  version: number;
}

export interface StoryPhoto {
  id: string;
  width: number;
  height: number;
  caption: string;
}

/** A story of the edition's budget, with the text the board fits: the approved revision's when it is approved. */
export interface BudgetStory {
  id: string;
  kicker: string;
  headline: string;
  subheadline: string;
  status: ArticleStatus;
  version: number;
  chars: number;
  /** cells of each body paragraph of the text the board uses */
  paragraphCells: number[];
  /** revision id of the live 签发, null while the story is not approved */
  approvedRevisionId: string | null;
  /** the 见报日期 and page the desk planned it for */
  plannedDate: string | null;
  plannedPage: number | null;
  photos: StoryPhoto[];
}

export interface EditionSummary {
  id: string;
  date: string;
  issueNumber: number;
  version: number;
  pageCount: number;
}

/** The paper's rules for 签版 and 付印, as the board needs them to show the checks and name the files. */
interface PressRules {
  blankTolerancePercent: number;
  printFileNamePattern: string;
  /** true: 付印 writes the PDF into the print plant's folder; false: it is downloaded. */
  printToFolder: boolean;
}

export interface EditionBoard {
  edition: EditionSummary;
  templates: TemplateRow[];
  pages: LayoutPage[];
  stories: BudgetStory[];
  press: PressRules;
}

/** A planned headline stack: 引题 and 副题 smaller than the 主题 (一号 26 pt, 小三 15 pt). */
export function defaultHeadlinePt(story: Pick<BudgetStory, 'kicker' | 'subheadline'>, columns: number): number[] {
  const main = columns >= 4 ? 26 : columns >= 2 ? 18 : 14;
  const sizes: number[] = [];
  if (story.kicker) sizes.push(12);
  sizes.push(main);
  if (story.subheadline) sizes.push(12);
  return sizes;
}

/** The continued part repeats the main headline smaller, without the kicker. */
export const CONTINUED_HEADLINE_PT: readonly number[] = [14];
