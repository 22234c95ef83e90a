import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness } from '../../support/coreHarness';
import { mountTmpfs, type Tmpfs } from '../../support/tmpfs';
import { blocksToDoc } from '../../../shared/document/docText';

let mounted: Tmpfs | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

function mountOrSkip(sizeKb: number, skip: (reason: string) => void): Tmpfs {
  const result = mountTmpfs(sizeKb);
  if (typeof result === 'string') {
    skip(result);
    throw new Error('unreachable');
  }
  mounted = result;
  return result;
}

describe('a data folder that cannot be written', () => {
  it('opens for reading, refuses writes with a clear message, and leaves the files alone', async (ctx) => {
    const fsMount = mountOrSkip(20_000, (r) => ctx.skip(r));
    const dataDir = path.join(fsMount.dir, 'newsroom');
    const first = await openHarness({ demo: true, dataDir });
    await first.close();
    fsMount.remountReadOnly();
    const before = fs.readFileSync(path.join(dataDir, 'newsroom.db'));

    const harness = await openHarness({ dataDir });
    expect(harness.core.readOnlyReason).toMatch(/只读/);
    const reporter = await harness.as('reporter');
    const list = await reporter.call('articles.list', {});
    expect(list.total).toBeGreaterThanOrEqual(10);
    const refused = await reporter.raw('articles.create', { headline: '只读时写稿' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'READ_ONLY', message: expect.stringContaining('无法保存') });
    const info = await reporter.call('system.info', {});
    expect(info.readOnly).toBe(true);
    await harness.close();
    expect(fs.readFileSync(path.join(dataDir, 'newsroom.db')).equals(before)).toBe(true);
  });

  it('removes the private copy it read from once the database is closed', async (ctx) => {
    const fsMount = mountOrSkip(20_000, (r) => ctx.skip(r));
    const dataDir = path.join(fsMount.dir, 'newsroom');
    await (await openHarness({ demo: true, dataDir })).close();
    fsMount.remountReadOnly();
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-temp-'));
    const savedTemp = process.env['TMPDIR'];
    process.env['TMPDIR'] = temp;
    try {
      const harness = await openHarness({ dataDir });
      expect(harness.core.readOnlyReason).toMatch(/只读/);
      expect(fs.readdirSync(temp).filter((name) => name.startsWith('newsroom-readonly-'))).toHaveLength(1);
      await harness.close();
      expect(fs.readdirSync(temp).filter((name) => name.startsWith('newsroom-readonly-'))).toEqual([]);
    } finally {
      if (savedTemp === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = savedTemp;
      fs.rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('a disk that fills up', () => {
  it('refuses the save that does not fit with a clear message and keeps everything saved before readable', async (ctx) => {
    const fsMount = mountOrSkip(3_000, (r) => ctx.skip(r));
    const harness = await openHarness({ demo: true, dataDir: path.join(fsMount.dir, 'newsroom') });
    const reporter = await harness.as('reporter');
    const paragraph = '江城地铁3号线今天开通运营，全长32.6公里，设站21座，串起城市东西两翼。'.repeat(40);
    const body = blocksToDoc(Array.from({ length: 20 }, () => ({ kind: 'p' as const, text: paragraph })));
    const saved: string[] = [];
    let failure: { code: string; message: string } | null = null;
    for (let i = 0; i < 200 && !failure; i += 1) {
      const response = await reporter.raw('articles.create', { headline: `填满磁盘 ${i}`, body });
      if (response.ok) saved.push((response.result as { id: string }).id);
      else failure = response.error;
    }
    expect(failure).toMatchObject({ code: 'STORAGE', message: expect.stringContaining('磁盘空间已满') });
    expect(saved.length).toBeGreaterThan(0);
    for (const id of saved) expect((await reporter.call('articles.get', { id })).id).toBe(id);
    expect((await reporter.call('articles.list', {})).total).toBeGreaterThanOrEqual(saved.length);
    await harness.close();
  });
});
