/** What a saved file is, for the save dialog's filter and the download's type. */
export interface FileKind {
  name: string;
  extensions: string[];
  mime: string;
}

export const CSV_FILE: FileKind = { name: 'CSV', extensions: ['csv'], mime: 'text/csv;charset=utf-8' };
export const JPEG_FILE: FileKind = { name: 'JPEG', extensions: ['jpg', 'jpeg'], mime: 'image/jpeg' };
export const PDF_FILE: FileKind = { name: 'PDF', extensions: ['pdf'], mime: 'application/pdf' };
export const JSON_FILE: FileKind = { name: 'JSON', extensions: ['json'], mime: 'application/json' };

/** Base64 from the API → bytes, for a blob: URL (allowed by the page's CSP in both hosts) or a saved file. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves where the user chooses: the desktop app's save dialog, or the browser's download. */
export async function saveFile(fileName: string, data: Uint8Array<ArrayBuffer>, kind: FileKind): Promise<void> {
  if (window.newsroom) {
    await window.newsroom.saveFile({ suggestedName: fileName, data, filters: [{ name: kind.name, extensions: kind.extensions }] });
    return;
  }
  const url = URL.createObjectURL(new Blob([data], { type: kind.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked a moment later: the browser reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XML_FILE: FileKind = { name: 'XML', extensions: ['xml'], mime: 'application/xml' };
export const ICML_FILE: FileKind = { name: 'InCopy (ICML)', extensions: ['icml'], mime: 'application/vnd.adobe.incopy-icml+xml' };
export const HTML_FILE: FileKind = { name: 'HTML', extensions: ['html', 'htm'], mime: 'text/html;charset=utf-8' };
