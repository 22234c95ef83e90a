// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { PhotoDetail } from '../../../shared/api/methods/photos';

vi.setConfig({ testTimeout: 90_000 });

const call = vi.fn();
vi.mock('../../../renderer/src/api/client', () => ({ api: { call: (...args: unknown[]) => call(...args) } }));

const { CaptionEditor } = await import('../../../renderer/src/photos/CaptionEditor');

function photo(version: number, caption: string): PhotoDetail {
  return {
    id: 'p1', version, originalName: 'a.jpg', width: 1600, height: 1200, caption, creditKind: 'staff', photographers: ['陈光'], credit: '本报记者 陈光 摄',
    dateCreated: null, importedAt: '2026-11-28T08:00:00.000Z', useCount: 0, thumbnail: '', sha256: 'a'.repeat(64), mime: 'image/jpeg', bytes: 1,
    metadata: { creators: [], keywords: [] } as unknown as PhotoDetail['metadata'], rotation: 0, crops: [], uses: [], placements: [],
    printedCaption: caption, problems: [], paperShortName: '本报',
  };
}

function show(detail: PhotoDetail) {
  return (
    <ConfigProvider>
      <AntApp>
        <CaptionEditor photo={detail} canEdit onSaved={() => undefined} />
      </AntApp>
    </ConfigProvider>
  );
}

const box = () => screen.getByLabelText('图片说明') as HTMLTextAreaElement;

afterEach(() => {
  cleanup();
  call.mockReset();
});

describe('a caption saved in another window', () => {
  it('replaces what is shown when nothing was typed here', async () => {
    const view = render(show(photo(1, '地铁开通。')));
    view.rerender(show(photo(2, '地铁今天开通。')));
    await waitFor(() => expect(box().value).toBe('地铁今天开通。'));
    expect(screen.queryByText(/别人刚保存了这张图片的说明/)).toBeNull();
  });

  it('keeps unsaved typing and its base version, says so, and can take theirs instead', async () => {
    const view = render(show(photo(1, '地铁开通。')));
    fireEvent.change(box(), { target: { value: '地铁开通，市民试乘。' } });
    view.rerender(show(photo(2, '地铁今天开通。')));
    expect(await screen.findByText('别人刚保存了这张图片的说明：“地铁今天开通。”。你未保存的修改还在，保存时会提示冲突。')).toBeTruthy();
    expect(box().value).toBe('地铁开通，市民试乘。');
    call.mockResolvedValue(photo(3, '地铁开通，市民试乘。'));
    fireEvent.click(screen.getByRole('button', { name: '保存说明' }));
    // Saved against the version the typing started from: the main side refuses it as a conflict.
    await waitFor(() => expect(call).toHaveBeenCalledWith('photos.updateCaption', expect.objectContaining({ photoId: 'p1', version: 1, caption: '地铁开通，市民试乘。' })));
    fireEvent.click(screen.getByRole('button', { name: '改用最新说明' }));
    expect(box().value).toBe('地铁今天开通。');
    expect(screen.queryByText(/别人刚保存了这张图片的说明/)).toBeNull();
  });
});
