/**
 * JPEG marker segments: where IPTC (APP13, Photoshop image resource 0x0404) and XMP (APP1 with
 * Adobe's namespace) sit, and how to replace them without re-encoding a pixel.
 */

import { concatBytes } from './bytes';

const PHOTOSHOP_SIGNATURE = 'Photoshop 3.0\0';
const XMP_SIGNATURE = 'http://ns.adobe.com/xap/1.0/\0';
const IPTC_RESOURCE = 0x0404;
/** MD5 of the IIM block; a stale one makes readers distrust the IIM, so it is dropped on rewrite. */
const IPTC_DIGEST_RESOURCE = 0x0425;

export interface JpegSegment {
  marker: number;
  /** Offset of the 0xFF of the marker. */
  start: number;
  /** Offset just past the segment. */
  end: number;
  payload: Uint8Array;
}

function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** The header segments up to the start of scan (SOS); the image data after it is not walked. */
export function jpegHeaderSegments(bytes: Uint8Array): JpegSegment[] {
  if (!isJpeg(bytes)) return [];
  const out: JpegSegment[] = [];
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    const end = i + 2 + length;
    if (length < 2 || end > bytes.length) break;
    out.push({ marker, start: i, end, payload: bytes.subarray(i + 4, end) });
    if (marker === 0xda) break;
    i = end;
  }
  return out;
}

function startsWith(payload: Uint8Array, signature: string): boolean {
  if (payload.length < signature.length) return false;
  for (let k = 0; k < signature.length; k++) if (payload[k] !== signature.charCodeAt(k)) return false;
  return true;
}

interface ImageResource {
  id: number;
  name: Uint8Array;
  data: Uint8Array;
}

function parseImageResources(payload: Uint8Array): ImageResource[] {
  const out: ImageResource[] = [];
  let i = PHOTOSHOP_SIGNATURE.length;
  while (i + 12 <= payload.length && startsWith(payload.subarray(i), '8BIM')) {
    const id = (payload[i + 4]! << 8) | payload[i + 5]!;
    const nameLength = payload[i + 6]!;
    // Pascal string: length byte + characters, padded to an even total.
    const nameTotal = (nameLength + 1) % 2 === 0 ? nameLength + 1 : nameLength + 2;
    const sizeAt = i + 6 + nameTotal;
    if (sizeAt + 4 > payload.length) break;
    const size = ((payload[sizeAt]! << 24) >>> 0) + (payload[sizeAt + 1]! << 16) + (payload[sizeAt + 2]! << 8) + payload[sizeAt + 3]!;
    const dataAt = sizeAt + 4;
    if (dataAt + size > payload.length) break;
    out.push({ id, name: payload.subarray(i + 6, i + 6 + nameTotal), data: payload.subarray(dataAt, dataAt + size) });
    i = dataAt + size + (size % 2);
  }
  return out;
}

/** The IIM bytes of a JPEG (APP13 resource 0x0404), or null when it has none. */
export function jpegIimBlock(bytes: Uint8Array): Uint8Array | null {
  for (const segment of jpegHeaderSegments(bytes)) {
    if (segment.marker !== 0xed || !startsWith(segment.payload, PHOTOSHOP_SIGNATURE)) continue;
    const found = parseImageResources(segment.payload).find((r) => r.id === IPTC_RESOURCE);
    if (found) return found.data;
  }
  return null;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function segment(marker: number, payload: Uint8Array): Uint8Array {
  const length = payload.length + 2;
  if (length > 0xffff) throw new RangeError('元数据过大，无法写入 JPEG 文件头');
  return concatBytes([Uint8Array.of(0xff, marker, length >> 8, length & 0xff), payload]);
}

/** A header-only JPEG carrying an EXIF (TIFF) block and an XMP packet, for readers that take only JPEG. */
export function jpegCarrying(metadata: { exif: Uint8Array | null; xmp: Uint8Array | null }): Uint8Array {
  return concatBytes([
    Uint8Array.of(0xff, 0xd8),
    ...(metadata.exif ? [segment(0xe1, concatBytes([ascii('Exif\0\0'), metadata.exif]))] : []),
    ...(metadata.xmp ? [segment(0xe1, concatBytes([ascii(XMP_SIGNATURE), metadata.xmp]))] : []),
    Uint8Array.of(0xff, 0xd9),
  ]);
}

function imageResource(resource: ImageResource): Uint8Array {
  const size = resource.data.length;
  return concatBytes([
    ascii('8BIM'),
    Uint8Array.of(resource.id >> 8, resource.id & 0xff),
    resource.name,
    Uint8Array.of((size >>> 24) & 0xff, (size >> 16) & 0xff, (size >> 8) & 0xff, size & 0xff),
    resource.data,
    size % 2 === 1 ? Uint8Array.of(0) : new Uint8Array(0),
  ]);
}

/**
 * The same JPEG with its IIM and XMP replaced. Other Photoshop resources are kept; the image data
 * is copied byte for byte. The new segments go after APP0/APP1-EXIF, where readers look first.
 */
/** Without `xmp`, the file is left with no XMP (an IIM-only file, as older Chinese desktop tools write). */
export function replaceJpegMetadata(bytes: Uint8Array, metadata: { iim: Uint8Array; xmp?: string }): Uint8Array {
  const segments = jpegHeaderSegments(bytes);
  const sos = segments.find((s) => s.marker === 0xda);
  if (!sos) throw new RangeError('不是完整的 JPEG 文件');
  let keptResources: ImageResource[] = [];
  const kept: JpegSegment[] = [];
  for (const s of segments) {
    if (s.marker === 0xda) break;
    if (s.marker === 0xed && startsWith(s.payload, PHOTOSHOP_SIGNATURE)) {
      keptResources = parseImageResources(s.payload).filter((r) => r.id !== IPTC_RESOURCE && r.id !== IPTC_DIGEST_RESOURCE);
      continue;
    }
    if (s.marker === 0xe1 && startsWith(s.payload, XMP_SIGNATURE)) continue;
    kept.push(s);
  }
  const app13 = segment(
    0xed,
    concatBytes([
      ascii(PHOTOSHOP_SIGNATURE),
      ...keptResources.map(imageResource),
      imageResource({ id: IPTC_RESOURCE, name: Uint8Array.of(0, 0), data: metadata.iim }),
    ]),
  );
  const app1Xmp = metadata.xmp === undefined ? new Uint8Array(0) : segment(0xe1, concatBytes([ascii(XMP_SIGNATURE), new TextEncoder().encode(metadata.xmp)]));
  const leading = kept.filter((s) => s.marker === 0xe0 || (s.marker === 0xe1 && startsWith(s.payload, 'Exif\0')));
  const rest = kept.filter((s) => !leading.includes(s));
  return concatBytes([
    Uint8Array.of(0xff, 0xd8),
    ...leading.map((s) => bytes.subarray(s.start, s.end)),
    app1Xmp,
    app13,
    ...rest.map((s) => bytes.subarray(s.start, s.end)),
    bytes.subarray(sos.start),
  ]);
}
