/** Base64 from the API → bytes, for a blob: URL (allowed by the page's CSP in both hosts) or a download. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function blobUrl(base64: string, mime: string): string {
  return URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mime }));
}

/** The desktop app's save dialog, or the browser's download. */
export async function saveJpeg(fileName: string, base64: string): Promise<void> {
  const data = base64ToBytes(base64);
  if (window.newsroom) {
    await window.newsroom.saveFile({ suggestedName: fileName, data, filters: [{ name: 'JPEG', extensions: ['jpg', 'jpeg'] }] });
    return;
  }
  const url = URL.createObjectURL(new Blob([data], { type: 'image/jpeg' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
