// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { PaperWordLists } from '../../../shared/api/methods/proofreading';
import { DEFAULT_WORD_LISTS } from '../../../shared/style/index';

// antd's first render in jsdom is slow, more so on a shared, busy machine.
vi.setConfig({ testTimeout: 90_000 });

const call = vi.fn();
vi.mock('../../../renderer/src/api/client', () => ({ api: { call: (...args: unknown[]) => call(...args) } }));

const { WordListsScreen } = await import('../../../renderer/src/proofreading/WordListsScreen');
const { useSession } = await import('../../../renderer/src/stores/sessionStore');

let lists: PaperWordLists;

function freshLists(): PaperWordLists {
  return {
    confusable: { kind: 'confusable', entries: DEFAULT_WORD_LISTS.confusables, version: 0, isDefault: true, updatedAt: null, updatedByName: null },
    careful: { kind: 'careful', entries: DEFAULT_WORD_LISTS.careful, version: 0, isDefault: true, updatedAt: null, updatedByName: null },
    exactName: { kind: 'exactName', entries: [], version: 0, isDefault: true, updatedAt: null, updatedByName: null },
    placeName: {
      kind: 'placeName',
      entries: [{ wrong: '黄埔江', right: '黄浦江' }],
      version: 2,
      isDefault: false,
      updatedAt: '2025-03-05T08:00:00.000Z',
      updatedByName: '管理员',
    },
  };
}

function signIn(privileges: string[]) {
  useSession.setState({
    session: { user: { id: 'u', username: 'admin', displayName: '管理员', roles: ['admin'], disabled: false }, privileges: privileges as never, paperName: '江城日报' },
  });
}


beforeEach(() => {
  lists = freshLists();
  call.mockReset();
  call.mockImplementation(async (method: string, input: Record<string, unknown>) => {
    switch (method) {
      case 'proofreading.getWordLists':
        return lists;
      case 'proofreading.saveWordList': {
        const kind = input['kind'] as 'placeName';
        lists = { ...lists, [kind]: { ...lists[kind], entries: input['entries'] as PaperWordLists['placeName']['entries'], version: lists[kind].version + 1, isDefault: false } };
        return lists[kind];
      }
      case 'proofreading.importCsv':
        return { imported: 1, errors: [{ line: 3, message: '错误写法和正确写法都不能为空' }], list: lists.placeName };
      case 'proofreading.exportCsv':
        return 'wrong,right\r\n黄埔江,黄浦江\r\n';
      default:
        throw new Error(`unexpected ${method}`);
    }
  });
  signIn(['article.read', 'settings.manage']);
});

afterEach(cleanup);

async function openPlaceNames() {
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <AntApp>
        <WordListsScreen />
      </AntApp>
    </ConfigProvider>,
  );
  fireEvent.click(await screen.findByRole('tab', { name: '地名' }));
  await screen.findByText('黄埔江');
  return screen.getByRole('tabpanel', { name: '地名' });
}

describe('the word lists screen', () => {
  it('shows each list in its own tab, the built-in ones marked as such', async () => {
    render(
      <AntApp>
        <WordListsScreen />
      </AntApp>,
    );
    expect(await screen.findByText('美仑美奂')).toBeTruthy();
    expect(screen.getByText(/正在使用内置词表/)).toBeTruthy();
  });

  it('shows when a confusable counts as wrong in words, never the stored code or pattern', async () => {
    render(
      <AntApp>
        <WordListsScreen />
      </AntApp>,
    );
    const row = (word: string) => screen.getByText(word).closest('tr')!;
    await screen.findByText('美仑美奂');
    expect(row('好象').textContent).toContain('前面不是“爱”“喜”“嗜”，后面不是“棋”“牙”时算错');
    expect(row('截止').textContent).toContain('后面紧跟时间时算错');
    expect(row('既使').textContent).toContain('同一句里后面没有“又”时算错');
    expect(row('美仑美奂').textContent).toContain('任何位置都算错');
    const table = screen.getAllByRole('table')[0]!;
    expect(table.textContent).not.toMatch(/regex:|before-time|\(\?<?!/);
  });

  it('adds an entry to the list the user is on, saving against the version shown', async () => {
    const pane = await openPlaceNames();
    fireEvent.change(within(pane).getByRole('textbox', { name: '错误写法' }), { target: { value: '汉江堤' } });
    fireEvent.change(within(pane).getByRole('textbox', { name: '正确写法' }), { target: { value: '汉江大堤' } });
    fireEvent.click(within(pane).getByRole('button', { name: '添加' }));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('proofreading.saveWordList', {
        kind: 'placeName',
        baseVersion: 2,
        entries: [
          { wrong: '黄埔江', right: '黄浦江' },
          { wrong: '汉江堤', right: '汉江大堤' },
        ],
      }),
    );
    expect(await within(pane).findByText('汉江大堤')).toBeTruthy();
  });

  it('says which box is empty instead of saving half an entry', async () => {
    const pane = await openPlaceNames();
    fireEvent.change(within(pane).getByRole('textbox', { name: '错误写法' }), { target: { value: '汉江堤' } });
    fireEvent.click(within(pane).getByRole('button', { name: '添加' }));
    expect((await within(pane).findByRole('alert')).textContent).toContain('请填写正确写法');
    expect(call).not.toHaveBeenCalledWith('proofreading.saveWordList', expect.anything());
  });

  it('removes an entry', async () => {
    const pane = await openPlaceNames();
    fireEvent.click(within(pane).getByRole('button', { name: '删除“黄埔江”' }));
    await waitFor(() => expect(call).toHaveBeenCalledWith('proofreading.saveWordList', { kind: 'placeName', baseVersion: 2, entries: [] }));
  });

  it('imports a picked CSV file, replacing the list, and lists the lines that were not imported', async () => {
    const pane = await openPlaceNames();
    fireEvent.click(within(pane).getByRole('button', { name: '导入 CSV…' }));
    const dialog = await screen.findByRole('dialog');
    const csv = 'wrong,right\n汉江堤,汉江大堤\n缺一列,\n';
    fireEvent.change(within(dialog).getByTestId('csv-file'), { target: { files: [new File([csv], 'places.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect((within(dialog).getByRole('textbox', { name: 'CSV 内容' }) as HTMLTextAreaElement).value).toBe(csv));
    fireEvent.click(within(dialog).getByRole('radio', { name: '替换整张词表' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '导入' }));
    await waitFor(() => expect(call).toHaveBeenCalledWith('proofreading.importCsv', { kind: 'placeName', csv, mode: 'replace' }));
    expect(await within(dialog).findByText('已导入 1 条')).toBeTruthy();
    expect(within(dialog).getByText('第 3 行：错误写法和正确写法都不能为空')).toBeTruthy();
  });

  it('exports the list as a CSV file Excel reads as UTF-8', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:word-list';
    };
    URL.revokeObjectURL = () => {};
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const pane = await openPlaceNames();
    fireEvent.click(within(pane).getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(clicked.mock.instances[0]).toMatchObject({ download: 'placeName.csv' });
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFwrong,right\r\n黄埔江,黄浦江\r\n');
    clicked.mockRestore();
  });

  it('lets someone without the settings privilege read and export, not change', async () => {
    signIn(['article.read']);
    const pane = await openPlaceNames();
    expect(within(pane).getByText('只有具有“系统设置”权限的账号可以修改词表。')).toBeTruthy();
    expect(within(pane).queryByRole('button', { name: '添加' })).toBeNull();
    expect(within(pane).queryByRole('button', { name: '导入 CSV…' })).toBeNull();
    expect(within(pane).queryByRole('button', { name: '删除“黄埔江”' })).toBeNull();
    expect(within(pane).getByRole('button', { name: '导出 CSV' })).toBeTruthy();
  });
});
