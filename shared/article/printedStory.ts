/**
 * A story as it prints (and as it leaves for the web, the wire and InDesign): the headline stack, the
 * 电头 that runs into the first paragraph, a feature's byline line, the body blocks, the end credit of
 * a short item. The proof, the board's copy-fit and every export read this one shape.
 */
import type { Article } from '../domain/article';
import { docToBlocks, type BlockKind } from '../document/docText';
import { buildBylineLine, type PaperNames } from './byline';
import { datelineLine, endCreditLine } from './printLines';

export type PrintedKind = BlockKind | 'byline';

export interface PrintedBlock {
  kind: PrintedKind;
  text: string;
}

export interface PrintedStory {
  kicker: string;
  headline: string;
  subheadline: string;
  /** 本报讯（记者 张三）; '' when the story has none or it is incomplete */
  dateline: string;
  /** □本报记者 张三: a story without 电头 or end credit names its writers under the headline; '' otherwise */
  bylineLine: string;
  editorsNote: string;
  abstract: string;
  /** the body's printable blocks, trimmed, empty ones left out */
  blocks: PrintedBlock[];
  /** （张三） after the last paragraph of a short item; '' when none */
  endCredit: string;
}

type StoryFields = Pick<Article, 'kicker' | 'headline' | 'subheadline' | 'dateline' | 'bylines' | 'endCredit' | 'editorsNote' | 'abstract' | 'body'>;

export function printedStory(article: StoryFields, paper: PaperNames): PrintedStory {
  const dateline = datelineLine(article.dateline, article.bylines, paper);
  const endCredit = endCreditLine(article.endCredit);
  const datelineText = dateline?.problem === null ? dateline.text : '';
  return {
    kicker: article.kicker.trim(),
    headline: article.headline.trim(),
    subheadline: article.subheadline.trim(),
    dateline: datelineText,
    bylineLine: datelineText === '' && endCredit === '' ? buildBylineLine(article.bylines, { mark: '□', paper }) : '',
    editorsNote: article.editorsNote.trim(),
    abstract: article.abstract.trim(),
    blocks: docToBlocks(article.body)
      .map((b) => ({ kind: b.kind, text: b.text.trim() }))
      .filter((b) => b.text !== ''),
    endCredit,
  };
}

export interface SetParagraphs {
  paragraphs: string[];
  kinds: PrintedKind[];
  /** characters (code points) of the 电头 at the start of its paragraph, which prints in the 电头's face */
  datelineChars: number;
  /** index of the paragraph the 电头 runs into; -1 when none */
  datelineParagraph: number;
}

/**
 * The paragraphs as they are set on the page: the byline line first, the 电头 run into the first
 * paragraph, the end credit after the last. What the copy-fit counts and the proof prints.
 */
export function setParagraphs(story: PrintedStory): SetParagraphs {
  const paragraphs: string[] = [];
  const kinds: PrintedKind[] = [];
  if (story.bylineLine) {
    paragraphs.push(story.bylineLine);
    kinds.push('byline');
  }
  let datelineParagraph = -1;
  for (const block of story.blocks) {
    let text = block.text;
    if (datelineParagraph < 0 && story.dateline && block.kind !== 'h') {
      datelineParagraph = paragraphs.length;
      text = story.dateline + text;
    }
    paragraphs.push(text);
    kinds.push(block.kind);
  }
  if (story.dateline && datelineParagraph < 0) {
    datelineParagraph = paragraphs.length;
    paragraphs.push(story.dateline);
    kinds.push('p');
  }
  if (story.endCredit) {
    if (paragraphs.length > 0 && kinds[kinds.length - 1] !== 'h') paragraphs[paragraphs.length - 1] += story.endCredit;
    else {
      paragraphs.push(story.endCredit);
      kinds.push('p');
    }
  }
  return { paragraphs, kinds, datelineChars: datelineParagraph < 0 ? 0 : Array.from(story.dateline).length, datelineParagraph };
}
