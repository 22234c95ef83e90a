// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../renderer/src/api/client';
import { useArticleDraft } from '../../../renderer/src/editor/useArticleDraft';
import { useSaveState } from '../../../renderer/src/stores/saveStore';
import { ApiError } from '../../../shared/api/errors';
import { blocksToDoc } from '../../../shared/document/docText';
import type { ArticleFields } from '../../../shared/domain/article';
import { DRAFT_ID as ID, draftArticle } from './draftArticle';
import type { DocNode } from '../../../shared/document/docTypes';

interface Call {
  method: string;
  input: { baseVersion?: number; patch?: Partial<ArticleFields> };
  options?: { keepalive?: boolean };
}

let calls: Call[];
let respond: (call: Call) => unknown;

beforeEach(() => {
  localStorage.clear();
  calls = [];
  respond = ({ method, input }) => (method === 'articles.get' ? draftArticle(1) : draftArticle((input.baseVersion ?? 0) + 1, input.patch));
  vi.spyOn(api, 'call').mockImplementation((async (method: string, input: Call['input'], options?: Call['options']) => {
    const call = { method, input: structuredClone(input), options };
    calls.push(call);
    return respond(call);
  }) as never);
});

afterEach(() => {
  vi.restoreAllMocks();
  useSaveState.setState({ status: 'idle', savedAt: null, message: null });
});

async function loaded(readBody: () => DocNode | null = () => null) {
  const hook = renderHook(() => useArticleDraft(ID, readBody));
  await waitFor(() => expect(hook.result.current.article).not.toBeNull());
  return hook;
}

describe('the article draft', () => {
  it('keeps one API object across renders, so listeners are not re-registered on every keystroke', async () => {
    const hook = await loaded();
    const first = hook.result.current;
    hook.rerender();
    expect(hook.result.current).toBe(first);
    act(() => first.setField('kicker', '城西新添休闲去处'));
    hook.rerender();
    expect(hook.result.current.setField).toBe(first.setField);
    expect(hook.result.current.markBodyDirty).toBe(first.markBodyDirty);
    expect(hook.result.current.flush).toBe(first.flush);
  });

  it('saves a conflict resolution on top of their version', async () => {
    const hook = await loaded();
    const theirs = draftArticle(4, { headline: '市民公园今日开放', updatedByName: '李静' });
    respond = ({ method, input }) => {
      if (method === 'articles.update' && input.baseVersion === 1) throw new ApiError('CONFLICT', '已被修改', { details: { current: theirs } });
      return draftArticle((input.baseVersion ?? 0) + 1, input.patch);
    };
    act(() => hook.result.current.setField('kicker', '城西新添休闲去处'));
    await act(() => hook.result.current.save('save'));
    expect(hook.result.current.conflict).toEqual(theirs);
    expect(useSaveState.getState().status).toBe('conflict');
    expect(hook.result.current.pendingFields()).toEqual({ kicker: '城西新添休闲去处' });

    await act(() => hook.result.current.resolveConflict({ choice: 'merged', fields: { kicker: '城西新添休闲去处', headline: '市民公园今日开放' } }));
    const last = calls.at(-1)!;
    expect(last.input.baseVersion).toBe(4);
    expect(last.input.patch).toEqual({ kicker: '城西新添休闲去处', headline: '市民公园今日开放' });
    expect(hook.result.current.conflict).toBeNull();
    expect(hook.result.current.article?.version).toBe(5);
    expect(useSaveState.getState().status).toBe('saved');
  });

  it('takes their version without saving anything when that is the choice', async () => {
    const hook = await loaded();
    const theirs = draftArticle(4, { kicker: '他们的引题' });
    respond = ({ method }) => {
      if (method === 'articles.update') throw new ApiError('CONFLICT', '已被修改', { details: { current: theirs } });
      return draftArticle(1);
    };
    act(() => hook.result.current.setField('kicker', '我的引题'));
    await act(() => hook.result.current.save('save'));
    const sent = calls.length;
    await act(() => hook.result.current.resolveConflict({ choice: 'theirs', fields: { kicker: '他们的引题' } }));
    expect(calls).toHaveLength(sent);
    expect(hook.result.current.article?.kicker).toBe('他们的引题');
    expect(hook.result.current.hasUnsaved()).toBe(false);
  });

  it('asks for a keepalive request on unload only while the browser would accept it', async () => {
    let body: DocNode = blocksToDoc([{ kind: 'p', text: '短' }]);
    const hook = await loaded(() => body);
    act(() => hook.result.current.markBodyDirty());
    await act(() => hook.result.current.flush({ unloading: true }));
    expect(calls.at(-1)?.options?.keepalive).toBe(true);

    body = blocksToDoc([{ kind: 'p', text: '长'.repeat(30_000) }]);
    act(() => hook.result.current.markBodyDirty());
    await act(() => hook.result.current.flush({ unloading: true }));
    expect(calls.at(-1)?.method).toBe('articles.update');
    expect(calls.at(-1)?.options?.keepalive).toBe(false);

    act(() => hook.result.current.setField('kicker', '引题'));
    await act(() => hook.result.current.flush());
    expect(calls.at(-1)?.options?.keepalive).toBe(false);
  });
});
