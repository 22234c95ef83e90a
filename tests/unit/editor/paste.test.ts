// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Editor } from '@tiptap/core';
import { createBodyExtensions } from '../../../renderer/src/editor/bodyExtensions';
import { cleanPastedBlocks, PasteRefused } from '../../../renderer/src/editor/pasteCleaner';
import { docSchema } from '../../../shared/document/docSchema';
import { docToBlocks } from '../../../shared/document/docText';
import type { DocNode } from '../../../shared/document/docTypes';

const SAMPLES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'samples');
const sample = (name: string) => fs.readFileSync(path.join(SAMPLES, name), 'utf8');

const editors: Editor[] = [];
afterEach(() => {
  while (editors.length > 0) editors.pop()!.destroy();
});

function makeEditor(content = '<p></p>') {
  const refused = vi.fn();
  const busy = vi.fn(() => () => undefined);
  const element = document.createElement('div');
  document.body.appendChild(element);
  const editor = new Editor({ element, content, extensions: createBodyExtensions({ onRefused: refused, onBusy: busy }) });
  editors.push(editor);
  return { editor, refused, busy };
}

/** A paste as the browser delivers it: a paste event whose clipboard holds HTML and plain text. */
function paste(editor: Editor, data: { html?: string; text?: string }): void {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', {
    value: { getData: (type: string) => (type === 'text/html' ? (data.html ?? '') : type === 'text/plain' ? (data.text ?? '') : '') },
  });
  editor.view.dom.dispatchEvent(event);
}

const json = (editor: Editor) => editor.getJSON() as DocNode;

/** The body as the printed blocks, one line each: kind, then text with **bold** and _italic_ runs. */
function printed(editor: Editor): string[] {
  const lines: string[] = [];
  const inline = (node: DocNode): string =>
    (node.content ?? [])
      .map((child) => {
        let text = child.text ?? '';
        const marks = (child.marks ?? []).map((m) => m.type);
        if (marks.includes('italic')) text = `_${text}_`;
        if (marks.includes('bold')) text = `**${text}**`;
        if (marks.includes('note')) text = `[${text}]`;
        return text;
      })
      .join('');
  const visit = (node: DocNode, kind: string) => {
    if (node.type === 'paragraph') lines.push(`${kind} ${inline(node)}`);
    else if (node.type === 'heading') lines.push(`h3 ${inline(node)}`);
    else for (const child of node.content ?? []) visit(child, node.type === 'doc' ? 'p' : node.type === 'listItem' ? kind : node.type);
  };
  visit(json(editor), 'p');
  return lines;
}

describe('pasting from Word', () => {
  it('keeps headings, bold, italic and lists, flattens tables, and drops styles, images and Word markup', () => {
    const { editor } = makeEditor();
    paste(editor, { html: sample('word.html'), text: '地铁3号线今日开通' });
    expect(printed(editor)).toEqual([
      'h3 地铁3号线今日开通',
      'p 记者从江城市轨道交通集团获悉，地铁3号线将于今天上午9时正式开通载客运营，全长32.6公里，设站21座。**首班车**从江滨站发出，_末班车_为晚上11时。',
      'p 沿线居民纷纷表示，出行将更加便捷。',
      'orderedList 早高峰发车间隔4分钟',
      'orderedList 票价2元起',
      'p 站名　首班',
      'p 江滨站　6:00',
    ]);
    expect(docSchema.safeParse(json(editor)).success).toBe(true);
    expect(editor.view.dom.querySelector('img, style, table, span[style], [class^="Mso"]')).toBeNull();
  });

  it('joins a line Word wrapped between two Chinese characters without inventing a space', () => {
    const { editor } = makeEditor();
    paste(editor, { html: '<p class=MsoNormal><span>出行将更加便\r\n捷，iPhone\r\n15 也能用。</span></p>' });
    expect(printed(editor)).toEqual(['p 出行将更加便捷，iPhone 15 也能用。']);
  });
});

describe('pasting from WPS', () => {
  it('removes full-width indents and empty paragraphs, keeping italic set by style', () => {
    const { editor } = makeEditor();
    paste(editor, { html: sample('wps.html'), text: '口袋公园开放' });
    expect(printed(editor)).toEqual([
      'p **口袋公园开放**',
      'p 记者从江城市园林局获悉，位于老城区的首座口袋公园今天开放，面积约1200平方米。',
      'p 公园由废弃厂区改造而成，保留了_老厂房的红砖墙_。',
    ]);
  });
});

describe('pasting from a web page', () => {
  it('keeps the text and the structure, and nothing that runs, loads or hides', () => {
    const { editor } = makeEditor();
    paste(editor, { html: sample('web.html'), text: '江城首座口袋公园开放' });
    expect(printed(editor)).toEqual([
      'h3 江城首座口袋公园开放',
      'p **本报讯**　　记者从江城市园林局获悉，公园今天开放。',
      'p 第一行',
      'p 第二行',
      'p 第三行',
      'blockquote “这是_我们_的公园。”',
      'bulletList 开放时间：**6:00**至22:00',
      'bulletList 免费入园',
      'p 项目　面积',
      'p 草坪　600平方米',
      'p **加粗**普通',
    ]);
    expect((window as unknown as { stolen?: string; hacked?: number }).stolen).toBeUndefined();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
    expect(editor.getText()).not.toContain('隐藏广告');
    expect(editor.view.dom.querySelector('img, iframe, script, a')).toBeNull();
    expect(docSchema.safeParse(json(editor)).success).toBe(true);
  });

  it('pastes a single paragraph into the middle of the current one', () => {
    const { editor } = makeEditor('<p>记者获悉。</p>');
    editor.commands.setTextSelection(3);
    paste(editor, { html: '<meta charset="utf-8"><span style="color:red">江城</span>' });
    expect(printed(editor)).toEqual(['p 记者江城获悉。']);
  });
});

describe('pasting within the editor', () => {
  it('keeps notes, which neither count nor print', () => {
    const { editor } = makeEditor();
    paste(editor, { html: '<p data-pm-slice="1 1 []">地铁<span data-note="" class="editor-note">待核实</span>开通</p>' });
    expect(printed(editor)).toEqual(['p 地铁[待核实]开通']);
    expect(docToBlocks(json(editor)).map((b) => b.text)).toEqual(['地铁开通']);
  });
});

describe('pasting plain text', () => {
  it('makes a paragraph of every line and drops the indents', () => {
    const { editor } = makeEditor();
    paste(editor, { text: '　　第一段。\r\n\r\n    第二段。\n' });
    expect(printed(editor)).toEqual(['p 第一段。', 'p 第二段。']);
  });
});

describe('pastes that are too big', () => {
  it('refuses more text than one story holds, and leaves the selection alone', () => {
    const { editor, refused } = makeEditor('<p>原有的文字</p>');
    editor.commands.selectAll();
    paste(editor, { html: `<p>${'字'.repeat(200_001)}</p>` });
    expect(refused).toHaveBeenCalledWith('too-long');
    expect(printed(editor)).toEqual(['p 原有的文字']);
  });

  it('refuses HTML over the size limit before parsing it', () => {
    const { editor, refused } = makeEditor('<p>原有的文字</p>');
    const parse = vi.spyOn(window.DOMParser.prototype, 'parseFromString');
    paste(editor, { html: `<p>${'<span>x</span>'.repeat(900_000)}</p>` });
    expect(refused).toHaveBeenCalledWith('too-large');
    expect(parse).not.toHaveBeenCalled();
    expect(printed(editor)).toEqual(['p 原有的文字']);
  });

  it('gives up on cleaning that overruns its time budget', () => {
    const root = new DOMParser().parseFromString('<p>一</p><p>二</p>', 'text/html').body;
    expect(() => cleanPastedBlocks(root, { timeBudgetMs: -1 })).toThrow(PasteRefused);
  });

  it('cleans a large paste after a frame, with a busy notice showing meanwhile', async () => {
    const { editor, busy } = makeEditor();
    const done = vi.fn();
    busy.mockImplementation(() => done);
    // Word's clipboard HTML is mostly markup: a megabyte of it around one paragraph.
    const html = `<!--[if gte mso 9]>${'<w:LsdException Locked="false" Priority="9"/>'.repeat(25_000)}<![endif]--><p class=MsoNormal>江城地铁3号线开通</p>`;
    paste(editor, { html });
    expect(busy).toHaveBeenCalledTimes(1);
    expect(editor.getText()).toBe('');
    await vi.waitFor(() => expect(done).toHaveBeenCalled());
    expect(editor.getText()).toBe('江城地铁3号线开通');
  });
});
