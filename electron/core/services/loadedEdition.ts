import type { Article } from '../../../shared/domain/article';
import type { PageTemplate } from '../../../shared/layout/geometry';
import type { BudgetStory, EditionBoard } from '../../../shared/layout/board';
import type { BoardFit } from '../../../shared/layout/boardFit';
import type { SetBlock } from '../../../shared/layout/typeset';

/** A story as the board and the proof set it: the approved revision's text when there is one. */
export interface StoryText {
  story: BudgetStory;
  article: Article;
  /** what prints in the slot: byline line, body with 电头 and end credit (`printedBlocks`) */
  blocks: SetBlock[];
}

/** Everything about one edition the board, the plan and the proof work from. */
export interface LoadedEdition {
  board: EditionBoard;
  texts: Map<string, StoryText>;
  templates: Map<string, PageTemplate>;
  fit: BoardFit;
}
