/**
 * NewsML-G2 2.35: a story as a text newsItem carrying its NITF inline, and an edition as a
 * packageItem whose groups are its pages, each referring to the newsItems of the stories on it.
 * An edition travels as one newsMessage holding the package and its items.
 */
import { el, tx, XML_DECLARATION } from './xml';
import { nitfElement } from './nitf';
import { bylineText, type ExportStory } from './exportStory';

const NEWSML_NS = 'http://iptc.org/std/nar/2006-10-01/';
const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml';
/** Our own codes for the headline parts and page groups, declared inline so the QCodes resolve. */
const OWN_SCHEMES = el(
  'catalog',
  {},
  el('scheme', { alias: 'nrhp', uri: 'urn:newsroom-desk:cv:headline-part:' }),
  el('scheme', { alias: 'nrgr', uri: 'urn:newsroom-desk:cv:group-role:' }),
);
const ITEM_ATTRS = { standard: 'NewsML-G2', standardversion: '2.35', conformance: 'power', 'xml:lang': 'zh-CN' };

function storyGuid(story: Pick<ExportStory, 'id' | 'paper'>): string {
  return `urn:newsroom-desk:${encodeURIComponent(story.paper.name)}:story:${story.id}`;
}

function rights(paperName: string, year: string): string {
  return el('rightsInfo', {}, el('copyrightHolder', { literal: paperName }, tx('name', paperName)), tx('copyrightNotice', `© ${year} ${paperName}`));
}

function newsItemElement(story: ExportStory): string {
  const p = story.printed;
  const itemMeta = el(
    'itemMeta',
    {},
    el('itemClass', { qcode: 'ninat:text' }),
    el('provider', { literal: story.paper.name }, tx('name', story.paper.name)),
    tx('versionCreated', story.updatedAt),
    el('pubStatus', { qcode: story.approved ? 'stat:usable' : 'stat:withheld' }),
    !story.approved && tx('edNote', '本稿尚未签发'),
    ...story.photos.map((photo) => el('link', { rel: 'irel:seeAlso', href: photo.href, contenttype: photo.mime }, tx('title', photo.printedCaption))),
  );
  const contentMeta = el(
    'contentMeta',
    {},
    tx('contentCreated', story.createdAt),
    tx('contentModified', story.updatedAt),
    story.place && el('located', {}, tx('name', story.place)),
    ...story.bylines.map((b) => el('creator', {}, tx('name', b.name))),
    el('language', { tag: 'zh-CN' }),
    story.genre && el('genre', { literal: story.genre }, tx('name', story.genre)),
    ...story.keywords.map((k) => tx('keyword', k)),
    story.slug && tx('slugline', story.slug),
    p.kicker && tx('headline', p.kicker, { role: 'nrhp:kicker' }),
    tx('headline', p.headline, { role: 'nrhp:main' }),
    p.subheadline && tx('headline', p.subheadline, { role: 'nrhp:subheadline' }),
    p.dateline && tx('dateline', p.dateline),
    story.bylines.length > 0 && tx('by', bylineText(story)),
    p.abstract && tx('description', p.abstract, { role: 'drol:summary' }),
  );
  return el(
    'newsItem',
    { xmlns: NEWSML_NS, guid: storyGuid(story), version: story.version, ...ITEM_ATTRS },
    el('catalogRef', { href: IPTC_CATALOG }),
    OWN_SCHEMES,
    rights(story.paper.name, story.updatedAt.slice(0, 4)),
    itemMeta,
    contentMeta,
    el('contentSet', {}, el('inlineXML', { contenttype: 'application/nitf+xml' }, nitfElement(story))),
  );
}

export function buildNewsItem(story: ExportStory): string {
  return `${XML_DECLARATION}${newsItemElement(story)}\n`;
}

interface PackagePage {
  number: number;
  name: string;
  stories: readonly ExportStory[];
}

export interface EditionPackage {
  paperName: string;
  date: string;
  issueNumber: number;
  /** when the package was made (ISO 8601) */
  at: string;
  pages: readonly PackagePage[];
}

function packageItemElement(edition: EditionPackage): string {
  const title = `${edition.paperName} ${edition.date} 总第${edition.issueNumber}期`;
  const groups = edition.pages.map((page) =>
    el(
      'group',
      { id: `page${page.number}`, role: 'nrgr:page', mode: 'pgrmod:seq' },
      tx('title', `第${page.number}版 ${page.name}`),
      ...page.stories.map((story) =>
        el(
          'itemRef',
          { residref: storyGuid(story), version: story.version, contenttype: 'application/vnd.iptc.g2.newsitem+xml' },
          el('itemClass', { qcode: 'ninat:text' }),
          el('pubStatus', { qcode: story.approved ? 'stat:usable' : 'stat:withheld' }),
          tx('title', story.printed.headline),
        ),
      ),
    ),
  );
  const root = el('group', { id: 'edition', role: 'nrgr:edition', mode: 'pgrmod:seq' }, ...edition.pages.map((page) => el('groupRef', { idref: `page${page.number}` })));
  return el(
    'packageItem',
    { xmlns: NEWSML_NS, guid: `urn:newsroom-desk:${encodeURIComponent(edition.paperName)}:edition:${edition.date}`, version: 1, ...ITEM_ATTRS },
    el('catalogRef', { href: IPTC_CATALOG }),
    OWN_SCHEMES,
    rights(edition.paperName, edition.date.slice(0, 4)),
    el('itemMeta', {}, el('itemClass', { qcode: 'ninat:composite' }), el('provider', { literal: edition.paperName }, tx('name', edition.paperName)), tx('versionCreated', edition.at), el('pubStatus', { qcode: 'stat:usable' }), tx('title', title)),
    el('contentMeta', {}, tx('contentCreated', edition.at), el('language', { tag: 'zh-CN' }), tx('headline', title)),
    el('groupSet', { root: 'edition' }, root, ...groups),
  );
}

/** The edition as one newsMessage: its packageItem, then the newsItem of every story it refers to. */
export function buildEditionMessage(edition: EditionPackage): string {
  const stories = [...new Map(edition.pages.flatMap((p) => p.stories).map((s) => [s.id, s])).values()];
  return `${XML_DECLARATION}${el(
    'newsMessage',
    { xmlns: NEWSML_NS },
    el('header', {}, tx('sent', edition.at), tx('sender', edition.paperName)),
    el('itemSet', {}, packageItemElement(edition), ...stories.map(newsItemElement)),
  )}\n`;
}
