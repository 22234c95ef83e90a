/**
 * A short, stable hash of a paragraph's printable text (cyrb53, 14 hex digits). It names a
 * paragraph for "ignore in this story" on both sides — the editor hashes the paragraph the user
 * sees, the main side the saved one — so it must be pure and identical everywhere. It is an
 * identifier, not a security boundary: a collision only makes an ignore apply where it was not meant.
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}

export const TEXT_HASH_PATTERN = /^[0-9a-f]{14}$/;
