// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../renderer/src/api/client';
import { useArticleDraft } from '../../../renderer/src/editor/useArticleDraft';
import { useSaveState } from '../../../renderer/src/stores/saveStore';
import { useSession } from '../../../renderer/src/stores/sessionStore';
import { ApiError } from '../../../shared/api/errors';
import type { ArticleFields } from '../../../shared/domain/article';
import { DRAFT_ID as STORY, draftArticle } from './draftArticle';
import type { SessionInfo } from '../../../shared/domain/session';

const ZHANG = '0190a0b0-0000-7000-8000-00000000a001';
const LI = '0190a0b0-0000-7000-8000-00000000a002';

function signedInAs(userId: string, displayName: string): void {
  const session: SessionInfo = { user: { id: userId, username: displayName, displayName, roles: ['reporter'], disabled: false }, privileges: ['article.read'], paperName: '江城日报' };
  useSession.setState({ phase: 'ready', session });
}

function storedDraftKeys(): string[] {
  return Object.keys(localStorage).filter((k) => k.startsWith('newsroom.draft.'));
}

let calls: Array<{ method: string; input: { baseVersion?: number; patch?: Partial<ArticleFields> } }>;
let failSaves: boolean;

beforeEach(() => {
  localStorage.clear();
  calls = [];
  failSaves = false;
  vi.spyOn(api, 'call').mockImplementation((async (method: string, input: { baseVersion?: number; patch?: Partial<ArticleFields> }) => {
    calls.push({ method, input: structuredClone(input) });
    if (method === 'articles.get') return draftArticle(1);
    if (method === 'articles.update') {
      if (failSaves) throw new ApiError('UNAVAILABLE', '无法连接到编辑部服务。');
      return draftArticle((input.baseVersion ?? 0) + 1, input.patch);
    }
    return { ok: true };
  }) as never);
});

afterEach(() => {
  vi.restoreAllMocks();
  useSaveState.setState({ status: 'idle', savedAt: null, message: null });
  useSession.setState({ phase: 'loading', session: null });
});

async function openStory() {
  const hook = renderHook(() => useArticleDraft(STORY, () => null));
  await waitFor(() => expect(hook.result.current.article).not.toBeNull());
  return hook;
}

describe('the local copy of unsaved edits belongs to the user who typed them', () => {
  it('is never offered to the next person at the workstation, only to its author', async () => {
    signedInAs(ZHANG, '张晓明');
    failSaves = true;
    const zhang = await openStory();
    act(() => zhang.result.current.setField('kicker', '张晓明没能保存的引题'));
    await act(() => zhang.result.current.save('save'));
    zhang.unmount();
    expect(storedDraftKeys()).toHaveLength(1);

    // The window's session ended (not a sign-out); 李静 signs in at the same window and opens the story.
    signedInAs(LI, '李静');
    const li = await openStory();
    expect(li.result.current.recovered).toBeNull();
    li.unmount();

    signedInAs(ZHANG, '张晓明');
    const again = await openStory();
    expect(again.result.current.recovered?.patch).toEqual({ kicker: '张晓明没能保存的引题' });
  });

  it('a copy written before copies carried their user is offered to nobody', async () => {
    localStorage.setItem(`newsroom.draft.${STORY}`, JSON.stringify({ baseVersion: 1, patch: { kicker: '不知是谁的字' }, at: '' }));
    signedInAs(LI, '李静');
    const li = await openStory();
    expect(li.result.current.recovered).toBeNull();
  });
});

describe('signing out', () => {
  it('saves what the open story has pending first, then clears the user’s copies (and only theirs)', async () => {
    localStorage.setItem(`newsroom.draft.${LI}.${STORY}`, JSON.stringify({ baseVersion: 1, patch: { kicker: '李静的' }, at: '' }));
    localStorage.setItem(`newsroom.draft.${STORY}`, JSON.stringify({ baseVersion: 1, patch: { kicker: '旧格式' }, at: '' }));
    signedInAs(ZHANG, '张晓明');
    const zhang = await openStory();
    act(() => zhang.result.current.setField('kicker', '城西新添休闲去处'));
    const confirmLoss = vi.fn(async () => true);

    let signedOut = false;
    await act(async () => {
      signedOut = await useSession.getState().signOut(confirmLoss);
    });
    expect(signedOut).toBe(true);
    expect(confirmLoss).not.toHaveBeenCalled();
    const order = calls.map((c) => c.method).filter((m) => m !== 'articles.get');
    expect(order).toEqual(['articles.update', 'auth.logout']);
    expect(calls.find((c) => c.method === 'articles.update')!.input.patch).toEqual({ kicker: '城西新添休闲去处' });
    zhang.unmount();
    expect(storedDraftKeys()).toEqual([`newsroom.draft.${LI}.${STORY}`]);
    expect(useSession.getState().phase).toBe('login');
  });

  it('asks before losing edits that cannot be saved; staying keeps them, leaving deletes them for good', async () => {
    signedInAs(ZHANG, '张晓明');
    failSaves = true;
    const zhang = await openStory();
    act(() => zhang.result.current.setField('kicker', '断网时写的引题'));

    const stay = vi.fn(async () => false);
    await act(async () => {
      expect(await useSession.getState().signOut(stay)).toBe(false);
    });
    expect(stay).toHaveBeenCalledWith(1);
    expect(useSession.getState().phase).toBe('ready');
    expect(calls.some((c) => c.method === 'auth.logout')).toBe(false);
    expect(storedDraftKeys()).toEqual([`newsroom.draft.${ZHANG}.${STORY}`]);

    await act(async () => {
      expect(await useSession.getState().signOut(async () => true)).toBe(true);
    });
    zhang.unmount();
    expect(storedDraftKeys()).toEqual([]);
  });
});
