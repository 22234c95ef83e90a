// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { usePagedList, type ListPage } from '../../../renderer/src/components/usePagedList';
import { ApiError } from '../../../shared/api/errors';

afterEach(cleanup);

interface Row {
  id: string;
  name: string;
}

/** A list of `total` rows named after the query; each request waits until the test answers it. */
function fakeServer(total: number) {
  const requests: { query: string; offset: number; limit: number; answer(): void; fail(error: unknown): void }[] = [];
  const fetchFor = (query: string) => (offset: number, limit: number) =>
    new Promise<ListPage<Row> & { capped: boolean }>((resolve, reject) => {
      const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({ id: `${query}-${offset + i}`, name: `${query} ${offset + i}` }));
      requests.push({ query, offset, limit, answer: () => resolve({ items, total, capped: false }), fail: reject });
    });
  return { requests, fetchFor };
}

describe('a list fetched a page at a time', () => {
  it('asks for the first page at once, then each page once as rows are needed, keeping rows at their index', async () => {
    const server = fakeServer(250);
    const fetchPage = server.fetchFor('a');
    const { result } = renderHook(() => usePagedList(fetchPage, 100));
    expect(server.requests.map((r) => [r.offset, r.limit])).toEqual([[0, 100]]);
    await act(async () => server.requests[0]!.answer());
    expect(result.current.total).toBe(250);
    expect(result.current.items.get(99)?.name).toBe('a 99');
    expect(result.current.items.has(100)).toBe(false);

    act(() => {
      result.current.ensure(130);
      result.current.ensure(170);
      result.current.ensure(50);
    });
    expect(server.requests.map((r) => r.offset)).toEqual([0, 100]);
    await act(async () => server.requests[1]!.answer());
    expect(result.current.items.get(130)?.name).toBe('a 130');
    expect(result.current.items.size).toBe(200);
  });

  it('drops pages that arrive for the query before the one now shown', async () => {
    const server = fakeServer(250);
    const first = server.fetchFor('old');
    const second = server.fetchFor('new');
    const { result, rerender } = renderHook(({ fetchPage }) => usePagedList(fetchPage, 100), { initialProps: { fetchPage: first } });
    await act(async () => server.requests[0]!.answer());
    act(() => result.current.ensure(150));
    rerender({ fetchPage: second });
    expect(result.current.items.size).toBe(0);
    await act(async () => server.requests.find((r) => r.query === 'new')!.answer());
    await act(async () => server.requests.find((r) => r.query === 'old' && r.offset === 100)!.answer());
    expect([...result.current.items.values()].every((row) => row.name.startsWith('new'))).toBe(true);
    expect(result.current.items.has(150)).toBe(false);
  });

  it("shows the main side's sentence for a page that failed, and asks for it again when it is needed again", async () => {
    const server = fakeServer(250);
    const fetchPage = server.fetchFor('a');
    const { result } = renderHook(() => usePagedList(fetchPage, 100));
    await act(async () => server.requests[0]!.answer());
    act(() => result.current.ensure(120));
    await act(async () => server.requests[1]!.fail(new ApiError('UNAVAILABLE', '无法连接到编辑部服务，请稍后再试。')));
    expect(result.current.error).toBe('无法连接到编辑部服务，请稍后再试。');
    act(() => result.current.ensure(120));
    expect(server.requests).toHaveLength(3);
    await act(async () => server.requests[2]!.answer());
    expect(result.current.error).toBeNull();
    expect(result.current.items.get(120)?.name).toBe('a 120');
  });

  it('reloads from the first page, and changes rows in place without a request', async () => {
    const server = fakeServer(30);
    const fetchPage = server.fetchFor('a');
    const { result } = renderHook(() => usePagedList(fetchPage, 100));
    await act(async () => server.requests[0]!.answer());
    act(() => result.current.mapItems((row) => (row.id === 'a-3' ? { ...row, name: '改过的' } : row)));
    expect(result.current.items.get(3)?.name).toBe('改过的');
    expect(result.current.items.get(4)?.name).toBe('a 4');
    expect(server.requests).toHaveLength(1);
    act(() => result.current.reload());
    expect(server.requests.map((r) => r.offset)).toEqual([0, 0]);
    await act(async () => server.requests[1]!.answer());
    await waitFor(() => expect(result.current.items.get(3)?.name).toBe('a 3'));
  });
});
