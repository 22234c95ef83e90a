import { MAX_DOCX_BYTES } from '../../../shared/api/methods/importing';
import { decodeText as decodeBytes } from '../../../shared/import/decodeText';

export type ImportFileKind = 'txt' | 'docx' | 'xml';

/** Why a file cannot be read; the screen turns the code into a sentence in the UI's language. */
export class ImportFileError extends Error {
  constructor(
    readonly code: 'type' | 'oldWord' | 'tooLarge' | 'empty' | 'binary' | 'encoding',
    readonly fileName: string,
  ) {
    super(code);
    this.name = 'ImportFileError';
  }
}

export function fileKind(fileName: string): ImportFileKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.xml')) return 'xml';
  throw new ImportFileError(lower.endsWith('.doc') ? 'oldWord' : 'type', fileName);
}

export function checkSize(fileName: string, size: number): void {
  if (size === 0) throw new ImportFileError('empty', fileName);
  if (size > MAX_DOCX_BYTES) throw new ImportFileError('tooLarge', fileName);
}

export function decodeText(bytes: Uint8Array, fileName: string): string {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new ImportFileError(decoded.reason, fileName);
  return decoded.text;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with 20 MB of arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
