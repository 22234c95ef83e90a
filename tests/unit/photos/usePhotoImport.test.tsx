// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { MAX_PHOTO_BYTES, type PhotoImportResult } from '../../../shared/api/methods/photos';
import { ApiError } from '../../../shared/api/errors';

const call = vi.fn();
vi.mock('../../../renderer/src/api/client', () => ({ api: { call: (...args: unknown[]) => call(...args) } }));

const { usePhotoImport } = await import('../../../renderer/src/photos/usePhotoImport');

const file = (name: string, size = 4) => new File([new Uint8Array(size)], name, { type: 'image/jpeg' });

afterEach(() => {
  cleanup();
  call.mockReset();
});

describe('the import batch', () => {
  it('goes on past a refused file and a failed call, reports each, and counts progress', async () => {
    call.mockImplementation(async (_method: string, input: { fileName: string }): Promise<PhotoImportResult> => {
      if (input.fileName === 'bad.jpg') return { status: 'refused', fileName: 'bad.jpg', message: '图片文件不完整或已损坏，未导入。' };
      if (input.fileName === 'lost.jpg') throw new ApiError('UNAVAILABLE', '网络中断');
      return { status: 'imported', fileName: input.fileName, photo: {} as never };
    });
    const onImported = vi.fn();
    const { result } = renderHook(() => usePhotoImport(onImported, (name) => `${name} 太大`));
    await act(() => result.current.start([file('a.jpg'), file('bad.jpg'), file('lost.jpg'), file('b.jpg'), new File([], 'empty.jpg')]));
    const p = result.current.progress;
    expect(p).toMatchObject({ total: 5, done: 5, running: false, cancelled: false });
    expect(p.results.filter((r) => r.status === 'imported').map((r) => r.fileName).sort()).toEqual(['a.jpg', 'b.jpg', 'empty.jpg']);
    expect(p.results.find((r) => r.fileName === 'lost.jpg')).toMatchObject({ status: 'refused', message: '网络中断' });
    expect(onImported).toHaveBeenCalledTimes(3);
  });

  it('refuses a file over the size limit without sending it', async () => {
    call.mockResolvedValue({ status: 'imported', fileName: 'x', photo: {} });
    const { result } = renderHook(() => usePhotoImport(() => {}, (name) => `${name} 太大`));
    const big = file('big.tif', 1);
    Object.defineProperty(big, 'size', { value: MAX_PHOTO_BYTES + 1 });
    await act(() => result.current.start([big]));
    expect(result.current.progress.results).toEqual([{ status: 'refused', fileName: 'big.tif', message: 'big.tif 太大' }]);
    expect(call).not.toHaveBeenCalled();
  });

  it('cancel stops before the next file; the files in flight finish', async () => {
    const pending: (() => void)[] = [];
    call.mockImplementation((_m: string, input: { fileName: string }) => new Promise((resolve) => pending.push(() => resolve({ status: 'imported', fileName: input.fileName, photo: {} }))));
    const { result } = renderHook(() => usePhotoImport(() => {}, (name) => name));
    let done!: Promise<void>;
    act(() => {
      done = result.current.start(Array.from({ length: 6 }, (_, i) => file(`${i}.jpg`)));
    });
    await waitFor(() => expect(pending).toHaveLength(2));
    act(() => result.current.cancel());
    await act(async () => {
      for (const resolve of pending.splice(0)) resolve();
      await done;
    });
    expect(result.current.progress).toMatchObject({ total: 6, done: 2, running: false, cancelled: true });
    expect(call).toHaveBeenCalledTimes(2);
  });
});
