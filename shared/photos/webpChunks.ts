/**
 * The metadata chunks of a WebP file (RIFF): 'EXIF' holds a TIFF structure, 'XMP ' an XMP packet.
 * exifr does not read WebP containers, so these are handed to it re-wrapped as JPEG segments.
 */
export interface WebpMetadata {
  exif: Uint8Array | null;
  xmp: Uint8Array | null;
}

function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

export function webpMetadata(bytes: Uint8Array): WebpMetadata {
  const found: WebpMetadata = { exif: null, xmp: null };
  if (bytes.length < 12 || fourcc(bytes, 0) !== 'RIFF' || fourcc(bytes, 8) !== 'WEBP') return found;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A damaged size ends the walk: the chunks read so far are still good.
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = fourcc(bytes, at);
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size;
    if (end > bytes.length) break;
    const data = bytes.subarray(at + 8, end);
    if (id === 'EXIF') found.exif = startsWithExifHeader(data) ? data.subarray(6) : data;
    if (id === 'XMP ') found.xmp = data;
    at = end + (size % 2);
  }
  return found;
}

/** Some writers put JPEG's "Exif\0\0" in front of the TIFF structure. */
function startsWithExifHeader(data: Uint8Array): boolean {
  return data.length > 6 && data[0] === 0x45 && data[1] === 0x78 && data[2] === 0x69 && data[3] === 0x66 && data[4] === 0 && data[5] === 0;
}
