import { chromium, type Page } from 'playwright-core';
import { openCore } from '../../electron/core/core';
import type { EditionBoard } from '../../shared/layout/board';
import { startHostProcess, tempDataDir } from '../support/hostProcess';
import { percentile, round } from './stats';

const PROOF_RUNS = 5;
const RENDER_RUNS = 10;
const DRAG_STEPS = 120;

/**
 * proof.page_ms: the demo's full front page (masthead, 报眼, lead with photo, a jump, items, 导读) as a PDF in
 * its faces, subsets embedded, median of 5 after a warm-up; proof.page_cold_ms: that first proof, which
 * also opens the font files.
 */
async function benchProof(): Promise<{ median: number; cold: number }> {
  const core = await openCore({ dataDir: tempDataDir(), demo: true });
  try {
    const { token } = await core.localSession('article.read');
    const call = async (method: string, input: unknown) => {
      const { response } = await core.dispatch({ sessionToken: token, transport: 'cli' }, method, input);
      if (!response.ok) throw new Error(response.error.message);
      return response.result;
    };
    const board = (await call('layout.board', { date: (await call('layout.editions', {}) as { date: string }[])[0]!.date })) as EditionBoard;
    const pageId = board.pages[0]!.id;
    const times: number[] = [];
    let cold = 0;
    for (let i = 0; i <= PROOF_RUNS; i++) {
      const start = performance.now();
      await call('layout.proof', { pageId });
      if (i > 0) times.push(performance.now() - start);
      else cold = performance.now() - start;
    }
    return { median: percentile(times, 50), cold };
  } finally {
    await core.close();
  }
}

async function api(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([m, i]) => {
      const res = await fetch('api/call', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1' }, body: JSON.stringify({ method: m, input: i }) });
      const reply = (await res.json()) as { ok: boolean; result: unknown; error?: { message: string } };
      if (!reply.ok) throw new Error(reply.error?.message);
      return reply.result;
    },
    [method, input] as const,
  );
}

/** Click → the first frame after the page's slots are in the DOM; plain JavaScript in a string (see editorBench). */
const RENDER_PROBE = `([button, count]) => new Promise((resolve) => {
  const start = performance.now();
  const done = () => {
    if (document.querySelectorAll('.layout-page .layout-slot').length === count) requestAnimationFrame(() => resolve(performance.now() - start));
    else requestAnimationFrame(done);
  };
  [...document.querySelectorAll('nav[aria-label="版序"] button')].find((b) => b.textContent === button).click();
  requestAnimationFrame(done);
})`;

const FRAME_COUNTER = `() => { window.__frames = 0; const tick = () => { window.__frames++; window.__raf = requestAnimationFrame(tick); }; window.__raf = requestAnimationFrame(tick); }`;

/**
 * board.render_ms: switching to a page of 12 slots in Chromium until they are drawn (median of 10);
 * board.drag_fps: frames per second while a slot is dragged across the page in 120 pointer moves.
 */
async function benchBoard(): Promise<{ renderMs: number; fps: number }> {
  const host = await startHostProcess(tempDataDir(), ['--demo']);
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await page.goto(host.url);
    await page.getByLabel('用户名').fill('layout');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();

    const editions = (await api(page, 'layout.editions', {})) as { date: string }[];
    const board = (await api(page, 'layout.board', { date: editions[0]!.date })) as EditionBoard;
    const target = board.pages[1]!;
    for (let i = 0; i < 12; i++) {
      await api(page, 'layout.addSlot', { pageId: target.id, kind: i % 3 === 0 ? 'ad' : 'reserved', col: (i % 4) * 2, line: Math.floor(i / 4) * 40, columns: 2, lines: 40, label: `稿位${i + 1}` });
    }
    await page.getByRole('navigation', { name: '主导航' }).getByText('版面').click();
    await page.getByRole('navigation', { name: '版序' }).waitFor();
    const first = `第1版 ${board.pages[0]!.name}`;
    const second = `第2版 ${target.name}`;
    const firstCount = board.pages[0]!.slots.length;
    const times: number[] = [];
    for (let i = 0; i < RENDER_RUNS; i++) {
      times.push((await page.evaluate(`(${RENDER_PROBE})(${JSON.stringify([second, 12])})`)) as number);
      await page.evaluate(`(${RENDER_PROBE})(${JSON.stringify([first, firstCount])})`);
    }
    await page.evaluate(`(${RENDER_PROBE})(${JSON.stringify([second, 12])})`);

    const slot = page.getByRole('button', { name: /^稿位：稿位1，/ });
    const box = (await slot.boundingBox())!;
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.down();
    await page.evaluate(`(${FRAME_COUNTER})()`);
    const start = Date.now();
    for (let i = 1; i <= DRAG_STEPS; i++) {
      const x = box.x + 10 + Math.sin((i / DRAG_STEPS) * Math.PI) * 300;
      await page.mouse.move(x, box.y + 10 + (i % 20));
    }
    const frames = (await page.evaluate('window.__frames')) as number;
    const seconds = (Date.now() - start) / 1000;
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.up();
    return { renderMs: percentile(times, 50), fps: frames / seconds };
  } finally {
    await browser.close();
    await host.stop();
  }
}

export async function benchLayout(): Promise<Record<string, number>> {
  const proof = await benchProof();
  const { renderMs, fps } = await benchBoard();
  return { 'proof.page_ms': round(proof.median, 1), 'proof.page_cold_ms': round(proof.cold, 1), 'board.render_ms': round(renderMs, 2), 'board.drag_fps': round(fps, 1) };
}
