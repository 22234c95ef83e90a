/**
 * The text a story prints in its slot (§6), as blocks in order: the byline line under the headline
 * for a feature or commentary without 电头 (`□本报记者 张三 本报通讯员 李四`), the body's paragraphs
 * and 小标题 with the 电头 running into the first paragraph, and the end credit closing the last
 * (`……。（王磊）`). The board's copy-fit counts these blocks and the proof sets them, so both see
 * the same text.
 */
import type { ArticleFields, Genre } from '../domain/article';
import { buildBylineLine, type PaperNames } from '../article/byline';
import { buildDateline } from '../article/dateline';
import { endCreditLine } from '../article/credits';
import { docToBlocks } from '../document/docText';
import { offsetAtCells } from '../text/count';
import type { TextPoint } from './boardFit';
import type { SetBlock } from './typeset';

/** Genres that carry a byline line under the headline when they have no 电头. */
export const BYLINE_LINE_GENRES: readonly Genre[] = ['通讯', '评论'];

function safely(build: () => string): string {
  try {
    return build();
  } catch {
    // an incomplete 电头 or credit is the editor's to fix (the style check reports it); the body still prints
    return '';
  }
}

export function printedBlocks(story: Pick<ArticleFields, 'genre' | 'body' | 'dateline' | 'bylines' | 'endCredit'>, paper: PaperNames): SetBlock[] {
  const blocks: SetBlock[] = docToBlocks(story.body)
    .map((b) => ({ kind: b.kind === 'h' ? ('h' as const) : ('p' as const), text: b.text.trim() }))
    .filter((b) => b.text !== '');
  const dateline = story.dateline ? safely(() => buildDateline(story.dateline!, story.bylines, paper)) : '';
  const first = blocks.find((b) => b.kind === 'p');
  if (dateline && first) first.text = dateline + first.text;
  else if (dateline) blocks.unshift({ kind: 'p', text: dateline });
  const credit = safely(() => endCreditLine(story.endCredit));
  const last = blocks.at(-1);
  if (credit && last?.kind === 'p') last.text += credit;
  else if (credit) blocks.push({ kind: 'p', text: credit });
  if (!story.dateline && BYLINE_LINE_GENRES.includes(story.genre)) {
    const byline = buildBylineLine(story.bylines, { mark: '□', paper });
    if (byline) blocks.unshift({ kind: 'byline', text: byline });
  }
  return blocks;
}

/**
 * The blocks one slot sets, from where its part of the story starts to where it ends (null: to the
 * end). A story that jumps ends its first part where the copy-fit says, so the continued part picks
 * up exactly there and no text falls between the two.
 */
export function blocksBetween(blocks: readonly SetBlock[], from: TextPoint, to: TextPoint | null): SetBlock[] {
  const cut = (b: SetBlock, paragraph: number, start: number, end?: number): SetBlock => ({ ...b, text: b.text.slice(start, end), at: { paragraph, start } });
  const last = to ? to.paragraph : blocks.length - 1;
  const out: SetBlock[] = [];
  for (let i = from.paragraph; i <= last && i < blocks.length; i++) {
    const b = blocks[i]!;
    const start = i === from.paragraph ? offsetAtCells(b.text, from.cells) : 0;
    const end = to && i === to.paragraph ? offsetAtCells(b.text, to.cells) : undefined;
    out.push(cut(b, i, start, end));
  }
  return out.filter((b) => b.text.trim() !== '');
}
