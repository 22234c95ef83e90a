export type DecodedText = { ok: true; text: string } | { ok: false; reason: 'binary' | 'encoding' };

/**
 * Chinese .txt files are UTF-8, or GBK (what Windows saves as “ANSI”; GB18030
 * is its superset), or UTF-16 with a byte-order mark (Notepad's “Unicode”).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes) };
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
    } catch {
      // the next encoding
    }
  }
  return { ok: false, reason: 'encoding' };
}
