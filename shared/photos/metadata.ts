/**
 * What a photo file says about itself, mapped to our fields (anchors.md, "Photos"): XMP first, then
 * IPTC IIM, then EXIF — XMP is Unicode by definition, IIM only when 1:90 says so, and EXIF's
 * ImageDescription/Artist are ASCII in most cameras.
 */
import type { IimRecord } from './iim';

export interface GpsPosition {
  latitude: number;
  longitude: number;
  altitude?: number;
}

interface CameraInfo {
  make?: string;
  model?: string;
  lens?: string;
}

export interface PhotoMetadata {
  caption?: string;
  headline?: string;
  title?: string;
  captionWriter?: string;
  creators: string[];
  creatorJobTitle?: string;
  credit?: string;
  source?: string;
  copyright?: string;
  keywords: string[];
  instructions?: string;
  jobId?: string;
  sublocation?: string;
  city?: string;
  province?: string;
  country?: string;
  countryCode?: string;
  /** ISO 8601 as the file gives it (a time zone only when the file has one). */
  dateCreated?: string;
  gps?: GpsPosition;
  camera?: CameraInfo;
  /** Where the caption came from, for the import report. */
  sources: ('xmp' | 'iptc' | 'exif')[];
}

/** XMP fields we read, already flattened (lang-alt → x-default text, arrays → string[]). */
export interface XmpFields {
  description?: string;
  title?: string;
  creators?: string[];
  rights?: string;
  subject?: string[];
  headline?: string;
  captionWriter?: string;
  authorsPosition?: string;
  credit?: string;
  source?: string;
  instructions?: string;
  transmissionReference?: string;
  city?: string;
  state?: string;
  country?: string;
  countryCode?: string;
  location?: string;
  dateCreated?: string;
}

export interface ExifFields {
  imageDescription?: string;
  artist?: string;
  copyright?: string;
  dateTimeOriginal?: string;
  make?: string;
  model?: string;
  lens?: string;
  gps?: GpsPosition;
}

// Control characters other than tab and newline are never meaningful in a caption; a file can carry them.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const MAX_TEXT = 4000;

/** Text from a file is data: trimmed, control characters dropped, bounded. Markup stays literal text. */
function cleanMetadataText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = value.replace(CONTROL, '').trim().slice(0, MAX_TEXT);
  return t === '' ? undefined : t;
}

function cleanList(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((v) => cleanMetadataText(v)).filter((v): v is string => v !== undefined);
}

/** IIM 2:55 CCYYMMDD (+ 2:60 HHMMSS±HHMM) → ISO 8601. */
export function iimDateToIso(date: string | undefined, time: string | undefined): string | undefined {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date ?? '');
  if (!d) return undefined;
  const day = `${d[1]}-${d[2]}-${d[3]}`;
  const t = /^(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?$/.exec(time ?? '');
  if (!t) return day;
  return `${day}T${t[1]}:${t[2]}:${t[3]}${t[4] ? `${t[4]}${t[5]}:${t[6]}` : ''}`;
}

/** EXIF "YYYY:MM:DD HH:MM:SS" → ISO 8601 without a zone (EXIF 2.2 has none). */
function exifDateToIso(value: string | undefined): string | undefined {
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : undefined;
}

export interface ExportExif {
  IFD0: Record<string, string>;
  IFD2: Record<string, string>;
}

/**
 * The camera EXIF an exported photo carries: make, model, lens and when it was taken. Not GPS,
 * which can give away where a source was standing, and not the original's orientation: the
 * export is already upright. EXIF strings are ASCII, so a value that is not is left out.
 */
export function exifForExport(m: PhotoMetadata): ExportExif {
  const ascii = (v: string | undefined) => (v !== undefined && /^[\x20-\x7e]+$/.test(v) ? v : undefined);
  const IFD0: Record<string, string> = {};
  const IFD2: Record<string, string> = {};
  const make = ascii(m.camera?.make);
  const model = ascii(m.camera?.model);
  const lens = ascii(m.camera?.lens);
  if (make) IFD0['Make'] = make;
  if (model) IFD0['Model'] = model;
  if (lens) IFD2['LensModel'] = lens;
  const taken = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(m.dateCreated ?? '');
  if (taken) IFD2['DateTimeOriginal'] = `${taken[1]}:${taken[2]}:${taken[3]} ${taken[4] ?? '00'}:${taken[5] ?? '00'}:${taken[6] ?? '00'}`;
  return { IFD0, IFD2 };
}

function first(...values: (string | undefined)[]): string | undefined {
  for (const v of values) {
    const c = cleanMetadataText(v);
    if (c !== undefined) return c;
  }
  return undefined;
}

function firstList(...lists: (readonly string[] | undefined)[]): string[] {
  for (const l of lists) {
    const c = cleanList(l);
    if (c.length > 0) return c;
  }
  return [];
}

export function mergeMetadata(sources: { xmp?: XmpFields; iim?: IimRecord; exif?: ExifFields }): PhotoMetadata {
  const x = sources.xmp ?? {};
  const i = sources.iim ?? { charset: 'undeclared' as const };
  const e = sources.exif ?? {};
  const camera: CameraInfo = {};
  if (cleanMetadataText(e.make)) camera.make = cleanMetadataText(e.make);
  if (cleanMetadataText(e.model)) camera.model = cleanMetadataText(e.model);
  if (cleanMetadataText(e.lens)) camera.lens = cleanMetadataText(e.lens);
  const out: PhotoMetadata = {
    caption: first(x.description, i.caption, e.imageDescription),
    headline: first(x.headline, i.headline),
    title: first(x.title, i.title),
    captionWriter: first(x.captionWriter, i.captionWriter),
    creators: firstList(x.creators, i.creators, e.artist ? [e.artist] : undefined),
    creatorJobTitle: first(x.authorsPosition, i.creatorJobTitle),
    credit: first(x.credit, i.credit),
    source: first(x.source, i.source),
    copyright: first(x.rights, i.copyright, e.copyright),
    keywords: firstList(x.subject, i.keywords),
    instructions: first(x.instructions, i.instructions),
    jobId: first(x.transmissionReference, i.jobId),
    sublocation: first(x.location, i.sublocation),
    city: first(x.city, i.city),
    province: first(x.state, i.province),
    country: first(x.country, i.country),
    countryCode: first(x.countryCode, i.countryCode),
    dateCreated: first(x.dateCreated, iimDateToIso(i.dateCreated, i.timeCreated), exifDateToIso(e.dateTimeOriginal)),
    gps: e.gps,
    camera: Object.keys(camera).length > 0 ? camera : undefined,
    sources: [],
  };
  if (Object.values(x).some((v) => v !== undefined)) out.sources.push('xmp');
  if (Object.keys(i).length > 1) out.sources.push('iptc');
  if (Object.values(e).some((v) => v !== undefined)) out.sources.push('exif');
  for (const key of Object.keys(out) as (keyof PhotoMetadata)[]) if (out[key] === undefined) delete out[key];
  return out;
}

/** Words the library search matches: caption, creators, keywords, credit and place. */
export function searchTextOf(m: Pick<PhotoMetadata, 'creators' | 'keywords' | 'city' | 'province' | 'credit' | 'source'>, caption: string, photographers: readonly string[]): string {
  return [caption, ...photographers, ...m.creators, ...m.keywords, m.credit, m.source, m.city, m.province].filter(Boolean).join('\n').toLowerCase();
}
