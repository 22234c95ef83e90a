// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Editor } from '@tiptap/react';
import { App as AntApp, ConfigProvider } from 'antd';
import StarterKit from '@tiptap/starter-kit';
import type { ArticleStyleReport, PaperWordLists } from '../../../shared/api/methods/proofreading';
import { DEFAULT_WORD_LISTS } from '../../../shared/style/index';
import { textHash } from '../../../shared/proofreading/hash';
import type { FieldFinding, StoryIgnore } from '../../../shared/proofreading/findings';
import type { ProofMark } from '../../../shared/proofreading/proofDesk';

// antd's first render in jsdom is slow, more so on a shared, busy machine.
vi.setConfig({ testTimeout: 90_000 });

const call = vi.fn();
vi.mock('../../../renderer/src/api/client', () => ({ api: { call: (...args: unknown[]) => call(...args), onEvent: () => () => undefined } }));

const { ProofreadingPanel } = await import('../../../renderer/src/proofreading/ProofreadingPanel');
const { StyleMarks, styleCheckPending } = await import('../../../renderer/src/proofreading/styleMarks');
const { useSession } = await import('../../../renderer/src/stores/sessionStore');

const ARTICLE_ID = '01a223b7-9de7-70ae-8ef1-92499b73ba31';

const LISTS: PaperWordLists = {
  confusable: { kind: 'confusable', entries: DEFAULT_WORD_LISTS.confusables, version: 0, isDefault: true, updatedAt: null, updatedByName: null },
  careful: { kind: 'careful', entries: DEFAULT_WORD_LISTS.careful, version: 0, isDefault: true, updatedAt: null, updatedByName: null },
  exactName: { kind: 'exactName', entries: [], version: 1, isDefault: false, updatedAt: null, updatedByName: null },
  placeName: { kind: 'placeName', entries: [{ wrong: '汉江堤', right: '汉江大堤' }], version: 1, isDefault: false, updatedAt: null, updatedByName: null },
};

const HEADLINE_FINDING: FieldFinding = {
  rule: 'headline-punct',
  severity: 'error',
  start: 4,
  end: 5,
  message: '标题末尾不用“。”',
  fix: { start: 4, end: 5, replacement: '' },
  field: 'headline',
  paragraph: 0,
  paragraphHash: textHash('江城春早。'),
  text: '。',
};

function report(overrides: Partial<ArticleStyleReport> = {}): ArticleStyleReport {
  return {
    articleId: ARTICLE_ID,
    version: 3,
    findings: [HEADLINE_FINDING],
    counts: { error: 1, warning: 0, info: 0 },
    ignoredCount: 0,
    ignores: [],
    errorsDigest: 'a'.repeat(64),
    override: null,
    ...overrides,
  };
}

let storyIgnores: StoryIgnore[];
let editor: Editor;
let proofMarks: ProofMark[] = [];

// ProseMirror scrolls a selection into view; jsdom has nothing to scroll.
beforeAll(() => {
  Element.prototype.scrollIntoView = () => {};
});

beforeEach(() => {
  storyIgnores = [];
  proofMarks = [];
  call.mockReset();
  call.mockImplementation(async (method: string, input: Record<string, unknown>) => {
    switch (method) {
      case 'proofreading.getWordLists':
        return LISTS;
      case 'proofreading.checkArticle':
        return report({ ignores: storyIgnores });
      case 'proofreading.ignore':
        storyIgnores = [...storyIgnores, { rule: input['rule'] as string, text: input['text'] as string, paragraphHash: input['paragraphHash'] as string }];
        return { ignores: storyIgnores };
      case 'proofreading.storyMarks':
        return proofMarks;
      case 'proofreading.setMark':
        proofMarks = proofMarks.map((m) => (m.id === input['markId'] ? { ...m, status: input['status'] as ProofMark['status'], version: m.version + 1 } : m));
        return proofMarks.find((m) => m.id === input['markId']);
      case 'proofreading.override':
        return report({ override: { reason: input['reason'] as string, byName: '编辑甲', at: '2025-03-05T08:00:00.000Z' } });
      default:
        throw new Error(`unexpected ${method}`);
    }
  });
  useSession.setState({ session: { user: { id: 'u', username: 'editor', displayName: '编辑甲', roles: ['editor'], disabled: false }, privileges: ['article.read', 'workflow.review1'], paperName: '江城日报' } });
});

afterEach(() => {
  cleanup();
  editor?.destroy();
});

async function mount(content: string) {
  editor = new Editor({ extensions: [StarterKit, StyleMarks], content });
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <AntApp>
        <ProofreadingPanel editor={editor} articleId={ARTICLE_ID} savedVersion={1} />
      </AntApp>
    </ConfigProvider>,
  );
  await waitFor(() => expect(call).toHaveBeenCalledWith('proofreading.checkArticle', { articleId: ARTICLE_ID }));
  await screen.findByText('标题末尾不用“。”');
}

function bodyList() {
  return screen.queryByRole('list', { name: '正文' });
}

/** The first listed finding with this message. */
function itemFor(message: string): HTMLElement {
  return within(bodyList()!).getAllByText(message)[0]!.closest('li')!;
}

function typeAtEnd(text: string) {
  act(() => {
    editor.view.dispatch(editor.state.tr.insertText(text, editor.state.doc.content.size - 1));
  });
}

describe('the proofreading panel', () => {
  it('shows the 校对’s marks from the 大样, selects the marked text in the body, and tells the 校对 it is fixed', async () => {
    proofMarks = [
      {
        id: 'm1', pageId: 'p1', round: 1, slotId: 's1', articleId: ARTICLE_ID, headline: '江城春早', field: 'body',
        // The printed block starts with the 电头 本报讯（记者 张三）: the quote is found in the body all the same.
        paragraph: 0, start: 12, end: 17, quote: '增加了210', correction: '增加210', note: '删去“了”', status: 'open',
        createdByName: '郑秀兰', createdAt: '2025-03-05T08:00:00.000Z', fixedByName: null, fixedAt: null, checkedByName: null, checkedAt: null, version: 1,
      },
    ];
    useSession.setState({ session: { user: { id: 'u', username: 'editor', displayName: '编辑甲', roles: ['editor'], disabled: false }, privileges: ['article.read', 'article.edit_any'], paperName: '江城日报' } });
    await mount('<p>比去年增加了210亩。</p>');
    const marks = await screen.findByRole('region', { name: '大样校对意见' });
    fireEvent.click(within(marks).getByRole('button', { name: '“增加了210” → “增加210”' }));
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe('增加了210');
    fireEvent.click(within(marks).getByRole('button', { name: '已改' }));
    await waitFor(() => expect(call).toHaveBeenCalledWith('proofreading.setMark', { markId: 'm1', status: 'fixed', baseVersion: 1 }));
  });

  it("loads the paper's lists into the editor and lists the other fields from the saved version", async () => {
    await mount('<p>沿汉江堤散步。</p>');
    expect(within(bodyList()!).getByText('地名“汉江堤”应为“汉江大堤”')).toBeTruthy();
    const others = screen.getByRole('list', { name: '标题、电头、署名等（以已保存的版本为准）' });
    expect(within(others).getByText('主题')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('错误 2 · 警告 0 · 提示 0');
  });

  it('lists a violation as it is typed; 改 fixes it and the item goes', async () => {
    await mount('<p>天气很好。</p>');
    expect(bodyList()).toBeNull();
    typeAtEnd('好象要下雨');
    // The body is checked again when the window is idle after typing.
    const item = await waitFor(() => itemFor('“好象”应为“好像”'));
    expect(within(item).getByRole('button', { name: '改' }).getAttribute('title')).toBe('改为“好像”');
    fireEvent.click(within(item).getByRole('button', { name: '改' }));
    expect(editor.getText()).toBe('天气很好。好像要下雨');
    expect(bodyList()).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('错误 1 · 警告 0 · 提示 0');
  });

  it('asks to wait a moment before fixing a finding in the paragraph just typed in, then fixes it', async () => {
    await mount('<p>天气好象不错</p>');
    typeAtEnd('。');
    fireEvent.click(within(itemFor('“好象”应为“好像”')).getByRole('button', { name: '改' }));
    expect(await screen.findByText('刚改过的段落正在重新检查，请稍候再试')).toBeTruthy();
    expect(editor.getText()).toBe('天气好象不错。');
    await waitFor(() => expect(styleCheckPending(editor.state)).toBe(false));
    fireEvent.click(within(await waitFor(() => itemFor('“好象”应为“好像”'))).getByRole('button', { name: '改' }));
    expect(editor.getText()).toBe('天气好像不错。');
  });

  it('clicking a finding selects its span in the editor', async () => {
    await mount('<p>天气好象不错。</p>');
    fireEvent.click(within(itemFor('“好象”应为“好像”')).getByRole('button', { name: '“好象”应为“好像”' }));
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe('好象');
  });

  it('全部安全修改 applies every safe fix in one step that one undo reverts', async () => {
    await mount('<p>记者了解到,项目好象启动...</p><p>共计２０２４件。</p>');
    fireEvent.click(screen.getByRole('button', { name: '全部安全修改' }));
    expect(editor.getText({ blockSeparator: '|' })).toBe('记者了解到，项目好像启动……|共计2024件。');
    expect(bodyList()).toBeNull();
    act(() => {
      editor.commands.undo();
    });
    expect(editor.getText({ blockSeparator: '|' })).toBe('记者了解到,项目好象启动...|共计２０２４件。');
  });

  it('忽略一次 hides the finding in this editor without telling the main side', async () => {
    await mount('<p>天气好象不错。</p>');
    fireEvent.click(within(itemFor('“好象”应为“好像”')).getByRole('button', { name: '忽略一次' }));
    expect(bodyList()).toBeNull();
    expect(call).not.toHaveBeenCalledWith('proofreading.ignore', expect.anything());
  });

  it('本稿忽略 records the ignore for the story and hides it', async () => {
    await mount('<p>他说：“我好象见过。”</p><p>好象不对。</p>');
    fireEvent.click(within(itemFor('“好象”应为“好像”')).getByRole('button', { name: '本稿忽略' }));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('proofreading.ignore', {
        articleId: ARTICLE_ID,
        rule: 'confusable-words',
        text: '好象',
        scope: 'story',
        paragraphHash: textHash('他说：“我好象见过。”'),
      }),
    );
    await waitFor(() => expect(within(bodyList()!).getAllByRole('listitem')).toHaveLength(1));
    expect(editor.getText({ blockSeparator: '|' })).toBe('他说：“我好象见过。”|好象不对。');
  });

  it('a reviewer lets saved errors through only with a reason', async () => {
    await mount('<p>天气很好。</p>');
    fireEvent.click(screen.getByRole('button', { name: '说明理由后放行…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '放行' }));
    expect(await within(dialog).findByText('请填写放行理由')).toBeTruthy();
    expect(call).not.toHaveBeenCalledWith('proofreading.override', expect.anything());
    fireEvent.change(within(dialog).getByRole('textbox', { name: '放行理由' }), { target: { value: '报头题字照录' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '放行' }));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('proofreading.override', { articleId: ARTICLE_ID, findingsDigest: 'a'.repeat(64), reason: '报头题字照录' }),
    );
    expect(await screen.findByText(/已放行：报头题字照录（编辑甲/)).toBeTruthy();
  });

  it('offers no override to someone who does not review copy', async () => {
    useSession.setState({ session: { user: { id: 'r', username: 'reporter', displayName: '记者乙', roles: ['reporter'], disabled: false }, privileges: ['article.read'], paperName: '江城日报' } });
    await mount('<p>天气很好。</p>');
    expect(screen.getByText(/有 1 处错误未改/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '说明理由后放行…' })).toBeNull();
  });
});
