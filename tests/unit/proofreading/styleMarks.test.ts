// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Editor, Mark } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { applyFixes, checkText, compileWordLists, DEFAULT_WORD_LISTS } from '../../../shared/style/index';
import { textHash } from '../../../shared/proofreading/hash';
import { StyleMarks, styleCheckPending, styleFindings } from '../../../renderer/src/proofreading/styleMarks';

/** The editor's private-remark mark, as the body schema has it: notes neither print nor get checked. */
const Note = Mark.create({
  name: 'note',
  parseHTML: () => [{ tag: 'span[data-note]' }],
  renderHTML: () => ['span', { 'data-note': '' }, 0],
});

const editors: Editor[] = [];

function editorWith(content: string): Editor {
  const editor = new Editor({ extensions: [StarterKit, Note, StyleMarks], content });
  editors.push(editor);
  return editor;
}

afterEach(() => {
  while (editors.length > 0) editors.pop()!.destroy();
});

function underlines(editor: Editor): Array<{ rule: string; text: string; title: string; description: string }> {
  return [...editor.view.dom.querySelectorAll<HTMLElement>('[data-style-rule]')].map((el) => ({
    rule: el.dataset['styleRule']!,
    text: el.textContent ?? '',
    title: el.title,
    description: document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
  }));
}

/** Types at the end of paragraph `index` (0-based), one transaction as a keystroke makes. */
function typeAtEnd(editor: Editor, index: number, text: string): void {
  let end = 0;
  editor.state.doc.forEach((node, offset, i) => {
    if (i === index) end = offset + node.nodeSize - 1;
  });
  editor.view.dispatch(editor.state.tr.insertText(text, end));
}

/** Waits for the idle-time check of what was edited. */
async function checked(editor: Editor): Promise<void> {
  await vi.waitFor(() => expect(styleCheckPending(editor.state)).toBe(false));
}

function paragraphs(editor: Editor): string[] {
  const out: string[] = [];
  editor.state.doc.forEach((node) => out.push(node.textContent));
  return out;
}

describe('style marks in the editor', () => {
  it('underlines a violation as it is typed, once the window is idle, with the message as title and description', async () => {
    const editor = editorWith('<p>天气很好。</p>');
    expect(underlines(editor)).toEqual([]);
    typeAtEnd(editor, 0, '好象要下雨');
    // The keystroke itself only notes what changed: no check sits between it and its frame.
    expect(styleCheckPending(editor.state)).toBe(true);
    expect(underlines(editor)).toEqual([]);
    await checked(editor);
    expect(underlines(editor)).toEqual([{ rule: 'confusable-words', text: '好象', title: '“好象”应为“好像”', description: '“好象”应为“好像”' }]);
    const mark = editor.view.dom.querySelector<HTMLElement>('[data-style-rule]')!;
    expect(mark.getAttribute('style')).toContain('wavy #cf1322');
  });

  it('colours warnings orange and hints blue', () => {
    const editor = editorWith('<p>北朝鲜的农民工。</p>');
    const colours = [...editor.view.dom.querySelectorAll<HTMLElement>('[data-style-rule]')].map((el) => [el.textContent, /wavy (#\w+)/.exec(el.getAttribute('style') ?? '')?.[1]]);
    expect(colours).toEqual([
      ['北朝鲜', '#fa8c16'],
      ['农民工', '#1677ff'],
    ]);
  });

  it('applying the fix corrects the text and removes the underline; undo brings both back', async () => {
    const editor = editorWith('<p>天气好象不错,</p>');
    const finding = styleFindings(editor.state).find((f) => f.rule === 'confusable-words')!;
    expect(editor.commands.applyStyleFix(finding.id)).toBe(true);
    expect(paragraphs(editor)).toEqual(['天气好像不错,']);
    await checked(editor);
    expect(underlines(editor).map((u) => u.rule)).toEqual(['fullwidth-punct']);
    editor.commands.undo();
    expect(paragraphs(editor)).toEqual(['天气好象不错,']);
    await checked(editor);
    expect(underlines(editor).map((u) => u.rule)).toEqual(['confusable-words', 'fullwidth-punct']);
  });

  it('applies every safe fix in one undoable step, leaving what the engine would', () => {
    const texts = ['记者了解到,该项目"安全"运行...', '共计２０２４件。。', '天气很好。'];
    const editor = editorWith(texts.map((t) => `<p>${t}</p>`).join(''));
    expect(editor.commands.applySafeStyleFixes()).toBe(true);
    expect(paragraphs(editor)).toEqual(texts.map((t) => applyFixes(t, checkText(t, { field: 'body' }))));
    expect(styleFindings(editor.state).filter((f) => f.fixRange !== null)).toEqual([]);
    editor.commands.undo();
    expect(paragraphs(editor)).toEqual(texts);
  });

  it('ignoring once hides that finding only, until its paragraph changes', async () => {
    const editor = editorWith('<p>好象一。</p><p>好象二。</p>');
    const [first] = styleFindings(editor.state);
    editor.commands.ignoreStyleFindingOnce(first!.id);
    expect(underlines(editor).map((u) => u.text)).toEqual(['好象']);
    expect(styleFindings(editor.state).map((f) => f.paragraphHash)).toEqual([textHash('好象二。')]);
    typeAtEnd(editor, 0, '改');
    await checked(editor);
    expect(styleFindings(editor.state)).toHaveLength(2);
  });

  it("hides what the story's ignores name, in the paragraph they name", () => {
    const editor = editorWith('<p>他说：“我好象见过。”</p><p>好象不对。</p>');
    editor.commands.setStyleIgnores([{ rule: 'confusable-words', text: '好象', paragraphHash: textHash('他说：“我好象见过。”') }]);
    expect(styleFindings(editor.state).map((f) => f.paragraphHash)).toEqual([textHash('好象不对。')]);
    expect(underlines(editor)).toHaveLength(1);
  });

  it("checks with the paper's lists once they are set", () => {
    const editor = editorWith('<p>沿汉江堤散步。</p>');
    expect(styleFindings(editor.state)).toEqual([]);
    editor.commands.setStyleWordLists(compileWordLists({ ...DEFAULT_WORD_LISTS, placeNames: [{ wrong: '汉江堤', right: '汉江大堤' }] }));
    expect(underlines(editor).map((u) => [u.text, u.title])).toEqual([['汉江堤', '地名“汉江堤”应为“汉江大堤”']]);
  });

  it('takes lists and ignores set in one chain together', () => {
    const editor = editorWith('<p>沿汉江堤散步，好象很惬意。</p>');
    editor
      .chain()
      .setStyleWordLists(compileWordLists({ ...DEFAULT_WORD_LISTS, placeNames: [{ wrong: '汉江堤', right: '汉江大堤' }] }))
      .setStyleIgnores([{ rule: 'confusable-words', text: '好象', paragraphHash: textHash('沿汉江堤散步，好象很惬意。') }])
      .run();
    expect(underlines(editor).map((u) => u.text)).toEqual(['汉江堤']);
  });

  it('skips text in a note and underlines the right characters around it', () => {
    const editor = editorWith('<p>甲<span data-note>好象,</span>好象乙,</p>');
    expect(underlines(editor).map((u) => [u.rule, u.text])).toEqual([
      ['confusable-words', '好象'],
      ['fullwidth-punct', ','],
    ]);
    editor.commands.applySafeStyleFixes();
    expect(paragraphs(editor)).toEqual(['甲好象,好像乙，']);
  });

  it('re-checks only the paragraph an edit touched', async () => {
    const editor = editorWith('<p>好象一。</p><p>好象二。</p><p>好象三。</p>');
    const before = styleFindings(editor.state).map((f) => f.id);
    typeAtEnd(editor, 1, '又好象');
    typeAtEnd(editor, 1, '。');
    await checked(editor);
    const after = styleFindings(editor.state);
    expect(after.map((f) => f.text)).toEqual(['好象', '好象', '好象', '好象']);
    expect(after[0]!.id).toBe(before[0]);
    expect(after[3]!.id).toBe(before[2]);
    expect(after[1]!.id).not.toBe(before[1]);
  });

  it('drops the findings of a paragraph that is deleted whole', async () => {
    const editor = editorWith('<p>好象一。</p><p>好象二。</p><p>三。</p>');
    const second = editor.state.doc.child(1);
    const start = editor.state.doc.child(0).nodeSize;
    editor.view.dispatch(editor.state.tr.delete(start, start + second.nodeSize));
    expect(paragraphs(editor)).toEqual(['好象一。', '三。']);
    await checked(editor);
    expect(styleFindings(editor.state).map((f) => [f.from, f.to])).toEqual([[1, 3]]);
    expect(underlines(editor)).toHaveLength(1);
  });

  it('applies no fix and no ignore in a paragraph typed in since its check, until it is checked again; other paragraphs fix at once', async () => {
    const editor = editorWith('<p>他说好象。</p><p>好象二。</p>');
    const [first, second] = styleFindings(editor.state);
    editor.view.dispatch(editor.state.tr.insertText('好象', first!.to));
    expect(editor.commands.applyStyleFix(first!.id)).toBe(false);
    expect(editor.commands.ignoreStyleFindingOnce(first!.id)).toBe(false);
    expect(editor.commands.applyStyleFix(second!.id)).toBe(true);
    expect(paragraphs(editor)).toEqual(['他说好象好象。', '好像二。']);
    await checked(editor);
    expect(styleFindings(editor.state).map((f) => f.text)).toEqual(['好象', '好象']);
    expect(editor.commands.applySafeStyleFixes()).toBe(true);
    expect(paragraphs(editor)).toEqual(['他说好像好像。', '好像二。']);
  });

  it('after any run of edits, finds exactly what a fresh check of the same text finds', async () => {
    const editor = editorWith('<p>好象一,</p><p>天气很好。</p><p>他们的的确确来了</p>');
    typeAtEnd(editor, 0, '好象');
    editor.commands.splitBlock();
    editor.view.dispatch(editor.state.tr.insertText('新段,好象', 3));
    editor.commands.setTextSelection({ from: 4, to: 15 });
    editor.commands.deleteSelection();
    editor.commands.insertContent('<p>粘贴的...段落</p><p>又一段,,</p>');
    editor.commands.joinBackward();
    await checked(editor);
    const fresh = editorWith(editor.getHTML());
    const summary = (e: Editor) => styleFindings(e.state).map((f) => [f.rule, f.from, f.to, f.text]);
    expect(summary(editor).length).toBeGreaterThan(2);
    expect(summary(editor)).toEqual(summary(fresh));
    const decorated = (e: Editor) => underlines(e).map((u) => [u.rule, u.text]);
    expect(decorated(editor)).toEqual(decorated(fresh));
  });
});
