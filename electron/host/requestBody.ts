import type http from 'node:http';

export class BodyTooLarge extends Error {}

/**
 * A request body of at most `limit` bytes. A declared Content-Length over the limit is refused
 * before a byte is read; a chunked body is read only up to the limit. The caller answers with
 * `Connection: close`, so the rest is never read.
 */
export function readBoundedBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
