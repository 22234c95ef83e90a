import { base64ToBytes } from '../api/saveFile';

export function blobUrl(base64: string, mime: string): string {
  return URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mime }));
}
