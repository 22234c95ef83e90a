import yauzl from 'yauzl';

/** One part of a .docx, inflated: a story's document.xml is a few MB; this leaves room for a whole edition. */
const MAX_DOCX_PART_BYTES = 24 * 1024 * 1024;
/** Every part of one file together, inflated (photos included: a .docx's limit is 20 MB compressed). */
export const MAX_DOCX_INFLATED_BYTES = 64 * 1024 * 1024;
const MAX_DOCX_ENTRIES = 5000;

/** The file inflates past the limits: refused with the sentence the caller builds. */
export class DocxTooLarge extends Error {}
/** The zip is not what it claims (sizes that lie, a broken directory): a damaged file. */
class DocxDamaged extends Error {}

function fromBuffer(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(new DocxDamaged(error?.message ?? 'not a zip')) : resolve(zip),
    ),
  );
}

function entries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const found: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      found.push(entry);
      if (found.length > MAX_DOCX_ENTRIES) {
        zip.close();
        reject(new DocxTooLarge(`more than ${MAX_DOCX_ENTRIES} parts`));
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    zip.on('error', (error: Error) => reject(new DocxDamaged(error.message)));
    zip.readEntry();
  });
}

/** Inflates an entry only to count its bytes, stopping at `limit`; yauzl stops at the size the entry declares. */
function inflatedSize(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(new DocxDamaged(error?.message ?? 'unreadable part'));
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          stream.destroy();
          reject(new DocxTooLarge(`${entry.fileName} inflates past ${limit} bytes`));
        }
      });
      stream.on('end', () => resolve(size));
      stream.on('error', (streamError: Error) => reject(new DocxDamaged(streamError.message)));
    });
  });
}

/**
 * Checks, before mammoth reads a .docx, that no part inflates past MAX_DOCX_PART_BYTES and all of
 * them together past MAX_DOCX_INFLATED_BYTES: a 1 MB file can hold a gigabyte of repeated XML, and
 * mammoth (through JSZip) inflates and parses a part whole. The sizes the zip's directory declares
 * are checked first; then every part is inflated once and counted without being kept, since the
 * declared sizes can lie (yauzl stops a part that outgrows its declared size). What mammoth then
 * inflates is exactly what was counted here.
 */
export async function assertDocxInflationBounded(bytes: Buffer): Promise<void> {
  const zip = await fromBuffer(bytes);
  try {
    const parts = (await entries(zip)).filter((entry) => !entry.fileName.endsWith('/'));
    let declared = 0;
    for (const entry of parts) {
      if (entry.uncompressedSize > MAX_DOCX_PART_BYTES) throw new DocxTooLarge(`${entry.fileName} declares ${entry.uncompressedSize} bytes`);
      declared += entry.uncompressedSize;
    }
    if (declared > MAX_DOCX_INFLATED_BYTES) throw new DocxTooLarge(`the parts declare ${declared} bytes`);
    let total = 0;
    for (const entry of parts) {
      total += await inflatedSize(zip, entry, Math.min(MAX_DOCX_PART_BYTES, MAX_DOCX_INFLATED_BYTES - total));
    }
  } finally {
    zip.close();
  }
}
