import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { ROOT, tempDataDir } from '../../support/hostProcess';
import { NEWSML_XSD, NITF_XSD, xmllint } from '../../support/xmllint';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dataDir: string;
let out: string;
let storyId: string;
let date: string;

beforeAll(async () => {
  dataDir = tempDataDir('newsroom-export-cli-');
  out = tempDataDir('newsroom-export-out-');
  const core = await openCore({ dataDir, demo: true });
  const { token } = await core.localSession('article.read');
  const call = async (method: string, input: unknown) => {
    const { response } = await core.dispatch({ sessionToken: token, transport: 'cli' }, method, input);
    if (!response.ok) throw new Error(response.error.message);
    return response.result as never;
  };
  const list = (await call('articles.list', { limit: 100 })) as { items: { id: string; headline: string }[] };
  storyId = list.items.find((a) => a.headline.startsWith('江城在京签约'))!.id;
  date = ((await call('layout.editions', {})) as { date: string }[])[0]!.date;
  await core.close();
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

describe('npm run cli -- export', { timeout: 180_000 }, () => {
  it('writes a story in each format, and the edition as a package; the XML validates', () => {
    for (const format of ['newsml', 'nitf', 'icml', 'html', 'wechat']) {
      const file = path.join(out, `story.${format}`);
      const run = cli('export', '--story', storyId, '--format', format, '--out', file, '--data-dir', dataDir);
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe(`已导出（${format}）：${file}`);
      const text = fs.readFileSync(file, 'utf8');
      expect(xmllint(text, format === 'nitf' ? NITF_XSD : format === 'newsml' ? NEWSML_XSD : undefined), format).toBe('');
    }
    const edition = path.join(out, 'edition.xml');
    expect(cli('export', '--edition', date, '--out', edition, '--data-dir', dataDir).status).toBe(0);
    expect(xmllint(fs.readFileSync(edition, 'utf8'), NEWSML_XSD)).toBe('');
  });

  it('refuses an unknown format, a missing story and a folder that does not exist, one line each, writing nothing', () => {
    const file = path.join(out, 'never.xml');
    const format = cli('export', '--story', storyId, '--format', 'docx', '--out', file, '--data-dir', dataDir);
    expect(format.status).not.toBe(0);
    expect(format.stderr.trim()).toBe('--format docx 不是可导出的格式：只能是 newsml、nitf、icml、html、wechat。');
    const missing = cli('export', '--story', '01935f6e-0000-7000-8000-0000000000aa', '--format', 'nitf', '--out', file, '--data-dir', dataDir);
    expect(missing.stderr.trim()).toBe('找不到这篇稿件，可能已被删除。');
    const folder = cli('export', '--story', storyId, '--format', 'nitf', '--out', path.join(out, 'no', 'such.xml'), '--data-dir', dataDir);
    expect(folder.stderr.trim()).toContain('不存在');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('imports wire copy (.xml) with its parts, and proofs every page of an edition into a folder, colour or grey', () => {
    const wire = cli('import', path.join(ROOT, 'tests', 'fixtures', 'wire', 'xinhua-newsml-g2.xml'), '--data-dir', dataDir, '--json');
    expect(wire.status).toBe(0);
    const { articles } = JSON.parse(wire.stdout) as { articles: { headline: string; kicker: string; dateline: string }[] };
    expect(articles[0]).toMatchObject({ kicker: '农业农村部：', headline: '今冬“菜篮子”产品供应充足', dateline: '新华社北京11月27日电（记者 于文静 王立彬）' });
    const proofs = path.join(out, 'proofs');
    fs.mkdirSync(proofs);
    const all = cli('proof', '--edition', date, '--all', '--grey', '--out', proofs, '--data-dir', dataDir, '--json');
    expect(all.status).toBe(0);
    const { pages } = JSON.parse(all.stdout) as { pages: { page: number; out: string; warnings: string[] }[] };
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    expect(fs.readdirSync(proofs).sort()).toEqual([1, 2, 3, 4].map((n) => `${date}-第${n}版-大样-黑白.pdf`).sort());
  });
});
