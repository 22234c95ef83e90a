// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import type { Editor } from '@tiptap/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../renderer/src/api/client';
import { ArticleEditorScreen } from '../../../renderer/src/screens/ArticleEditorScreen';
import { useSaveState } from '../../../renderer/src/stores/saveStore';
import { useSession } from '../../../renderer/src/stores/sessionStore';
import { blocksToDoc } from '../../../shared/document/docText';
import { defaultFields } from '../../../shared/article/fields';
import type { Article, ArticleFields } from '../../../shared/domain/article';

const ID = '0190a0b0-0000-7000-8000-0000000000aa';

function storedArticle(): Article {
  return {
    ...defaultFields(),
    id: ID,
    headline: '江城5G基站突破1万个',
    body: blocksToDoc([{ kind: 'p', text: '记者获悉，江城5G基站已达1.2万个。' }]),
    status: 'draft',
    version: 1,
    charCount: 0,
    cells: 0,
    paragraphCount: 1,
    createdAt: '2026-11-28T04:00:00.000Z',
    createdBy: 'u1',
    createdByName: '张晓明',
    updatedAt: '2026-11-28T04:00:00.000Z',
    updatedBy: 'u1',
    updatedByName: '张晓明',
    deletedAt: null,
  };
}

let server: Article;
let updates: { baseVersion: number; patch: Partial<ArticleFields> }[];

beforeEach(() => {
  localStorage.clear();
  useSession.setState({
    session: {
      user: { id: 'u1', username: 'reporter', displayName: '张晓明', roles: ['reporter'], disabled: false },
      privileges: ['article.read', 'article.create', 'article.edit_own'],
      paperName: '江城日报',
    },
  });
  server = storedArticle();
  updates = [];
  vi.spyOn(api, 'call').mockImplementation((async (method: string, input: { baseVersion: number; patch: Partial<ArticleFields> }) => {
    if (method === 'articles.get') return structuredClone(server);
    if (method === 'admin.desks') return ['要闻部', '经济部', '社会部'];
    if (method === 'articles.update') {
      updates.push(structuredClone(input));
      server = { ...server, ...input.patch, version: server.version + 1 };
      return structuredClone(server);
    }
    // The side panels and the lock badge: a story nobody else holds, without comments or findings.
    if (method === 'locks.status' || method === 'comments.list' || method === 'workflow.people' || method === 'layout.articleSlots') return [];
    if (method === 'locks.acquire') return { articleId: ID, part: (input as unknown as { part: string }).part, userId: 'u1' };
    if (method === 'workflow.actions') return { status: server.status, version: server.version, options: [] };
    if (method === 'proofreading.getWordLists') return { confusable: { entries: [] }, careful: { entries: [] }, exactName: { entries: [] }, placeName: { entries: [] } };
    if (method === 'proofreading.checkArticle') {
      return { articleId: ID, version: server.version, findings: [], counts: { error: 0, warning: 0, info: 0 }, ignoredCount: 0, ignores: [], errorsDigest: null, override: null };
    }
    throw new Error(`unexpected ${method}`);
  }) as never);
  vi.spyOn(api, 'onEvent').mockImplementation(() => () => undefined);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  useSaveState.setState({ status: 'idle', savedAt: null, message: null });
});

async function open() {
  const user = userEvent.setup();
  render(
    <AntApp>
      <ArticleEditorScreen id={ID} />
    </AntApp>,
  );
  await screen.findByDisplayValue('江城5G基站突破1万个');
  const body = screen.getByRole('textbox', { name: '正文' });
  const editor = (body as HTMLElement & { editor: Editor }).editor;
  return { user, body, editor };
}

/** Saves now, as Ctrl+S does, and returns what was sent. */
async function saveNow(): Promise<Partial<ArticleFields>> {
  const before = updates.length;
  fireEvent.keyDown(screen.getByRole('textbox', { name: '正文' }), { key: 's', ctrlKey: true });
  await waitFor(() => expect(updates.length).toBeGreaterThan(before));
  return Object.assign({}, ...updates.map((u) => u.patch)) as Partial<ArticleFields>;
}

/** Puts text into a field in one input event: what is typed is not the point here. */
async function fill(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

async function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  const items = await screen.findAllByTitle(option);
  fireEvent.click(items[items.length - 1]!);
}

describe('the article form', () => {
  it('saves every field a writer fills in', async () => {
    const { user } = await open();
    await fill(user, '引题', '数字江城');
    await fill(user, '副题', '——覆盖全部街道');
    await fill(user, '稿件名', '5G基站');
    await choose('部门', '经济部');
    await choose('体裁', '通讯');
    await choose('优先级', '1 最高');
    await fill(user, '见报日期', '2026-12-01');
    await fill(user, '版次', '2');
    await fill(user, '目标字数', '800');
    await user.click(screen.getByRole('button', { name: '添加署名' }));
    await fill(user, '署名 1 姓名', '张三');
    await user.click(screen.getByRole('button', { name: '添加署名' }));
    await fill(user, '署名 2 姓名', '李四');
    await choose('署名 2 身份', '通讯员');
    await choose('电头', '本地（本报讯）');
    await fill(user, '文尾署名', '王磊');
    await fill(user, '摘要', '江城5G基站突破1万个。');
    await fill(user, '编者按', '数字基础设施建设提速。');
    await user.type(screen.getByLabelText('关键词'), '5G，基站，');

    const saved = await saveNow();
    expect(saved).toEqual({
      kicker: '数字江城',
      subheadline: '——覆盖全部街道',
      slug: '5G基站',
      desk: '经济部',
      genre: '通讯',
      priority: 1,
      editionDate: '2026-12-01',
      page: 2,
      targetChars: 800,
      bylines: [
        { name: '张三', role: '记者' },
        { name: '李四', role: '通讯员' },
      ],
      dateline: { kind: 'local' },
      endCredit: '王磊',
      abstract: '江城5G基站突破1万个。',
      editorsNote: '数字基础设施建设提速。',
      keywords: ['5G', '基站'],
    });
    expect(updates.at(-1)?.baseVersion).toBe(server.version - 1);
  }, 60_000);

  it('autosaves after a pause in typing, and the status bar store reports the time', async () => {
    const { user } = await open();
    await user.type(screen.getByLabelText('引题'), '数字江城');
    expect(updates).toHaveLength(0);
    await waitFor(() => expect(updates).toHaveLength(1), { timeout: 5000 });
    expect(updates[0]!.patch).toEqual({ kicker: '数字江城' });
    await waitFor(() => expect(useSaveState.getState().status).toBe('saved'));
  });

  it('holds back an emptied headline, says it is required, and still saves the rest', async () => {
    const { user } = await open();
    await user.clear(screen.getByLabelText('主题'));
    await user.type(screen.getByLabelText('引题'), '数字江城');
    expect(screen.getByRole('alert').textContent).toContain('请填写主题（标题）');
    const saved = await saveNow();
    expect(saved).toEqual({ kicker: '数字江城' });
  });

  it('previews the 电头 from the byline and dateline fields, and says what is missing', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: '添加署名' }));
    await user.type(screen.getByLabelText('署名 1 姓名'), '张三');
    await choose('电头', '本地（本报讯）');
    const preview = () => screen.getByRole('note', { name: '电头预览' });
    expect(preview().textContent).toContain('本报讯（记者 张三）记者获悉，江城5G基站已达1.2万个。');

    await choose('电头', '外地（本报某地某日电）');
    expect(preview().textContent).toContain('外地和通讯社电头需要填写地点');
    await user.type(screen.getByLabelText('地点'), '北京');
    expect(preview().textContent).toContain('需要填写月、日');
    await user.type(screen.getByLabelText('月'), '3');
    await user.type(screen.getByLabelText('日'), '5');
    expect(preview().textContent).toContain('本报北京3月5日电（记者 张三）');

    await user.type(screen.getByLabelText('文尾署名'), '王磊');
    expect(screen.getByRole('note', { name: '文尾署名预览' }).textContent).toContain('（王磊）');
  });

  it('counts the body live, lines at the chosen column width, against the target', async () => {
    const { user, editor } = await open();
    const counts = screen.getByRole('status', { name: '字数统计' });
    // 记者获悉，江城5G基站已达1.2万个。 : 16 字, 16 cells → ⌈18/13⌉ = 2 lines
    await waitFor(() => expect(counts.textContent).toContain('字数 16'));
    expect(counts.textContent).toContain('2 行（每行 13 字）');
    await user.type(screen.getByLabelText('目标字数'), '20');
    expect(counts.textContent).toContain('还差 4 字');
    expect(within(counts).getByRole('progressbar', { name: '目标完成度' }).getAttribute('aria-valuenow')).toBe('80');

    act(() => {
      editor.chain().focus('end').insertContent('iPhone 15用户占比3.5%——创新高……').run();
    });
    // + iPhone, 15, 用户占比 (4), 3.5, %, —— (2), 创新高 (3), …… (2) = 15 字
    await waitFor(() => expect(counts.textContent).toContain('字数 31'));
    expect(counts.textContent).toContain('超出 11 字');
    await choose('栏宽', '2栏 27字');
    expect(counts.textContent).toContain('行（每行 27 字）');
  });

  it('leaves notes out of the count: the toolbar button and Ctrl+Alt+M mark them', async () => {
    const { user, editor } = await open();
    const counts = screen.getByRole('status', { name: '字数统计' });
    await waitFor(() => expect(counts.textContent).toContain('字数 16'));
    act(() => {
      editor.chain().focus().setTextSelection({ from: 1, to: 5 }).run();
    });
    await user.click(screen.getByRole('button', { name: '批注' }));
    expect(editor.view.dom.querySelector('span[data-note]')?.textContent).toContain('记者获悉');
    await waitFor(() => expect(counts.textContent).toContain('字数 12'));
    expect(screen.getByRole('button', { name: '批注' }).getAttribute('aria-pressed')).toBe('true');

    act(() => {
      editor.commands.setTextSelection({ from: 1, to: 5 });
    });
    fireEvent.keyDown(editor.view.dom, { key: 'm', code: 'KeyM', keyCode: 77, ctrlKey: true, altKey: true });
    expect(editor.view.dom.querySelector('span[data-note]')).toBeNull();
    await waitFor(() => expect(counts.textContent).toContain('字数 16'));
  });

  it('picks the 部门 from the paper’s list; a desk since taken off the list still shows, marked', async () => {
    server = { ...storedArticle(), desk: '经济' };
    await open();
    const desk = screen.getByRole('combobox', { name: '部门' });
    await waitFor(() => expect(desk.closest('.ant-select')?.textContent).toBe('经济（不在部门列表中）'));
    fireEvent.mouseDown(desk);
    await screen.findAllByTitle('要闻部');
    expect([...document.querySelectorAll('.ant-select-item-option-content')].map((o) => o.textContent)).toEqual(['（未分部门）', '要闻部', '经济部', '社会部', '经济（不在部门列表中）']);
  });

  it('types after a 批注 that closes a paragraph into the paragraph, while a note being typed goes on', async () => {
    const { user, editor } = await open();
    const endOfFirst = () => editor.state.doc.firstChild!.nodeSize - 1;
    // What a keystroke does: the text goes in with the stored marks, or the marks at the cursor.
    const type = (text: string) => act(() => editor.view.dispatch(editor.state.tr.insertText(text)));
    act(() => {
      editor.chain().focus().setTextSelection(endOfFirst()).run();
    });
    await user.click(screen.getByRole('button', { name: '批注' }));
    type('待');
    type('核实');
    expect(editor.view.dom.querySelector('span[data-note]')?.textContent).toBe('待核实');

    // Back later: the cursor put at the end of the paragraph, after the note.
    act(() => {
      editor.chain().setTextSelection(1).setTextSelection(endOfFirst()).run();
    });
    type('补充一句。');
    expect(editor.view.dom.querySelector('span[data-note]')?.textContent).toBe('待核实');
    expect(editor.state.doc.firstChild!.textContent.endsWith('待核实补充一句。')).toBe(true);
  });

  it('names every formatting button and its shortcut', async () => {
    await open();
    const toolbar = screen.getByRole('toolbar', { name: '正文格式' });
    const shortcuts = Object.fromEntries(
      within(toolbar)
        .getAllByRole('button')
        .map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-keyshortcuts')]),
    );
    expect(shortcuts).toEqual({
      加粗: 'Control+B',
      倾斜: 'Control+I',
      小标题: 'Control+Alt+3',
      列表: 'Control+Shift+8',
      编号列表: 'Control+Shift+7',
      引文: 'Control+Shift+B',
      批注: 'Control+Alt+M',
      撤销: 'Control+Z',
      重做: 'Control+Y',
    });
  });

  it('opens a story the writer may no longer change read-only, and says why', async () => {
    server = { ...storedArticle(), status: 'approved' };
    render(
      <AntApp>
        <ArticleEditorScreen id={ID} />
      </AntApp>,
    );
    await screen.findByDisplayValue('江城5G基站突破1万个');
    expect(screen.getByRole('alert').textContent).toContain('稿件已交稿，现为“已签发”');
    expect(screen.getByRole('textbox', { name: '正文' }).getAttribute('contenteditable')).toBe('false');
    expect((screen.getByLabelText('引题') as HTMLTextAreaElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: /^保\s?存$/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
