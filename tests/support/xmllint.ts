import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMAS = fileURLToPath(new URL('../schemas/iptc/', import.meta.url));
export const NITF_XSD = path.join(SCHEMAS, 'nitf-3-6.xsd');
/** NewsML-G2 with the NITF it carries inline. */
export const NEWSML_XSD = path.join(SCHEMAS, 'newsml-g2-with-nitf.xsd');

/** xmllint's verdict on a document: '' when it validates against the schema (or, without one, is well-formed), else its complaint. */
export function xmllint(text: string, schema?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xmllint-'));
  const file = path.join(dir, 'doc.xml');
  fs.writeFileSync(file, text);
  try {
    const run = spawnSync('xmllint', ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), file], { encoding: 'utf8' });
    if (run.error) throw new Error(`xmllint 无法运行（请安装 libxml2-utils）：${run.error.message}`);
    return run.status === 0 ? '' : run.stderr.trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
