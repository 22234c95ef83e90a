/**
 * NITF 3.6 (IPTC's News Industry Text Format): the story's text with its structure — 主题 as hl1,
 * 引题 and 副题 as hl2 (class kicker / subheadline, since NITF orders hl1 first), each writer a byline,
 * the printed 电头 as the dateline, 小标题 as hl2 in the body, photos as media referenced by URL with
 * caption and credit, the end credit as the tagline.
 */
import { el, tx, XML_DECLARATION } from './xml';
import type { ExportStory } from './exportStory';

const NITF_NS = 'http://iptc.org/std/NITF/2006-10-18/';

function compactDate(iso: string): string {
  return iso.replace(/-/g, '');
}

function hedline(story: ExportStory): string {
  const p = story.printed;
  return el(
    'hedline',
    {},
    tx('hl1', p.headline),
    p.kicker && tx('hl2', p.kicker, { class: 'kicker' }),
    p.subheadline && tx('hl2', p.subheadline, { class: 'subheadline' }),
  );
}

function bodyContent(story: ExportStory): string {
  const blocks = story.printed.blocks.map((b) => {
    if (b.kind === 'h') return tx('hl2', b.text);
    if (b.kind === 'quote') return el('bq', {}, el('block', {}, tx('p', b.text)));
    return tx('p', b.text);
  });
  const media = story.photos.map((photo) =>
    el(
      'media',
      { 'media-type': 'image' },
      el('media-reference', { source: photo.href, 'mime-type': photo.mime, width: photo.width, height: photo.height, 'alternate-text': photo.caption }),
      tx('media-caption', photo.printedCaption),
      photo.credit && tx('media-producer', photo.credit),
    ),
  );
  // The lead photo opens the story, as on the page.
  return el('body.content', {}, ...media.slice(0, 1), ...blocks, ...media.slice(1));
}

/** The <nitf> element alone: what a NewsML-G2 newsItem carries inline. */
export function nitfElement(story: ExportStory): string {
  const p = story.printed;
  const year = story.updatedAt.slice(0, 4);
  const head = el(
    'head',
    {},
    tx('title', p.headline),
    el(
      'docdata',
      {},
      el('doc-id', { regsrc: story.paper.name, 'id-string': story.id }),
      story.editionDate && el('date.issue', { norm: compactDate(story.editionDate) }),
      el('doc.copyright', { year, holder: story.paper.name }),
      story.keywords.length > 0 && el('key-list', {}, ...story.keywords.map((k) => el('keyword', { key: k }))),
    ),
    el('pubdata', {
      type: 'print',
      name: story.paper.name,
      'date.publication': story.editionDate ? compactDate(story.editionDate) : null,
      'position.section': story.desk || null,
      'position.sequence': story.page,
    }),
  );
  const bodyHead = el(
    'body.head',
    {},
    hedline(story),
    p.editorsNote && el('note', { noteclass: 'editorsnote' }, el('body.content', {}, tx('p', p.editorsNote))),
    ...story.bylines.map((b) => el('byline', {}, tx('person', b.name), tx('byttl', b.role))),
    p.dateline && tx('dateline', p.dateline),
    p.abstract && el('abstract', {}, tx('p', p.abstract)),
  );
  const bodyEnd = p.endCredit ? el('body.end', {}, tx('tagline', p.endCredit)) : '';
  return el('nitf', { xmlns: NITF_NS, version: '-//IPTC//DTD NITF 3.6//EN', baselang: 'zh-CN' }, head, el('body', {}, bodyHead, bodyContent(story), bodyEnd));
}

export function buildNitf(story: ExportStory): string {
  return `${XML_DECLARATION}${nitfElement(story)}\n`;
}
