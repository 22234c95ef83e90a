import { chromium, type Page } from 'playwright-core';
import { startHostProcess, tempDataDir } from '../support/hostProcess';
import { percentile, round } from './stats';

/** 200 paragraphs of 100 字: the number (a digit run counts 1), 98 Han characters and 。 */
function story(): string[] {
  const han = '江城地铁三号线今日开通运营沿线市民出行更加便捷全线设站二十一座其中换乘站五座';
  return Array.from({ length: 200 }, (_, i) => `${i + 1}${han.repeat(3).slice(0, 98)}。`);
}

/** 200 keystrokes of Latin letters, digits and spaces: real key events, unlike committed IME text. */
const TYPED = 'jiangcheng ditie 3 haoxian jintian kaitong yunying 5G iPhone 15 '.repeat(4).slice(0, 200);

/**
 * The probe: keydown (capture, before the editor sees it) starts the clock; the first animation
 * frame after the DOM has changed stops it. The editor's work and the browser's style, layout and
 * paint of the change all fall inside. Plain JavaScript in a string: tsx would wrap named
 * functions in a helper that does not exist in the page.
 */
const PROBE = `(selector) => {
  window.__keystrokes = [];
  let mutated = false;
  new MutationObserver(() => { mutated = true; }).observe(document.querySelector(selector), { subtree: true, childList: true, characterData: true });
  document.addEventListener('keydown', () => {
    const start = performance.now();
    mutated = false;
    const frame = () => {
      if (mutated) window.__keystrokes.push(performance.now() - start);
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, true);
}`;

async function probe(page: Page, target: string): Promise<void> {
  await page.evaluate(`(${PROBE})(${JSON.stringify(target)})`);
}

async function typeAndMeasure(page: Page): Promise<number[]> {
  // A pause between keys, as a fast typist leaves, so one keystroke's frame is not the next one's.
  await page.keyboard.type(TYPED, { delay: 25 });
  await page.waitForTimeout(200);
  return page.evaluate('window.__keystrokes') as Promise<number[]>;
}

/**
 * Keystroke latency in a 20,000-字 story in the real editor (browser host, Chromium), against the
 * same typing in a bare contenteditable holding the same text: the floor the browser sets.
 * Chromium runs without the 60 Hz frame limit, so a frame follows the work instead of the display.
 */
export async function benchEditor(): Promise<Record<string, number>> {
  const host = await startHostProcess(tempDataDir(), ['--demo']);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--disable-frame-rate-limit', '--disable-gpu-vsync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await page.goto(host.url);
    await page.getByLabel('用户名').fill('reporter');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();

    const paragraphs = story();
    const id = await page.evaluate(async (texts) => {
      const body = { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
      const res = await fetch('api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1' },
        body: JSON.stringify({ method: 'articles.create', input: { headline: '两万字基准稿', body } }),
      });
      const reply = (await res.json()) as { ok: boolean; result: { id: string }; error?: { message: string } };
      if (!reply.ok) throw new Error(reply.error?.message);
      return reply.result.id;
    }, paragraphs);

    const opened = Date.now();
    await page.evaluate((articleId) => (location.hash = `#/articles/${articleId}`), id);
    const counts = page.getByRole('status', { name: '字数统计' });
    await counts.filter({ hasText: '字数 20000' }).waitFor({ timeout: 60_000 });
    const openMs = Date.now() - opened;

    const body = page.getByRole('textbox', { name: '正文' });
    await body.click();
    await page.keyboard.press('Control+End');
    await probe(page, '.tiptap');
    const editor = await typeAndMeasure(page);

    const bare = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await bare.setContent(
      `<div contenteditable style="font: 16px/1.9 serif; width: 620px">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>`,
    );
    await bare.locator('[contenteditable]').click();
    await bare.keyboard.press('Control+End');
    await probe(bare, '[contenteditable]');
    const baseline = await typeAndMeasure(bare);

    if (editor.length < TYPED.length * 0.95) throw new Error(`只测到 ${editor.length} 次按键（应为 ${TYPED.length}）`);
    return {
      'editor.keystroke_p95_ms': round(percentile(editor, 95), 2),
      'editor.keystroke_p50_ms': round(percentile(editor, 50), 2),
      'editor.keystroke_baseline_p95_ms': round(percentile(baseline, 95), 2),
      'editor.keystroke_baseline_p50_ms': round(percentile(baseline, 50), 2),
      'editor.open_20k_ms': openMs,
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}
