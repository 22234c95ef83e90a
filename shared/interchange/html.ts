/**
 * The story for the web and the app (clean HTML: structure and class names, no styles, no scripts), and
 * for a WeChat 公众号 article (an HTML fragment with inline styles only, because the 公众号 editor drops
 * style sheets and classes; photos referenced, to be uploaded to the 公众号's library).
 * Both are written as well-formed XHTML-compatible HTML, so they parse as XML too.
 */
import { el, tx, xmlText } from './xml';
import type { ExportStory } from './exportStory';

function headerParts(story: ExportStory): string[] {
  const p = story.printed;
  return [
    p.kicker ? tx('p', p.kicker, { class: 'kicker' }) : '',
    tx('h1', p.headline),
    p.subheadline ? tx('p', p.subheadline, { class: 'subheadline' }) : '',
    p.bylineLine ? tx('p', p.bylineLine, { class: 'byline' }) : '',
  ];
}

function figure(photo: ExportStory['photos'][number]): string {
  return el('figure', {}, el('img', { src: photo.href, alt: photo.caption, width: photo.width, height: photo.height }), tx('figcaption', photo.printedCaption));
}

export function buildWebHtml(story: ExportStory): string {
  const p = story.printed;
  let datelineDone = p.dateline === '';
  const body = p.blocks.map((b, i) => {
    if (b.kind === 'h') return tx('h2', b.text);
    const last = i === p.blocks.length - 1 && p.endCredit !== '';
    let inner = xmlText(b.text);
    if (!datelineDone) {
      inner = `${tx('span', p.dateline, { class: 'dateline' })}${inner}`;
      datelineDone = true;
    }
    if (last) inner += tx('span', p.endCredit, { class: 'end-credit' });
    const para = `<p>${inner}</p>`;
    return b.kind === 'quote' ? `<blockquote>${para}</blockquote>` : para;
  });
  const head = el(
    'head',
    {},
    el('meta', { charset: 'utf-8' }),
    tx('title', p.headline),
    p.abstract ? el('meta', { name: 'description', content: p.abstract }) : '',
    story.keywords.length > 0 ? el('meta', { name: 'keywords', content: story.keywords.join(',') }) : '',
  );
  const article = el(
    'article',
    {},
    el('header', {}, ...headerParts(story)),
    p.editorsNote ? tx('p', p.editorsNote, { class: 'editors-note' }) : '',
    ...story.photos.slice(0, 1).map(figure),
    ...body,
    ...story.photos.slice(1).map(figure),
  );
  return `<!DOCTYPE html>\n${el('html', { lang: 'zh-CN', xmlns: 'http://www.w3.org/1999/xhtml' }, head, el('body', {}, article))}\n`;
}

/** Inline styles of the 公众号 fragment: body 16 px as WeChat readers expect, indent 2 characters, justified. */
const WX = {
  section: 'margin:0;padding:0 8px;font-size:16px;line-height:1.75;color:#333;letter-spacing:0.5px;text-align:justify;',
  kicker: 'margin:0 0 4px;font-size:15px;color:#666;text-align:center;',
  h1: 'margin:0 0 6px;font-size:22px;line-height:1.4;font-weight:bold;color:#111;text-align:center;',
  subheadline: 'margin:0 0 16px;font-size:15px;color:#555;text-align:center;',
  byline: 'margin:0 0 16px;font-size:14px;color:#888;text-align:center;',
  note: 'margin:0 0 16px;padding:8px 12px;font-size:15px;color:#555;background:#f6f6f6;border-left:3px solid #c8161d;',
  p: 'margin:0 0 1em;text-indent:2em;',
  h2: 'margin:1.5em 0 1em;font-size:17px;font-weight:bold;color:#c8161d;text-align:center;',
  quote: 'margin:0 0 1em;padding:0 0 0 12px;border-left:3px solid #ddd;color:#555;',
  dateline: 'font-weight:bold;',
  img: 'display:block;width:100%;height:auto;margin:0 auto;',
  caption: 'margin:6px 0 1.5em;font-size:14px;color:#888;text-align:center;text-indent:0;',
  endCredit: 'color:#888;',
} as const;

export function buildWechatHtml(story: ExportStory): string {
  const p = story.printed;
  let datelineDone = p.dateline === '';
  const photo = (ph: ExportStory['photos'][number]) =>
    `${el('p', { style: 'margin:0;text-align:center;' }, el('img', { src: ph.href, alt: ph.caption, style: WX.img }))}${tx('p', ph.printedCaption, { style: WX.caption })}`;
  const parts = [
    p.kicker ? tx('p', p.kicker, { style: WX.kicker }) : '',
    tx('h1', p.headline, { style: WX.h1 }),
    p.subheadline ? tx('p', p.subheadline, { style: WX.subheadline }) : '',
    p.bylineLine ? tx('p', p.bylineLine, { style: WX.byline }) : '',
    p.editorsNote ? tx('p', p.editorsNote, { style: WX.note }) : '',
    ...story.photos.slice(0, 1).map(photo),
    ...p.blocks.map((b, i) => {
      if (b.kind === 'h') return tx('h2', b.text, { style: WX.h2 });
      let inner = xmlText(b.text);
      if (!datelineDone) {
        inner = `${tx('strong', p.dateline, { style: WX.dateline })}${inner}`;
        datelineDone = true;
      }
      if (i === p.blocks.length - 1 && p.endCredit) inner += tx('span', p.endCredit, { style: WX.endCredit });
      return `<p style="${b.kind === 'quote' ? WX.quote : WX.p}">${inner}</p>`;
    }),
    ...story.photos.slice(1).map(photo),
  ];
  return `${el('section', { style: WX.section }, ...parts)}\n`;
}
