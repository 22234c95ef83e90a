/**
 * IPTC IIM (the "IPTC" block of a JPEG) read and written by hand, because its text encoding is
 * declared inside the block (record 1:90, CodedCharacterSet) and general readers ignore it:
 * a Chinese caption written as UTF-8 or as GB18030 must both come back as the same characters.
 *
 * A dataset is 0x1C, record, dataset number, a 2-byte length (extended lengths — high bit set —
 * are only used for binary objects we skip) and the bytes.
 */

import { concatBytes } from './bytes';

/** ESC % G: ISO 2022 for "UTF-8" — the only value 1:90 carries in practice for Unicode. */
const UTF8_CODED_CHARACTER_SET = Uint8Array.of(0x1b, 0x25, 0x47);

interface IimDataset {
  record: number;
  dataset: number;
  data: Uint8Array;
}

type IimCharset = 'utf-8' | 'gb18030' | 'latin1';

function parseIimDatasets(bytes: Uint8Array): IimDataset[] {
  const out: IimDataset[] = [];
  let i = 0;
  while (i + 5 <= bytes.length && bytes[i] === 0x1c) {
    const record = bytes[i + 1]!;
    const dataset = bytes[i + 2]!;
    let length = (bytes[i + 3]! << 8) | bytes[i + 4]!;
    let start = i + 5;
    if (length & 0x8000) {
      // Extended dataset: the low bits give how many bytes hold the real length.
      const lengthBytes = length & 0x7fff;
      if (lengthBytes > 4 || start + lengthBytes > bytes.length) break;
      length = 0;
      for (let k = 0; k < lengthBytes; k++) length = length * 256 + bytes[start + k]!;
      start += lengthBytes;
    }
    if (start + length > bytes.length) break;
    out.push({ record, dataset, data: bytes.subarray(start, start + length) });
    i = start + length;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, k) => v === b[k]);
}

/**
 * The charset of the text datasets. 1:90 = ESC % G means UTF-8. Without it the standard says
 * ISO 8859-1, but Chinese desktop tools write the system code page (GBK) undeclared, so bytes
 * that are valid UTF-8 are read as UTF-8, anything else as GB18030 (a superset of GBK).
 */
function iimCharset(datasets: readonly IimDataset[]): IimCharset | 'sniff' {
  const declared = datasets.find((d) => d.record === 1 && d.dataset === 90);
  if (declared && sameBytes(declared.data, UTF8_CODED_CHARACTER_SET)) return 'utf-8';
  return 'sniff';
}

function decodeIimText(data: Uint8Array, charset: IimCharset | 'sniff'): string {
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(data);
  if (charset === 'latin1') return new TextDecoder('latin1').decode(data);
  if (charset === 'gb18030') return new TextDecoder('gb18030').decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** Record 2 datasets we map (anchors.md); repeatable ones collect into arrays. */
const IIM_FIELDS = {
  title: 5,
  keywords: 25,
  instructions: 40,
  dateCreated: 55,
  timeCreated: 60,
  creators: 80,
  creatorJobTitle: 85,
  city: 90,
  sublocation: 92,
  province: 95,
  countryCode: 100,
  country: 101,
  jobId: 103,
  headline: 105,
  credit: 110,
  source: 115,
  copyright: 116,
  caption: 120,
  captionWriter: 122,
} as const;
export type IimField = keyof typeof IIM_FIELDS;

const REPEATABLE = new Set<IimField>(['keywords', 'creators']);

export type IimRecord = Partial<Record<Exclude<IimField, 'keywords' | 'creators'>, string>> & {
  keywords?: string[];
  creators?: string[];
  charset: 'declared-utf-8' | 'undeclared';
};

export function readIim(bytes: Uint8Array): IimRecord {
  const datasets = parseIimDatasets(bytes);
  const charset = iimCharset(datasets);
  const out: IimRecord = { charset: charset === 'utf-8' ? 'declared-utf-8' : 'undeclared' };
  const byNumber = new Map<number, IimField>(Object.entries(IIM_FIELDS).map(([k, v]) => [v, k as IimField]));
  for (const d of datasets) {
    if (d.record !== 2) continue;
    const field = byNumber.get(d.dataset);
    if (!field) continue;
    const text = decodeIimText(d.data, charset).replace(/\0+$/, '').trim();
    if (text === '') continue;
    if (REPEATABLE.has(field)) {
      const list = (out[field as 'keywords' | 'creators'] ??= []);
      list.push(text);
    } else {
      (out as Record<string, unknown>)[field] = text;
    }
  }
  return out;
}

function dataset(record: number, number: number, data: Uint8Array): Uint8Array {
  if (data.length > 0x7fff) throw new RangeError(`IPTC 字段 ${record}:${number} 过长`);
  const out = new Uint8Array(5 + data.length);
  out.set([0x1c, record, number, data.length >> 8, data.length & 0xff]);
  out.set(data, 5);
  return out;
}

/** IIM text fields written as UTF-8 with 1:90 declaring it, so every reader agrees on the characters. */
export function buildIim(fields: Partial<Record<IimField, string | readonly string[]>>): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [
    dataset(1, 0, Uint8Array.of(0, 4)), // 1:00 Envelope record version 4
    dataset(1, 90, UTF8_CODED_CHARACTER_SET),
    dataset(2, 0, Uint8Array.of(0, 4)), // 2:00 Application record version 4
  ];
  for (const [field, number] of Object.entries(IIM_FIELDS) as [IimField, number][]) {
    const value = fields[field];
    if (value === undefined) continue;
    for (const text of typeof value === 'string' ? [value] : value) {
      if (text.trim() !== '') parts.push(dataset(2, number, encoder.encode(text)));
    }
  }
  return concatBytes(parts);
}
