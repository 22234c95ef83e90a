import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { proofreadCommand } from '../../../electron/cli/commands/proofread';
import type { CliValues } from '../../../electron/cli/commands/types';
import { openHarness, type Harness } from '../../support/coreHarness';
import { tempDataDir } from '../../support/hostProcess';

let harness: Harness;
let file: string;

/** Runs the command as main.ts would and returns the findings it printed as JSON. */
async function run(values: Partial<CliValues>): Promise<{ findings: Array<{ rule: string; message: string }> }> {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    try {
      await proofreadCommand.run([file], { json: true, debug: false, ...values });
    } catch (error) {
      if ((error as { exitCode?: number }).exitCode !== 3) throw error;
    }
    return JSON.parse(String(write.mock.calls.at(-1)?.[0])) as { findings: Array<{ rule: string; message: string }> };
  } finally {
    write.mockRestore();
  }
}

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  const admin = await harness.as('admin');
  await admin.call('proofreading.saveWordList', { kind: 'placeName', entries: [{ wrong: '汉江堤', right: '汉江大堤' }] });
  file = path.join(tempDataDir(), 'story.txt');
  fs.writeFileSync(file, '市民沿汉江堤散步，好象很惬意。\n');
});

afterAll(() => harness.close());

describe('npm run cli -- proofread FILE --data-dir DIR', () => {
  it('checks with the built-in lists when no data folder is given', async () => {
    expect((await run({})).findings.map((f) => f.message)).toEqual(['“好象”应为“好像”']);
  });

  it("checks with that paper's lists when a data folder is given", async () => {
    expect((await run({ 'data-dir': harness.dataDir })).findings.map((f) => f.message)).toEqual(['地名“汉江堤”应为“汉江大堤”', '“好象”应为“好像”']);
  });

  it('says so when the folder holds no database', async () => {
    const empty = tempDataDir();
    await expect(run({ 'data-dir': empty })).rejects.toThrow(`数据文件夹 ${empty} 中没有数据库`);
  });
});
