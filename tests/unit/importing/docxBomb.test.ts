import { describe, expect, it } from 'vitest';
import { useDemoDesk } from '../workflow/support';
import { makeBombDocx, makeDocx } from './docx';

const desk = useDemoDesk(['reporter']);

/** The call's answer and how far the process's resident memory rose above where it started while it ran. */
async function parseWatchingMemory(fileName: string, bytes: Buffer) {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const response = await desk.c['reporter']!.raw('import.parseDocx', { fileName, dataBase64: bytes.toString('base64') });
    peak = Math.max(peak, process.memoryUsage().rss);
    return { response, grewMb: (peak - start) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

const MB = 1024 * 1024;

describe('a .docx that inflates far beyond its size (a decompression bomb)', { timeout: 120_000 }, () => {
  it('whose document part honestly declares 200 MB is refused from the zip directory, without inflating it', async () => {
    const bomb = await makeBombDocx(200 * MB);
    expect(bomb.length).toBeLessThan(2 * MB);
    const { response, grewMb } = await parseWatchingMemory('炸弹.docx', bomb);
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('解压后') } });
    expect(response.ok ? '' : response.error.message).toContain('炸弹.docx');
    expect(grewMb).toBeLessThan(100);
  });

  it('whose headers claim a 2 KB part is stopped while inflating, as a damaged file', async () => {
    const liar = await makeBombDocx(200 * MB, { lie: true });
    const { response, grewMb } = await parseWatchingMemory('说谎的炸弹.docx', liar);
    expect(response).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '无法读取这个 .docx 文件（说谎的炸弹.docx）：文件已损坏或不是 Word 文档。' } });
    expect(grewMb).toBeLessThan(100);
  });

  it('three bombs in a row leave the process as it was, and an ordinary file still reads', async () => {
    const bomb = await makeBombDocx(200 * MB);
    const start = process.memoryUsage().rss;
    for (let i = 0; i < 3; i += 1) expect((await desk.c['reporter']!.raw('import.parseDocx', { fileName: `炸弹${i}.docx`, dataBase64: bomb.toString('base64') })).ok).toBe(false);
    expect((process.memoryUsage().rss - start) / MB).toBeLessThan(100);
    const ordinary = await desk.c['reporter']!.call('import.parseDocx', { fileName: '稿件.docx', dataBase64: makeDocx(['江城市今天召开春耕生产动员会。']).toString('base64') });
    expect(ordinary.paragraphs).toEqual(['江城市今天召开春耕生产动员会。']);
  });
});
