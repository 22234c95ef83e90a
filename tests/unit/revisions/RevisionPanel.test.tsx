// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../renderer/src/api/client';
import { RevisionPanel } from '../../../renderer/src/revisions/RevisionPanel';
import { ApiError } from '../../../shared/api/errors';
import type { RevisionSummary } from '../../../shared/api/methods/revisions';
import type { Article } from '../../../shared/domain/article';
import { diffArticles } from '../../../shared/revisions/articleDiff';
import { doc, fields } from './helpers';

const ARTICLE = '0190a0b0-0000-7000-8000-000000000001';
const v1 = fields({ headline: '市民公园今日开放', body: doc('公园占地三百亩。') });
const v2 = fields({ headline: '城西市民公园今日开放', body: doc('公园占地五百亩。') });
const HISTORY: RevisionSummary[] = [
  { id: 'r3', number: 3, articleVersion: 4, reason: 'save', createdAt: '2026-11-28T04:10:00.000Z', createdByName: '王海燕', charCount: 8 },
  { id: 'r2', number: 2, articleVersion: 2, reason: 'autosave', createdAt: '2026-11-28T04:05:00.000Z', createdByName: '张晓明', charCount: 8 },
  { id: 'r1', number: 1, articleVersion: 1, reason: 'create', createdAt: '2026-11-28T04:00:00.000Z', createdByName: '张晓明', charCount: 8 },
];

let call: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  call = vi.spyOn(api, 'call').mockImplementation((async (method: string, input: Record<string, unknown>) => {
    if (method === 'revisions.list') return HISTORY;
    if (method === 'revisions.diff') {
      return { from: { revisionId: input['from'], version: 1 }, to: { revisionId: input['to'], version: 2 }, ...diffArticles(v1, v2) };
    }
    throw new Error(`unexpected ${method}`);
  }) as never);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderPanel(onRestored = vi.fn()) {
  render(<RevisionPanel articleId={ARTICLE} currentVersion={4} onRestored={onRestored} />);
  return onRestored;
}

describe('RevisionPanel', () => {
  it('lists the revisions as 第 N 稿 numbered without gaps, the version beside each, who saved it, why, and its 字数', async () => {
    renderPanel();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(1, 4).map((c) => c.textContent))).toEqual([
      ['第 3 稿 · 版本 4 （当前）', '保存', '王海燕'],
      ['第 2 稿 · 版本 2', '自动保存', '张晓明'],
      ['第 1 稿 · 版本 1', '新建', '张晓明'],
    ]);
    // 版 is a page: nowhere does the history call a revision 第N版.
    expect(document.body.textContent).not.toMatch(/第\s*\d+\s*版/);
    expect(screen.getByText(/版本号每次保存（包括自动保存）都加一/)).toBeTruthy();
    expect(within(rows[0]!).getAllByRole('cell')[5]!.textContent).toBe('8');
    // The current version is already what the editor shows: nothing to restore there.
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
  });

  it('selecting two revisions shows a character diff, older → newer, with insertions and deletions named for screen readers', async () => {
    const user = userEvent.setup();
    renderPanel();
    // Picked newer first: the panel still compares older → newer.
    await user.click(await screen.findByRole('checkbox', { name: /选择第 2 稿/ }));
    expect(call).not.toHaveBeenCalledWith('revisions.diff', expect.anything());
    await user.click(screen.getByRole('checkbox', { name: /选择第 1 稿/ }));
    expect(call).toHaveBeenCalledWith('revisions.diff', { articleId: ARTICLE, from: 'r1', to: 'r2' });

    const comparison = await screen.findByRole('region', { name: '第 1 稿 → 第 2 稿' });
    const headline = await within(comparison).findByRole('region', { name: '主题' });
    expect([...headline.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['新增：城西']);
    const body = within(comparison).getByRole('region', { name: '正文' });
    expect([...body.querySelectorAll('del')].map((e) => e.textContent)).toEqual(['删除：三']);
    expect([...body.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['新增：五']);
    expect(comparison.textContent).toContain('新增 3 字，删除 1 字');
  });

  it('a third pick replaces the first, so the last two picked are compared', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('checkbox', { name: /选择第 1 稿/ }));
    await user.click(screen.getByRole('checkbox', { name: /选择第 2 稿/ }));
    await user.click(screen.getByRole('checkbox', { name: /选择第 3 稿/ }));
    expect((screen.getByRole('checkbox', { name: /选择第 1 稿/ }) as HTMLInputElement).checked).toBe(false);
    expect(call).toHaveBeenLastCalledWith('revisions.diff', { articleId: ARTICLE, from: 'r2', to: 'r3' });
  });

  it('恢复此稿 asks first, restores on the current version and reports the new one', async () => {
    const user = userEvent.setup();
    const restored = { id: ARTICLE, version: 5, headline: '市民公园今日开放' } as Article;
    const base = call.getMockImplementation()!;
    call.mockImplementation((async (method: string, input: unknown) => (method === 'revisions.restore' ? restored : base(method, input))) as never);
    const onRestored = renderPanel();

    await user.click(await screen.findByRole('button', { name: '恢复第 1 稿' }));
    const dialog = await screen.findByRole('dialog', { name: '恢复第 1 稿？' });
    expect(dialog.textContent).toContain('将另存为新的第 4 稿（版本 5）');
    expect(call).not.toHaveBeenCalledWith('revisions.restore', expect.anything());
    await user.click(within(dialog).getByRole('button', { name: /恢\s*复/ }));

    await waitFor(() => expect(onRestored).toHaveBeenCalledWith(restored));
    expect(call).toHaveBeenCalledWith('revisions.restore', { articleId: ARTICLE, revisionId: 'r1', baseVersion: 4 });
    expect((await screen.findByRole('status')).textContent).toBe('已将第 1 稿恢复为新的第 4 稿（版本 5）。');
  });

  it('a refused restore shows the main side’s message and restores nothing', async () => {
    const user = userEvent.setup();
    const base = call.getMockImplementation()!;
    call.mockImplementation((async (method: string, input: unknown) => {
      if (method === 'revisions.restore') throw new ApiError('FORBIDDEN', '您只能修改自己写的稿件；这篇稿件的修改需要编辑或部门主任权限。');
      return base(method, input);
    }) as never);
    const onRestored = renderPanel();
    await user.click(await screen.findByRole('button', { name: '恢复第 2 稿' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /恢\s*复/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('您只能修改自己写的稿件');
    expect(onRestored).not.toHaveBeenCalled();
  });
});
