// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ArticlePhoto } from '../../../shared/api/methods/photos';
import type { ApiEvent } from '../../../shared/api/events';

vi.setConfig({ testTimeout: 90_000 });

const call = vi.fn();
const listeners = new Set<(event: ApiEvent) => void>();
vi.mock('../../../renderer/src/api/client', () => ({
  api: {
    call: (...args: unknown[]) => call(...args),
    onEvent: (listener: (event: ApiEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  },
}));
const announce = (event: ApiEvent) => act(() => listeners.forEach((l) => l(event)));

const { ArticlePhotos } = await import('../../../renderer/src/photos/ArticlePhotos');
const { AntdSetup } = await import('../../../renderer/src/components/AntdSetup');
const { useSession } = await import('../../../renderer/src/stores/sessionStore');

const ARTICLE = '01a223b7-9de7-70ae-8ef1-92499b73ba31';
const photo = (id: string, caption: string, isLead: boolean): ArticlePhoto => ({ id, caption, credit: '本报记者 陈光 摄', width: 1600, height: 1200, isLead, crop: null, thumbnail: '' });

function signIn(privileges: string[]) {
  useSession.setState({ session: { user: { id: 'u', username: 'editor', displayName: '王编辑', roles: ['editor'], disabled: false }, privileges: privileges as never, paperName: '江城日报' } });
}

let set: ArticlePhoto[];

beforeEach(() => {
  set = [photo('p1', '地铁开通。', true), photo('p2', '市民试乘。', false)];
  call.mockImplementation(async (method: string, input: { photoId?: string }) => {
    if (method === 'photos.setLead') set = set.map((p) => ({ ...p, isLead: p.id === input.photoId }));
    if (method === 'photos.unlink') set = set.filter((p) => p.id !== input.photoId).map((p, i) => ({ ...p, isLead: i === 0 }));
    if (method === 'photos.list') return { items: [], total: 0 };
    if (method === 'photos.importedCaptions') return [];
    return set;
  });
});

afterEach(() => {
  cleanup();
  call.mockReset();
});

describe("the story's photo set", () => {
  it('shows the lead photo first with its printed credit; a photo editor makes another the lead and removes one', async () => {
    signIn(['article.read', 'photo.manage']);
    render(<ArticlePhotos articleId={ARTICLE} />);
    const items = await screen.findAllByRole('listitem');
    expect(items[0]!.textContent).toContain('主图');
    expect(items[0]!.textContent).toContain('地铁开通。\u3000本报记者 陈光 摄');

    fireEvent.click(within(items[1]!).getByRole('button', { name: '设为主图' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')[0]!.textContent).toContain('市民试乘。'));
    expect(call).toHaveBeenCalledWith('photos.setLead', { articleId: ARTICLE, photoId: 'p2' });

    fireEvent.click(within(screen.getAllByRole('listitem')[0]!).getByRole('button', { name: '移出稿件' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByRole('listitem').textContent).toContain('主图');
  });

  it("follows changes made in other windows: a photo added to this story, a caption of one of its photos; not other stories'", async () => {
    signIn(['article.read']);
    render(<ArticlePhotos articleId={ARTICLE} />);
    await screen.findAllByRole('listitem');
    const fetches = () => call.mock.calls.filter(([method]) => method === 'photos.forArticle').length;
    const before = fetches();
    announce({ type: 'photo.changed', photoId: 'p9', articleId: '01a223b7-9de7-70ae-8ef1-000000000000', byUserId: 'x' });
    expect(fetches()).toBe(before);
    set = [...set, photo('p3', '夜幕下的站台。', false)];
    announce({ type: 'photo.changed', photoId: 'p3', articleId: ARTICLE, byUserId: 'x' });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
    set = set.map((p) => (p.id === 'p2' ? { ...p, caption: '市民排队试乘。' } : p));
    announce({ type: 'photo.changed', photoId: 'p2', articleId: null, byUserId: 'x' });
    await waitFor(() => expect(screen.getAllByRole('listitem')[1]!.textContent).toContain('市民排队试乘。'));
  });

  it('a photo with named crops is added in the crop chosen for this story', async () => {
    signIn(['article.read', 'photo.manage']);
    const picked = { id: 'p4', caption: '站台全景。', originalName: '站台.jpg', thumbnail: '' };
    call.mockImplementation(async (method: string, input: { photoId?: string; crop?: string | null }) => {
      if (method === 'photos.list') return { items: [picked], total: 1 };
      if (method === 'photos.importedCaptions') return [];
      if (method === 'photos.get') return { ...picked, crops: [{ name: '一版导读', x: 0, y: 0, width: 1, height: 0.5 }, { name: '二版 3 栏', x: 0, y: 0, width: 1, height: 0.6 }] };
      if (method === 'photos.link') set = [...set, { ...photo('p4', '站台全景。', false), crop: input.crop ?? null }];
      return set;
    });
    // As the app renders it (AntdSetup: no animations, so the picker is gone when the question comes).
    render(
      <AntdSetup>
        <ArticlePhotos articleId={ARTICLE} />
      </AntdSetup>,
    );
    await screen.findAllByRole('listitem');
    fireEvent.click(screen.getByRole('button', { name: '从图片库加图' }));
    fireEvent.click(await screen.findByRole('button', { name: '加入：站台全景。' }));
    // By its title: under test, rc-util gives every dialog the same id, so two share one accessible name.
    const dialog = (await screen.findByText('这篇稿件用哪个裁切？')).closest<HTMLElement>('[role="dialog"]')!;
    expect(within(dialog).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['一版导读', '二版 3 栏', '整张图片']);
    fireEvent.click(within(dialog).getByRole('radio', { name: '二版 3 栏' }));
    fireEvent.click(within(dialog).getByRole('button', { name: /加入稿件$/ }));
    await waitFor(() => expect(call).toHaveBeenCalledWith('photos.link', { articleId: ARTICLE, photoId: 'p4', crop: '二版 3 栏' }));
    await waitFor(() => expect(screen.getAllByRole('listitem').at(-1)!.textContent).toContain('裁切：二版 3 栏'));
  });

  it('without photo.manage the set is shown without buttons', async () => {
    signIn(['article.read']);
    render(<ArticlePhotos articleId={ARTICLE} />);
    await screen.findAllByRole('listitem');
    expect(screen.queryByRole('button', { name: '设为主图' })).toBeNull();
    expect(screen.queryByRole('button', { name: '从图片库加图' })).toBeNull();
  });
});
