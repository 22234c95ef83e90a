/**
 * A story's printed parts as they leave the building (web, wire, InDesign): the headline stack, the 电头
 * that runs into the first paragraph, a feature's byline line, the body blocks, the end credit of a short
 * item. The same rules as the page (shared/layout/printedText.ts), kept as parts for the export formats.
 */
import type { ArticleFields } from '../domain/article';
import { docToBlocks, type BlockKind } from '../document/docText';
import { buildBylineLine, type PaperNames } from './byline';
import { buildDateline } from './dateline';
import { endCreditLine } from './credits';
import { BYLINE_LINE_GENRES } from '../layout/printedText';

interface PrintedBlock {
  kind: BlockKind;
  text: string;
}

export interface PrintedStory {
  kicker: string;
  headline: string;
  subheadline: string;
  /** 本报讯（记者 张三）; '' when the story has none or it is incomplete */
  dateline: string;
  /** □本报记者 张三 under the headline of a 通讯 or 评论 without 电头; '' otherwise */
  bylineLine: string;
  editorsNote: string;
  abstract: string;
  /** the body's printable blocks, trimmed, empty ones left out */
  blocks: PrintedBlock[];
  /** （张三） after the last paragraph of a short item; '' when none */
  endCredit: string;
}

type StoryFields = Pick<ArticleFields, 'genre' | 'kicker' | 'headline' | 'subheadline' | 'dateline' | 'bylines' | 'endCredit' | 'editorsNote' | 'abstract' | 'body'>;

function safely(build: () => string): string {
  try {
    return build();
  } catch {
    // an incomplete 电头 or credit is the editor's to fix (the style check reports it); the story still goes
    return '';
  }
}

export function printedStory(article: StoryFields, paper: PaperNames): PrintedStory {
  const dateline = article.dateline ? safely(() => buildDateline(article.dateline!, article.bylines, paper)) : '';
  return {
    kicker: article.kicker.trim(),
    headline: article.headline.trim(),
    subheadline: article.subheadline.trim(),
    dateline,
    bylineLine: !article.dateline && BYLINE_LINE_GENRES.includes(article.genre) ? buildBylineLine(article.bylines, { mark: '□', paper }) : '',
    editorsNote: article.editorsNote.trim(),
    abstract: article.abstract.trim(),
    blocks: docToBlocks(article.body)
      .map((b) => ({ kind: b.kind, text: b.text.trim() }))
      .filter((b) => b.text !== ''),
    endCredit: safely(() => endCreditLine(article.endCredit)),
  };
}
