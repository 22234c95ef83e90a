import type { Client } from '../../support/coreHarness';
import { fitBoard } from '../../../shared/layout/boardFit';
import type { EditionBoard, LayoutPage } from '../../../shared/layout/board';

export const paragraphs = (...texts: string[]) => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

export interface Desk {
  reporter: Client;
  editor: Client;
  sectionhead: Client;
  chief: Client;
  layout: Client;
  proofreader: Client;
}

/** The 校对 reads the page through 一校, 二校, 三校 and 通读 and finds nothing: the sign-off 签版 needs. */
export async function proofread(desk: Desk, pageId: string): Promise<void> {
  for (const round of [1, 2, 3, 4] as const) await desk.proofreader.call('proofreading.finishRound', { pageId, round });
}

/** A story taken through 三审 to 签发 as the desk does it: each reviewer opens it, then passes it. */
export async function approvedStory(desk: Desk, headline: string, ...texts: string[]): Promise<string> {
  const story = await desk.reporter.call('articles.create', { headline, body: paragraphs(...texts) });
  let version = (await desk.reporter.call('workflow.transition', { articleId: story.id, action: 'submit', baseVersion: story.version })).version;
  for (const [who, action] of [
    [desk.editor, 'pass1'],
    [desk.sectionhead, 'pass2'],
    [desk.chief, 'sign'],
  ] as const) {
    await who.call('workflow.opened', { articleId: story.id, version });
    version = (await who.call('workflow.transition', { articleId: story.id, action, baseVersion: version })).version;
  }
  return story.id;
}

export function fitOf(b: EditionBoard) {
  return fitBoard({ pages: b.pages, templates: new Map(b.templates.map((t) => [t.id, t.spec])), stories: new Map(b.stories.map((s) => [s.id, s])) });
}

/**
 * A new edition with one tabloid page laid out as the desk would before 签版: the folio across the
 * top, the story across the page set exactly to its depth, an ad filling the rest.
 */
export async function fullPage(layout: Client, date: string, storyId: string): Promise<{ page: LayoutPage; board: EditionBoard }> {
  const edition = await layout.call('layout.createEdition', { date, issueNumber: 20_000 + Number(date.slice(-2)) });
  const template = (await layout.call('layout.templates', {})).find((t) => t.spec.format === '四开')!;
  const { columns, linesPerColumn } = template.spec;
  const page = await layout.call('layout.addPage', { editionId: edition.id, pageName: '经济', templateId: template.id });
  await layout.call('layout.addSlot', { pageId: page.id, kind: 'masthead', col: 0, line: 0, columns, lines: 3, label: '眉头' });
  const slot = await layout.call('layout.addSlot', { pageId: page.id, kind: 'article', articleId: storyId, col: 0, line: 3, columns, lines: linesPerColumn - 3 });
  const depth = fitOf(await layout.call('layout.board', { date })).slots.get(slot.id)!.fit.depthLines;
  await layout.call('layout.updateSlot', { slotId: slot.id, baseVersion: slot.version, col: 0, line: 3, columns, lines: depth });
  await layout.call('layout.addSlot', { pageId: page.id, kind: 'ad', col: 0, line: 3 + depth, columns, lines: linesPerColumn - 3 - depth, label: '广告' });
  const board = await layout.call('layout.board', { date });
  return { page: board.pages.find((p) => p.id === page.id)!, board };
}
