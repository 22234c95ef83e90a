import type { Page } from '@playwright/test';
import { test, expect, callApi, signIn, screenshot } from './fixtures';

test.use({ demo: true });

async function newStory(page: Page, headline: string): Promise<void> {
  await page.getByRole('button', { name: '新建稿件' }).click();
  const dialog = page.getByRole('dialog', { name: '新建稿件' });
  await dialog.getByLabel('主题').fill(headline);
  await dialog.getByRole('button', { name: '创建' }).click();
  // The editor, not the dialog's own 主题 field, which already holds the headline.
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: '正文' })).toBeVisible();
  await expect(page.getByLabel('主题')).toHaveValue(headline);
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  // antd opens on the selector around the input, which covers it.
  await page.getByRole('combobox', { name: label }).click({ force: true });
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** Pastes HTML at the caret as the browser does: a paste event whose clipboard holds it. */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.getByRole('textbox', { name: '正文' }).evaluate((body, markup) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', 'x');
    const event = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data });
    body.dispatchEvent(event);
  }, html);
}

/** Creates a story of plain paragraphs through the page's own API client path. */
async function createStory(page: Page, headline: string, paragraphs: string[]): Promise<string> {
  const body = { type: 'doc' as const, content: paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })) };
  return (await callApi(page, 'articles.create', { headline, body })).id;
}

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0cm;font-family:宋体}</style></head>
<body lang=ZH-CN><!--StartFragment--><p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0'><span
style='font-family:宋体;mso-ascii-font-family:Calibri'>　　新基站覆盖<b style='mso-bidi-font-weight:normal'>全部</b>街道。<o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US><img width=200 height=100 src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="><o:p>&nbsp;</o:p></span></p>
<script>window.__pasted = 'ran'</script><!--EndFragment--></body></html>`;

test('a reporter writes a mixed story with its headline stack, byline, 电头 and pasted Word copy, and gets it all back after a reload', async ({ page, host }) => {
  await signIn(page, host, 'reporter');
  await newStory(page, '江城5G基站突破1万个');
  await page.getByLabel('引题').fill('数字江城建设提速');
  await page.getByLabel('副题').fill('——全市街道实现5G全覆盖');

  const body = page.getByRole('textbox', { name: '正文' });
  const counts = page.getByRole('status', { name: '字数统计' });
  await body.click();
  // 记者获悉(4)，江城(2) 5G(1) 基站已达(4) 1.2(1) 万个，(3) iPhone(1) 15(1) 用户占比(4) 3.5(1) %(1) ——(2) 创新高(3) ……(2) = 31 字,
  // 34 cells (Han and full-width 1, —— and …… 2, the 18 half-width letters, digits, marks and the space ½ each).
  await page.keyboard.type('记者获悉，江城5G基站已达1.2万个，iPhone 15用户占比3.5%——创新高……');
  await page.keyboard.press('Enter');
  // 13 字, 13 cells.
  await page.keyboard.type('“我们还要建更多。”他说。');
  // Lines at 13 a line: ⌈(2 + 34)/13⌉ + ⌈(2 + 13)/13⌉ = 3 + 2.
  await expect(counts).toContainText('字数 44');
  await expect(counts).toContainText('2 段');
  await expect(counts).toContainText('5 行（每行 13 字）');

  // A note is the writer's remark: shown, but neither counted nor printed.
  await page.keyboard.press('Control+Alt+KeyM');
  await page.keyboard.type('待核实');
  await page.keyboard.press('Control+Alt+KeyM');
  await expect(body.locator('span[data-note]')).toHaveText('待核实');
  await expect(counts).toContainText('字数 44');

  await page.getByRole('button', { name: '添加署名' }).click();
  await page.getByLabel('署名 1 姓名').fill('张三');
  await choose(page, '电头', '本地（本报讯）');
  const preview = page.getByRole('note', { name: '电头预览' });
  await expect(preview).toContainText('本报讯（记者 张三）记者获悉，江城5G基站');
  // 本报讯（记者 张三） takes 9.5 cells in front of the first paragraph: ⌈(2 + 43.5)/13⌉ = 4, so 4 + 2.
  await expect(counts).toContainText('6 行（每行 13 字）');
  await choose(page, '栏宽', '2栏 27字');
  await expect(counts).toContainText('3 行（每行 27 字）');
  await choose(page, '栏宽', '1栏 13字');

  // Target 100: 56 short; its lines ⌈(100 × 47/44 + 9.5 + 2 × 2)/13 + 2/2⌉ = 11, five more than the 6 set.
  await page.getByLabel('目标字数').fill('100');
  await expect(counts).toContainText('目标 100 字（约 11 行）');
  await expect(counts).toContainText('还差 56 字，少 5 行');
  await expect(page.locator('.count-target')).toHaveClass(/count-under/);

  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await pasteHtml(page, WORD_HTML);
  await expect(body).toContainText('新基站覆盖全部街道。');
  await expect(body.locator('strong')).toHaveText('全部');
  await expect(body.locator('img, style, [class^="Mso"], [style]')).toHaveCount(0);
  expect(await body.textContent()).not.toContain('\u3000');
  expect(await page.evaluate(() => (window as unknown as { __pasted?: string }).__pasted)).toBeUndefined();
  // + 新基站覆盖全部街道。 10 字, one more line.
  await expect(counts).toContainText('字数 54');
  await expect(counts).toContainText('3 段');
  await expect(counts).toContainText('7 行（每行 13 字）');

  const statusBar = page.getByRole('contentinfo', { name: '状态栏' });
  await expect(statusBar).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/);
  await expect(body.locator('p')).toHaveText(['记者获悉，江城5G基站已达1.2万个，iPhone 15用户占比3.5%——创新高……', '“我们还要建更多。”他说。待核实', '新基站覆盖全部街道。']);
  await screenshot(page, 'editor-story');

  await page.reload();
  await expect(page.getByLabel('主题')).toHaveValue('江城5G基站突破1万个');
  await expect(page.getByLabel('引题')).toHaveValue('数字江城建设提速');
  await expect(page.getByLabel('副题')).toHaveValue('——全市街道实现5G全覆盖');
  await expect(page.getByLabel('署名 1 姓名')).toHaveValue('张三');
  await expect(page.getByRole('note', { name: '电头预览' })).toContainText('本报讯（记者 张三）');
  await expect(page.getByLabel('目标字数')).toHaveValue('100');
  await expect(body.locator('span[data-note]')).toHaveText('待核实');
  await expect(body.locator('strong')).toHaveText('全部');
  await expect(counts).toContainText('字数 54');
  await expect(counts).toContainText('7 行（每行 13 字）');
  await expect(counts).toContainText('还差 46 字');
});

test('a 200,000-character story opens, scrolls, counts and takes typing without freezing', async ({ page, host }) => {
  test.setTimeout(180_000);
  await signIn(page, host, 'reporter');
  // 2,000 paragraphs of 100 字: the number (one run of digits counts 1), 98 Han characters, 。
  const han = '江城地铁三号线今日开通运营沿线市民出行更加便捷全线设站二十一座其中换乘站五座';
  const paragraphs = Array.from({ length: 2000 }, (_, i) => `${i + 1}${han.repeat(3).slice(0, 98)}。`);
  const id = await createStory(page, '二十万字长稿', paragraphs);

  const started = Date.now();
  await page.evaluate((articleId) => (location.hash = `#/articles/${articleId}`), id);
  const counts = page.getByRole('status', { name: '字数统计' });
  await expect(counts).toContainText('字数 200000', { timeout: 30_000 });
  const openMs = Date.now() - started;
  console.log(`200k story: counted ${openMs} ms after opening`);

  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await page.keyboard.press('Control+End');
  await expect(body.locator('p').last()).toBeInViewport();
  await expect(body.locator('p').last()).toContainText('2000江城');

  // Each typed character to the next frame, measured in the page: a freeze shows as a long gap.
  // (Playwright types Chinese as text input without key events, as an IME commits it.)
  await page.evaluate(() => {
    const w = window as unknown as { __gaps: number[] };
    w.__gaps = [];
    document.addEventListener('beforeinput', () => {
      const start = performance.now();
      requestAnimationFrame(() => w.__gaps.push(performance.now() - start));
    }, true);
  });
  await page.keyboard.type('江城'.repeat(10), { delay: 30 });
  await expect(counts).toContainText('字数 200020');
  const gaps = await page.evaluate(() => (window as unknown as { __gaps: number[] }).__gaps);
  console.log(`200k story: keystroke to frame, worst ${Math.max(...gaps).toFixed(1)} ms`, gaps.map((g) => g.toFixed(0)).join(' '));
  // Every keystroke reached a frame; how fast is measured by npm run bench (editor.keystroke_p95_ms), not asserted here.
  expect(gaps).toHaveLength(20);

  await expect(page.getByRole('contentinfo', { name: '状态栏' })).toContainText(/已保存 \d{1,2}:\d{2}:\d{2}/, { timeout: 30_000 });
  await page.reload();
  await expect(page.getByRole('status', { name: '字数统计' })).toContainText('字数 200020', { timeout: 30_000 });
});

test('typing on past the bottom of the window keeps the caret in view', async ({ page, host }) => {
  await signIn(page, host, 'reporter');
  const han = '江城地铁三号线今日开通运营沿线市民出行更加便捷全线设站二十一座其中换乘站五座';
  const id = await createStory(page, '滚动测试', Array.from({ length: 60 }, (_, i) => `${i + 1}${han.repeat(3).slice(0, 98)}。`));
  await page.evaluate((articleId) => (location.hash = `#/articles/${articleId}`), id);
  const body = page.getByRole('textbox', { name: '正文' });
  await expect(body.locator('p').last()).toContainText('60江城');
  await body.click();
  await page.keyboard.press('Control+End');
  // Several lines' worth of key presses: each wrap moves the caret below what was in view.
  await page.keyboard.type('jiangcheng ditie 3 haoxian jintian kaitong yunying 5G '.repeat(8), { delay: 5 });
  await expect(body.locator('p').last()).toContainText('yunying 5G jiangcheng');
  const caret = await page.evaluate(() => {
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    const view = document.querySelector('.editor-scroll')!.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, viewTop: view.top, viewBottom: view.bottom };
  });
  expect(caret.bottom).toBeGreaterThan(caret.viewTop);
  expect(caret.bottom).toBeLessThanOrEqual(caret.viewBottom);
});

test('Chinese typed through an input method: the pinyin composes in place and the committed characters land once, counted and checked', async ({ page, host }) => {
  await signIn(page, host, 'reporter');
  await newStory(page, '输入法测试');
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await page.keyboard.type('天气');
  const ime = await page.context().newCDPSession(page);
  for (const pinyin of ['h', 'hao', 'haox', 'haoxiang']) {
    await ime.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  }
  await expect(body).toContainText('天气haoxiang');
  await ime.send('Input.insertText', { text: '好象' });
  await ime.send('Input.imeSetComposition', { text: 'buc', selectionStart: 3, selectionEnd: 3 });
  // A pause on the candidate list, in a paragraph with a finding: the idle-time house-style check must not disturb the composition.
  await page.waitForTimeout(600);
  await expect(body.locator('p').first()).toHaveText('天气好象buc');
  await ime.send('Input.insertText', { text: '不错' });
  await expect(body.locator('p').first()).toHaveText('天气好象不错');
  await expect(page.getByRole('status', { name: '字数统计' })).toContainText('字数 6');
  await expect(body.locator('.style-mark-error')).toHaveText('好象');
});

interface PasteProbe {
  __pasteAt: number;
  __busyAt: number | null;
  __pastedAt: number | null;
}

test('5 MB of pasted Word HTML is cleaned while a notice shows, and a paste too large to clean is refused', async ({ page, host }) => {
  test.setTimeout(180_000);
  await signIn(page, host, 'reporter');
  await newStory(page, '长稿粘贴');
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();

  // Refused before the browser parses it: a notice says so and nothing goes in. Checked on the empty story:
  // when an expect's first look finds nothing, Playwright takes an aria snapshot of the whole page, which
  // on the 6,681-paragraph page below takes tens of seconds.
  await body.evaluate((target) => {
    const data = new DataTransfer();
    data.setData('text/html', `<p>${'<span>江城</span>'.repeat(1_000_000)}</p>`);
    target.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
  });
  const refused = page.getByRole('alert').filter({ hasText: /粘贴的内容过大.*没有粘贴/ });
  await expect(refused).toBeVisible();
  await expect(body).toHaveText('');

  const paragraphs = await body.evaluate((target) => {
    // Word's markup per paragraph, around 20 字 of copy: about 800 bytes.
    const para = (i: number) =>
      `<p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0;line-height:150%;mso-pagination:widow-orphan'><span style='font-size:12.0pt;line-height:150%;font-family:宋体;mso-ascii-font-family:"Times New Roman";mso-hansi-font-family:"Times New Roman";color:black;mso-font-kerning:0pt'>　　第${i}段：地铁</span><span lang=EN-US style='font-size:12.0pt;line-height:150%;font-family:"Times New Roman",serif;mso-fareast-font-family:宋体;color:black;mso-font-kerning:0pt'>3</span><span style='font-size:12.0pt;line-height:150%;font-family:宋体;mso-ascii-font-family:"Times New Roman";color:black'>号线今天开通。<b style='mso-bidi-font-weight:normal'>首班车</b>准点发出。</span><span lang=EN-US style='font-size:12.0pt;line-height:150%;font-family:"Times New Roman",serif;color:black'><o:p></o:p></span></p>\r\n`;
    const parts = ['<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0cm}</style></head><body lang=ZH-CN><!--StartFragment-->'];
    let size = 0;
    let n = 0;
    while (size < 5 * 1024 * 1024) {
      const p = para(++n);
      parts.push(p);
      size += p.length;
    }
    parts.push('<!--EndFragment--></body></html>');
    // When the busy notice and the pasted text arrive, seen from the page (for the reason above).
    const probe = window as unknown as PasteProbe;
    Object.assign(probe, { __pasteAt: performance.now(), __busyAt: null, __pastedAt: null });
    new MutationObserver((records) => {
      const now = performance.now();
      if (probe.__pastedAt === null && target.childElementCount >= n) probe.__pastedAt = now;
      const added = records.flatMap((r) => [...r.addedNodes]);
      if (probe.__busyAt === null && added.some((node) => node instanceof Element && node.matches('[role=status]') && node.textContent?.includes('正在整理粘贴的内容…'))) {
        probe.__busyAt = now;
      }
    }).observe(document.body, { childList: true, subtree: true });
    const data = new DataTransfer();
    data.setData('text/html', parts.join(''));
    target.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
    return n;
  });
  await expect(body.locator('p')).toHaveCount(paragraphs, { timeout: 30_000 });
  const seen = await page.evaluate(() => {
    const { __pasteAt, __busyAt, __pastedAt } = window as unknown as PasteProbe;
    return { busy: __busyAt === null ? null : __busyAt - __pasteAt, pasted: __pastedAt === null ? null : __pastedAt - __pasteAt };
  });
  expect(seen.busy, 'the notice showed before the text went in').toBeLessThan(seen.pasted ?? -1);
  console.log(`5 MB Word paste: ${paragraphs} paragraphs in the editor within ${seen.pasted?.toFixed(0)} ms`);
  await expect(page.getByText('正在整理粘贴的内容…')).toBeHidden();
  await expect(body.locator('p').first()).toHaveText('第1段：地铁3号线今天开通。首班车准点发出。');
  await expect(body.locator('[style], [class^="Mso"]')).toHaveCount(0);
});

test('typing fast across many new paragraphs keeps every character where it was typed', async ({ page, host }) => {
  test.setTimeout(180_000);
  await signIn(page, host, 'reporter');
  await newStory(page, '连续输入');
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  // A character typed straight after Enter once landed in a block the browser had not laid out yet,
  // and the caret stayed in front of it.
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.type('记者获悉，江城5G基站。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('“我们还要建更多。”他说。');
    await page.keyboard.press('Enter');
  }
  const texts = (await body.locator('p').allTextContents()).filter((t) => t !== '');
  expect(texts).toEqual(Array.from({ length: 40 }, () => ['记者获悉，江城5G基站。', '“我们还要建更多。”他说。']).flat());
});
