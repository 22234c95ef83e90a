import exifr from 'exifr';
import { readIim, type IimRecord } from '../../../shared/photos/iim';
import { jpegCarrying, jpegIimBlock } from '../../../shared/photos/jpegSegments';
import { webpMetadata } from '../../../shared/photos/webpChunks';
import { mergeMetadata, type ExifFields, type GpsPosition, type PhotoMetadata, type XmpFields } from '../../../shared/photos/metadata';

type Json = Record<string, unknown>;

/** Metadata no well-formed file carries: the photo is refused with this sentence. */
export class MetadataRefused extends Error {}

/**
 * exifr leaves XML character references in XMP text (Creator&#39;s …); a caption must show the
 * character. A reference to no character at all (beyond U+10FFFF, or half of a surrogate pair)
 * makes the XMP malformed.
 */
function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    const lower = ref.toLowerCase();
    if (!lower.startsWith('#')) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? whole;
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    if (!(code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
      throw new MetadataRefused(`图片的 XMP 元数据含有无效的字符引用（${whole.slice(0, 20)}），文件可能已损坏，未导入。`);
    }
    return String.fromCodePoint(code);
  });
}

/** XMP text in any of exifr's shapes: a string, a lang-alt {lang, value} or a list of them (x-default first). */
function xmpText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return decodeXmlText(String(value));
  if (Array.isArray(value)) {
    const preferred = value.find((v) => (v as Json)?.['lang'] === 'x-default') ?? value[0];
    return xmpText(preferred);
  }
  if (typeof value === 'object' && 'value' in (value as Json)) return xmpText((value as Json)['value']);
  return undefined;
}

function xmpList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value : [value];
  return items.map((v) => xmpText(v)).filter((v): v is string => v !== undefined);
}

function xmpFields(raw: Json): XmpFields {
  const dc = (raw['dc'] ?? {}) as Json;
  const ps = (raw['photoshop'] ?? {}) as Json;
  const core = (raw['Iptc4xmpCore'] ?? {}) as Json;
  return {
    description: xmpText(dc['description']),
    title: xmpText(dc['title']),
    creators: xmpList(dc['creator']),
    rights: xmpText(dc['rights']),
    subject: xmpList(dc['subject']),
    headline: xmpText(ps['Headline']),
    captionWriter: xmpText(ps['CaptionWriter']),
    authorsPosition: xmpText(ps['AuthorsPosition']),
    credit: xmpText(ps['Credit']),
    source: xmpText(ps['Source']),
    instructions: xmpText(ps['Instructions']),
    transmissionReference: xmpText(ps['TransmissionReference']),
    city: xmpText(ps['City']),
    state: xmpText(ps['State']),
    country: xmpText(ps['Country']),
    countryCode: xmpText(core['CountryCode']),
    location: xmpText(core['Location']),
    dateCreated: xmpText(ps['DateCreated']),
  };
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return undefined;
  return undefined;
}

/** EXIF dates come back as Date objects in local time; the file's own wall-clock text is what it means. */
function exifDate(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}:${p(value.getMonth() + 1)}:${p(value.getDate())} ${p(value.getHours())}:${p(value.getMinutes())}:${p(value.getSeconds())}`;
  }
  return undefined;
}

function gpsOf(raw: Json): GpsPosition | undefined {
  const gps = (raw['gps'] ?? {}) as Json;
  const latitude = gps['latitude'];
  const longitude = gps['longitude'];
  if (typeof latitude !== 'number' || typeof longitude !== 'number' || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  const out: GpsPosition = { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
  const altitude = gps['GPSAltitude'];
  if (typeof altitude === 'number' && Number.isFinite(altitude)) out.altitude = altitude * (gps['GPSAltitudeRef'] === 1 ? -1 : 1);
  return out;
}

function exifFields(raw: Json): ExifFields {
  const ifd0 = (raw['ifd0'] ?? {}) as Json;
  const exif = (raw['exif'] ?? {}) as Json;
  return {
    imageDescription: str(ifd0['ImageDescription']),
    artist: str(ifd0['Artist']),
    copyright: str(ifd0['Copyright']),
    dateTimeOriginal: exifDate(exif['DateTimeOriginal']) ?? exifDate(exif['CreateDate']),
    make: str(ifd0['Make']),
    model: str(ifd0['Model']),
    lens: str(exif['LensModel']),
    gps: gpsOf(raw),
  };
}

/**
 * XMP and EXIF through exifr; IIM by our reader (shared/photos/iim.ts), which honours 1:90.
 * A file whose metadata is damaged still imports: the pixels are what the desk needs.
 */
export async function readPhotoMetadata(bytes: Buffer, format: string): Promise<PhotoMetadata> {
  let raw: Json = {};
  try {
    // exifr does not read WebP: its EXIF and XMP chunks are handed over as a header-only JPEG.
    const source = format === 'webp' ? Buffer.from(jpegCarrying(webpMetadata(bytes))) : bytes;
    raw = ((await exifr.parse(source, { tiff: true, exif: true, gps: true, xmp: true, iptc: format !== 'jpeg', ifd1: false, mergeOutput: false, reviveValues: true })) ?? {}) as Json;
  } catch (error) {
    console.error('[newsroom] photo metadata unreadable:', (error as Error).message);
  }
  let iim: IimRecord | undefined;
  const block = format === 'jpeg' ? jpegIimBlock(bytes) : null;
  if (block) iim = readIim(block);
  else if (raw['iptc']) iim = iimFromExifr(raw['iptc'] as Json);
  return mergeMetadata({ xmp: xmpFields(raw), iim, exif: exifFields(raw) });
}

/** TIFF/PNG/WebP carry IIM rarely and without 1:90 in practice; exifr's reading is used for them. */
function iimFromExifr(iptc: Json): IimRecord {
  const list = (v: unknown) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map(String));
  const text = (v: unknown) => (v === undefined ? undefined : String(v));
  return {
    charset: 'undeclared',
    caption: text(iptc['Caption']),
    headline: text(iptc['Headline']),
    title: text(iptc['ObjectName']),
    creators: list(iptc['Byline']),
    creatorJobTitle: text(iptc['BylineTitle']),
    credit: text(iptc['Credit']),
    source: text(iptc['Source']),
    copyright: text(iptc['CopyrightNotice']),
    keywords: list(iptc['Keywords']),
    city: text(iptc['City']),
    province: text(iptc['State']),
    country: text(iptc['Country']),
    dateCreated: text(iptc['DateCreated']),
    timeCreated: text(iptc['TimeCreated']),
  };
}
