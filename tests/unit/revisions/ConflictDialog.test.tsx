// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../renderer/src/api/client';
import { ConflictDialog, type ConflictResolution } from '../../../renderer/src/revisions/ConflictDialog';
import { docToParagraphs } from '../../../shared/document/docText';
import type { Article, ArticleFields } from '../../../shared/domain/article';
import { doc, fields } from './helpers';

const ID = '0190a0b0-0000-7000-8000-000000000002';

function article(version: number, overrides: Partial<ArticleFields>): Article {
  return {
    ...fields({ headline: '市民公园今日开放', kicker: '城西新添休闲去处', body: doc('公园占地三百亩。', '免费向市民开放。', '开放时间为早六点至晚十点。') }),
    ...overrides,
    id: ID,
    status: 'draft',
    version,
    charCount: 0,
    cells: 0,
    paragraphCount: 3,
    createdAt: '2026-11-28T04:00:00.000Z',
    createdBy: 'u1',
    createdByName: '张晓明',
    updatedAt: '2026-11-28T04:10:00.000Z',
    updatedBy: 'u2',
    updatedByName: '李静',
    deletedAt: null,
  };
}

const base = article(3, {});

function mockBase(snapshot: Article | null) {
  return vi.spyOn(api, 'call').mockImplementation((async (method: string) => {
    if (method === 'revisions.getVersion') return { snapshot };
    throw new Error(`unexpected ${method}`);
  }) as never);
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderDialog(mine: Partial<ArticleFields>, theirs: Article) {
  const onResolve = vi.fn<(result: ConflictResolution) => void>();
  render(<ConflictDialog open mine={mine} theirs={theirs} baseVersion={3} onResolve={onResolve} />);
  return onResolve;
}

describe('ConflictDialog', () => {
  it('shows both versions side by side, each with the text only it has marked', async () => {
    const call = mockBase(base);
    renderDialog({ headline: '城西市民公园今日开放' }, article(4, { headline: '市民公园今晨开放' }));
    const dialog = await screen.findByRole('dialog', { name: '稿件已被他人修改' });
    expect(dialog.textContent).toContain('李静 保存了这篇稿件（版本 4）');
    expect(call).toHaveBeenCalledWith('revisions.getVersion', { articleId: ID, version: 3 });
    const mineSide = within(dialog).getByRole('group', { name: '主题：我的修改' });
    const theirSide = within(dialog).getByRole('group', { name: '主题：对方的版本（版本 4）' });
    expect([...mineSide.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['仅我的版本有：城西', '仅我的版本有：日']);
    expect([...theirSide.querySelectorAll('del')].map((e) => e.textContent)).toEqual(['仅对方的版本有：晨']);
    // Read without the screen-reader labels, each side spells its own headline.
    expect(mineSide.textContent!.replaceAll('仅我的版本有：', '')).toBe('我的修改城西市民公园今日开放');
    expect(theirSide.textContent!.replaceAll('仅对方的版本有：', '')).toBe('对方的版本（版本 4）市民公园今晨开放');
  });

  it('合并 takes the changes each side made to different fields and paragraphs without asking', async () => {
    mockBase(base);
    const user = userEvent.setup();
    const mine = { headline: '城西市民公园今日开放', body: doc('公园占地五百亩。', '免费向市民开放。', '开放时间为早六点至晚十点。') };
    const theirs = article(4, { kicker: '休闲去处', body: doc('公园占地三百亩。', '免费向市民开放。', '开放时间为早五点半至晚十点。') });
    const onResolve = renderDialog(mine, theirs);
    await screen.findByText(/可以自动合并/);
    await user.click(screen.getByRole('button', { name: '合 并' }));
    expect(onResolve).toHaveBeenCalledTimes(1);
    const result = onResolve.mock.calls[0]![0];
    expect(result.choice).toBe('merged');
    expect([result.fields.headline, result.fields.kicker]).toEqual(['城西市民公园今日开放', '休闲去处']);
    expect(docToParagraphs(result.fields.body!)).toEqual(['公园占地五百亩。', '免费向市民开放。', '开放时间为早五点半至晚十点。']);
  });

  it('where both changed the same paragraph, 合并 waits for a choice and uses it', async () => {
    mockBase(base);
    const user = userEvent.setup();
    const mine = { headline: '城西市民公园今日开放', body: doc('公园占地三百亩。', '免费向全体市民开放。', '开放时间为早六点至晚十点。') };
    const theirs = article(4, { body: doc('公园占地三百亩。', '向市民免费开放。', '开放时间为早六点至晚十点。') });
    const onResolve = renderDialog(mine, theirs);
    const choice = await screen.findByRole('group', { name: '正文第 2 段' });
    const mergeButton = screen.getByRole('button', { name: '合 并' });
    expect(mergeButton).toHaveProperty('disabled', true);
    await user.click(within(choice).getByRole('radio', { name: /用对方的：向市民免费开放。/ }));
    await waitFor(() => expect(mergeButton).toHaveProperty('disabled', false));
    await user.click(mergeButton);
    const result = onResolve.mock.calls[0]![0];
    expect(result.choice).toBe('merged');
    expect(result.fields.headline).toBe('城西市民公园今日开放');
    expect(docToParagraphs(result.fields.body!)).toEqual(['公园占地三百亩。', '向市民免费开放。', '开放时间为早六点至晚十点。']);
  });

  it('without a recorded base there is no merge; 保留我的 and 改用对方的 still work', async () => {
    mockBase(null);
    const user = userEvent.setup();
    const mine = { headline: '城西市民公园今日开放' };
    const theirs = article(4, { headline: '市民公园今晨开放' });
    const onResolve = renderDialog(mine, theirs);
    expect((await screen.findByText(/没有留作一稿/)).textContent).toContain('版本 3');
    expect(screen.getByRole('button', { name: '合 并' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: '保留我的' }));
    expect(onResolve).toHaveBeenLastCalledWith({ choice: 'mine', fields: mine });
    await user.click(screen.getByRole('button', { name: '改用对方的' }));
    const theirsResult = onResolve.mock.calls[1]![0];
    expect(theirsResult.choice).toBe('theirs');
    expect(theirsResult.fields.headline).toBe('市民公园今晨开放');
    expect(theirsResult.fields).not.toHaveProperty('version');
  });
});
