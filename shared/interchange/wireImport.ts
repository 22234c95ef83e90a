/**
 * Wire copy in NewsML-G2 (新华社 delivers it) or NITF, read into the import's story shape: headline
 * parts, writers, 电头, body paragraphs with 小标题, photo captions, end credit, abstract and keywords.
 * A newsMessage, a newsItem (its text inline as NITF, XHTML or plain text), a bare <nitf>, or any
 * document holding <nitf> elements are read; packages and pictures are passed over.
 *
 * Parsed with @xmldom/xmldom, which never fetches anything and does not interpret DTDs, so external
 * entities and entity expansion cannot happen; the caller caps the size.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { WireStory } from '../api/methods/importing';
import { parsePeople } from '../article/byline';

export class WireFormatError extends Error {}

const WIDE = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/;

/**
 * Text as a reader sees it: a line break the pretty-printing put between Chinese characters is gone (it
 * would read as a stray space), one next to Latin text becomes a space, and spaces typed on a line
 * (between the two clauses of a 主题, between names) stay, one each.
 */
function clean(text: string | null | undefined): string {
  const joined = (text ?? '').replace(/[ \t]*[\r\n][ \t\r\n]*/g, (_m, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + _m.length] ?? '';
    return WIDE.test(before) || WIDE.test(after) ? '' : ' ';
  });
  return joined.replace(/[ \t]+/g, ' ').trim();
}

function children(node: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (name === undefined || (c as Element).localName === name)) out.push(c as Element);
  }
  return out;
}

function descendants(node: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Element) => {
    for (const c of children(n)) {
      if (c.localName === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

function first(node: Element, name: string): Element | undefined {
  return descendants(node, name)[0];
}

function text(node: Element | undefined): string {
  return node ? clean(node.textContent) : '';
}

function emptyStory(source: string): WireStory {
  return {
    source,
    kicker: null,
    headline: '',
    subheadline: null,
    bylines: [],
    dateline: null,
    reporters: [],
    subheads: [],
    subheadIndexes: [],
    paragraphs: [],
    captions: [],
    jumps: [],
    endCredit: null,
    abstract: null,
    keywords: [],
    slug: null,
  };
}

/** Names from a byline: <person> elements when marked up, else the text read as 记者 张三、李四. */
function bylineNames(byline: Element): string[] {
  const persons = descendants(byline, 'person').map(text).filter(Boolean);
  if (persons.length > 0) return persons;
  const raw = text(byline).replace(/^By\s+/i, '');
  const people = parsePeople(raw);
  const names = people.bylines.map((b) => b.name);
  return names.length > 0 ? names : raw.split(/[,，、]/).map((n) => n.trim()).filter(Boolean).slice(0, 1);
}

/** Paragraphs, 小标题 and captions of a body: NITF's body.content or XHTML's body, in document order. */
function readBody(root: Element, story: WireStory): void {
  const visit = (node: Element) => {
    for (const c of children(node)) {
      const name = c.localName;
      if (name === 'p') {
        const t = text(c);
        if (t) story.paragraphs.push(t);
      } else if (name === 'hl2' || /^h[1-6]$/.test(name ?? '')) {
        const t = text(c);
        if (t) {
          story.subheadIndexes.push(story.paragraphs.length);
          story.subheads.push(t);
          story.paragraphs.push(t);
        }
      } else if (name === 'media' || name === 'figure') {
        const caption = text(first(c, 'media-caption') ?? first(c, 'figcaption'));
        const credit = text(first(c, 'media-producer'));
        if (caption) story.captions.push({ text: caption, credit: credit || null });
      } else if (name === 'hedline' || name === 'byline' || name === 'dateline' || name === 'abstract' || name === 'note') {
        continue;
      } else {
        visit(c);
      }
    }
  };
  visit(root);
}

function readNitf(nitf: Element, story: WireStory): void {
  const hedline = first(nitf, 'hedline');
  if (hedline) {
    if (!story.headline) story.headline = text(children(hedline, 'hl1')[0]);
    for (const hl2 of children(hedline, 'hl2')) {
      const cls = hl2.getAttribute('class') ?? '';
      if (cls.includes('kicker')) story.kicker ??= text(hl2);
      else story.subheadline ??= text(hl2);
    }
  }
  if (!story.headline) story.headline = text(first(nitf, 'title'));
  const bodyHead = first(nitf, 'body.head');
  if (bodyHead) {
    if (story.bylines.length === 0) story.bylines = children(bodyHead, 'byline').flatMap(bylineNames);
    const dateline = text(children(bodyHead, 'dateline')[0]);
    if (dateline && !story.dateline) story.dateline = dateline;
    const abstract = text(children(bodyHead, 'abstract')[0]);
    if (abstract && !story.abstract) story.abstract = abstract;
  }
  for (const content of descendants(nitf, 'body.content')) {
    if (content.parentNode && (content.parentNode as Element).localName === 'note') continue;
    readBody(content, story);
  }
  const tagline = text(first(nitf, 'tagline'));
  if (tagline) story.endCredit = tagline;
  if (!story.keywords?.length) story.keywords = descendants(nitf, 'keyword').map((k) => k.getAttribute('key') ?? text(k)).filter(Boolean);
}

/** A 新华社 item often carries the people apart: <dateline>新华社北京11月27日电</dateline> and <by>记者 张三</by>. */
function withPeople(dateline: string, by: string): string {
  if (!by || /[（(]/.test(dateline)) return dateline;
  return `${dateline}（${by.replace(/^[（(]|[)）]$/g, '')}）`;
}

function readNewsItem(item: Element): WireStory | null {
  const itemClass = first(item, 'itemClass')?.getAttribute('qcode') ?? 'ninat:text';
  if (!/ninat:text$/.test(itemClass)) return null;
  const story = emptyStory('NewsML-G2');
  const meta = children(item, 'contentMeta')[0];
  if (meta) {
    for (const h of children(meta, 'headline')) {
      const role = h.getAttribute('role') ?? '';
      if (/kicker|overline|pre/i.test(role)) story.kicker = text(h);
      else if (/sub/i.test(role)) story.subheadline = text(h);
      else if (!story.headline) story.headline = text(h);
    }
    story.slug = text(children(meta, 'slugline')[0]) || null;
    const by = text(children(meta, 'by')[0]);
    const dateline = text(children(meta, 'dateline')[0]);
    if (dateline) story.dateline = withPeople(dateline, by);
    const creators = children(meta, 'creator').map((c) => text(children(c, 'name')[0])).filter(Boolean);
    story.bylines = creators.length > 0 ? creators : by ? parsePeople(by).bylines.map((b) => b.name) : [];
    const summary = children(meta, 'description').find((d) => /summary|abstract/.test(d.getAttribute('role') ?? 'summary'));
    story.abstract = text(summary) || null;
    story.keywords = children(meta, 'keyword').map(text).filter(Boolean);
  }
  const contentSet = children(item, 'contentSet')[0];
  const inline = contentSet ? children(contentSet, 'inlineXML')[0] : undefined;
  const data = contentSet ? children(contentSet, 'inlineData')[0] : undefined;
  const nitf = inline ? first(inline, 'nitf') : undefined;
  if (nitf) readNitf(nitf, story);
  else if (inline) readBody(first(inline, 'body') ?? inline, story);
  else if (data) story.paragraphs = (data.textContent ?? '').split(/\r?\n\s*\r?\n|\r?\n/).map(clean).filter(Boolean);
  return story;
}

function parse(xml: string): Element {
  let failure: string | null = null;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') failure ??= message;
    },
  });
  let root: Element | null = null;
  try {
    root = parser.parseFromString(xml, 'text/xml').documentElement;
  } catch (error) {
    failure ??= (error as Error).message;
  }
  if (failure !== null || !root) throw new WireFormatError(`不是格式正确的 XML：${failure ?? '没有根元素'}`);
  return root;
}

/** Every text story of the document. Throws WireFormatError with a Chinese sentence when it holds none. */
export function readWire(xml: string): WireStory[] {
  if (/<!ENTITY/i.test(xml)) throw new WireFormatError('文件中声明了 XML 实体（<!ENTITY>），出于安全不予读取。');
  const root = parse(xml);
  const stories: WireStory[] = [];
  const items = root.localName === 'newsItem' ? [root] : descendants(root, 'newsItem');
  for (const item of items) {
    const story = readNewsItem(item);
    if (story) stories.push(story);
  }
  const loose = (root.localName === 'nitf' ? [root] : descendants(root, 'nitf')).filter((n) => {
    for (let p = n.parentNode; p; p = p.parentNode) if ((p as Element).localName === 'newsItem') return false;
    return true;
  });
  for (const nitf of loose) {
    const story = emptyStory('NITF');
    readNitf(nitf, story);
    stories.push(story);
  }
  if (stories.length === 0) throw new WireFormatError('文件里没有可导入的文字稿（既不是 NewsML-G2 文字稿，也不含 NITF）。');
  for (const story of stories) story.reporters = [...story.bylines];
  return stories;
}
