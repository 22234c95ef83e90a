/**
 * An XMP packet carrying what the desk wrote (caption, credit, creators, keywords, place, date),
 * with the same names as the IIM block (anchors.md), so tools that prefer XMP agree with those
 * that read IIM.
 */

export interface XmpWrite {
  caption: string;
  creators: readonly string[];
  credit: string;
  source?: string;
  copyright?: string;
  keywords: readonly string[];
  city?: string;
  province?: string;
  country?: string;
  dateCreated?: string;
  headline?: string;
  captionWriter?: string;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function alt(name: string, value: string | undefined): string {
  if (!value) return '';
  return `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${name}>`;
}

function list(name: string, kind: 'Seq' | 'Bag', values: readonly string[]): string {
  if (values.length === 0) return '';
  return `<${name}><rdf:${kind}>${values.map((v) => `<rdf:li>${escapeXml(v)}</rdf:li>`).join('')}</rdf:${kind}></${name}>`;
}

function simple(name: string, value: string | undefined): string {
  return value ? `<${name}>${escapeXml(value)}</${name}>` : '';
}

export function buildXmpPacket(m: XmpWrite): string {
  const body = [
    alt('dc:description', m.caption),
    list('dc:creator', 'Seq', m.creators),
    alt('dc:rights', m.copyright),
    list('dc:subject', 'Bag', m.keywords),
    simple('photoshop:Credit', m.credit),
    simple('photoshop:Source', m.source),
    simple('photoshop:City', m.city),
    simple('photoshop:State', m.province),
    simple('photoshop:Country', m.country),
    simple('photoshop:DateCreated', m.dateCreated),
    simple('photoshop:Headline', m.headline),
    simple('photoshop:CaptionWriter', m.captionWriter),
  ].join('');
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">' +
    body +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  );
}
