import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIim, readIim } from '../../../shared/photos/iim';
import { jpegIimBlock } from '../../../shared/photos/jpegSegments';
import { readPhotoMetadata } from '../../../electron/core/photos/readMetadata';
import { IPTC_REFERENCE, gb18030Iim, jpegWithIim } from './photoFixtures';

describe('the official IPTC reference image reads back every field it carries that we map', () => {
  it('XMP, IIM and EXIF merged into our fields', async () => {
    const m = await readPhotoMetadata(fs.readFileSync(IPTC_REFERENCE), 'jpeg');
    expect(m).toMatchObject({
      caption: 'The description aka caption (ref2017.1)',
      headline: 'The Headline (ref2017.1)',
      title: 'The Title (ref2017.1)',
      captionWriter: 'Description Writer (ref2017.1)',
      // XMP holds both creators; IIM's By-line only the first
      creators: ['Creator1 (ref2017.1)', 'Creator2 (ref2017.1)'],
      creatorJobTitle: "Creator's Job Title  (ref2017.1)",
      credit: 'Credit Line (ref2017.1)',
      source: 'Source (ref2017.1)',
      copyright: 'Copyright (Notice) 2017.1 IPTC - www.iptc.org  (ref2017.1)',
      keywords: ['Keyword1ref2017.1', 'Keyword2ref2017.1', 'Keyword3ref2017.1'],
      instructions: 'An Instruction (ref2017.1)',
      jobId: 'Job Id (ref2017.1)',
      sublocation: 'Sublocation (Core) (ref2017.1)',
      city: 'City (Core) (ref2017.1)',
      province: 'Province/State (Core) (ref2017.1)',
      country: 'Country (Core) (ref2017.1)',
      countryCode: 'R17',
      dateCreated: '2017-07-13T17:01:00+00:00',
    });
    expect(m.sources).toEqual(['xmp', 'iptc', 'exif']);
    // The reference image has no GPS and no camera make/model.
    expect(m.gps).toBeUndefined();
    expect(m.camera).toBeUndefined();
  });

  it('its IIM block alone gives the same values (our reader, not exifr)', () => {
    const iim = readIim(jpegIimBlock(fs.readFileSync(IPTC_REFERENCE))!);
    expect(iim).toMatchObject({
      caption: 'The description aka caption (ref2017.1)',
      creators: ['Creator1 (ref2017.1)'],
      creatorJobTitle: "Creator's Job Title  (ref2017.1)",
      credit: 'Credit Line (ref2017.1)',
      source: 'Source (ref2017.1)',
      keywords: ['Keyword1ref2017.1', 'Keyword2ref2017.1', 'Keyword3ref2017.1'],
      city: 'City (Core) (ref2017.1)',
      province: 'Province/State (Core) (ref2017.1',
      country: 'Country (Core) (ref2017.1)',
      dateCreated: '20170713',
      timeCreated: '170100+0000',
      headline: 'The Headline (ref2017.1)',
      title: 'The Title (ref2017.1)',
    });
  });
});

describe('IIM text encodings', () => {
  it('1:90 declaring UTF-8: Chinese comes back exactly', async () => {
    const file = await jpegWithIim(buildIim({ caption: '市民在江城公园赏花。', creators: ['陈光', '李明'], city: '江城', keywords: ['春天', '公园'] }));
    const m = await readPhotoMetadata(file, 'jpeg');
    expect(m).toMatchObject({ caption: '市民在江城公园赏花。', creators: ['陈光', '李明'], city: '江城', keywords: ['春天', '公园'] });
    expect(readIim(jpegIimBlock(file)!).charset).toBe('declared-utf-8');
  });

  it('GB18030 without 1:90 (a GBK-era desktop tool): read as GB18030, not as mojibake', async () => {
    const m = await readPhotoMetadata(await jpegWithIim(gb18030Iim()), 'jpeg');
    expect(m).toMatchObject({ caption: '市民在江城公园赏花。', creators: ['陈光'], city: '江城', province: '湖北' });
  });

  it('markup in metadata stays literal text', async () => {
    const file = await jpegWithIim(buildIim({ caption: '<img src=x onerror=alert(1)>说明\u0007' }));
    const m = await readPhotoMetadata(file, 'jpeg');
    expect(m.caption).toBe('<img src=x onerror=alert(1)>说明');
  });
});

describe('WebP', () => {
  it('reads the caption and creator from its XMP chunk and the camera from its EXIF chunk', async () => {
    const sharp = (await import('sharp')).default;
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">江滨公园的银杏叶黄了。</rdf:li></rdf:Alt></dc:description><dc:creator><rdf:Seq><rdf:li>陈光</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const webp = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } })
      .webp()
      .withXmp(xmp)
      .withExif({ IFD0: { Make: 'Nikon', Model: 'Z 8' } })
      .toBuffer();
    const m = await readPhotoMetadata(webp, 'webp');
    expect(m).toMatchObject({ caption: '江滨公园的银杏叶黄了。', creators: ['陈光'] });
    expect(m.camera).toMatchObject({ make: 'Nikon', model: 'Z 8' });
  });
});
