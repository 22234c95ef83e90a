import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  file: string;
  type: string;
}

/**
 * Maps a URL path to a file inside root, or null. Decoding happens before the
 * containment check so %2e%2e cannot climb out; unknown paths fall back to the
 * app shell so client-side routes reload. Only the types above are served: a
 * source map (.map) or anything else the build leaves beside them is not.
 */
export function resolveStatic(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const resolvedRoot = path.resolve(root);
  const candidate = path.resolve(resolvedRoot, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== resolvedRoot && !candidate.startsWith(resolvedRoot + path.sep)) return null;
  let file = candidate;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    if (path.extname(decoded) !== '') return null;
    file = path.join(resolvedRoot, 'index.html');
    if (!fs.existsSync(file)) return null;
  }
  const type = TYPES[path.extname(file).toLowerCase()];
  return type === undefined ? null : { file, type };
}
