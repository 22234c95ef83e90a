import zlib from 'node:zlib';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';

const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

/**
 * A minimal but real .docx (an OOXML zip) built in the test, so the Word paragraphs a test feeds in
 * are right there in the test. One entry per Word paragraph; '\n' inside an entry is a soft line
 * break (Shift+Enter, <w:br/>); '' is an empty paragraph.
 */
export function makeDocx(paragraphs: readonly string[]): Buffer {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const run = (text: string) =>
    text
      .split('\n')
      .map((part) => `<w:r><w:t xml:space="preserve">${escape(part)}</w:t></w:r>`)
      .join('<w:r><w:br/></w:r>');
  const body = paragraphs.map((p) => (p === '' ? '<w:p/>' : `<w:p>${run(p)}</w:p>`)).join('');
  return zip([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', PACKAGE_RELS],
    [
      'word/document.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body>${body}</w:body></w:document>`,
    ],
  ]);
}

interface ZipEntry {
  name: string;
  /** the deflated bytes */
  data: Buffer;
  crc: number;
  /** the size the entry inflates to */
  size: number;
  /** the size the zip's headers claim, when they lie */
  declaredSize?: number;
}

function entryOf(name: string, content: string): ZipEntry {
  const raw = Buffer.from(content, 'utf8');
  return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
}

/** A zip of deflated entries: local headers, the central directory, the end record. */
function zip(entries: [name: string, content: string][]): Buffer {
  return zipEntries(entries.map(([name, content]) => entryOf(name, content)));
}

function zipEntries(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBytes = Buffer.from(entry.name, 'utf8');
    const { data, crc } = entry;
    const size = entry.declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A decompression bomb: a small .docx whose word/document.xml inflates to `inflatedBytes` (one
 * paragraph of the same sentence over and over), deflated as a stream so building it never holds
 * the inflated text. `lie` makes the headers claim a 2 KB part.
 */
export async function makeBombDocx(inflatedBytes: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>',
  );
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const filler = Buffer.from('本报讯 江城市今天召开春耕生产动员会。'.repeat(20_000));
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const finished = new Promise((done) => deflate.on('end', done));
  let crc = zlib.crc32(head);
  let size = head.length;
  deflate.write(head);
  while (size + filler.length + tail.length <= inflatedBytes) {
    crc = zlib.crc32(filler, crc);
    size += filler.length;
    if (!deflate.write(filler)) await new Promise((done) => deflate.once('drain', done));
  }
  crc = zlib.crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await finished;
  const document: ZipEntry = { name: 'word/document.xml', data: Buffer.concat(out), crc, size, ...(options.lie ? { declaredSize: 2048 } : {}) };
  return zipEntries([entryOf('[Content_Types].xml', CONTENT_TYPES), entryOf('_rels/.rels', PACKAGE_RELS), document]);
}
