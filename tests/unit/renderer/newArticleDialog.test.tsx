// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ConfigProvider } from 'antd';

vi.setConfig({ testTimeout: 90_000 });

const call = vi.fn();
vi.mock('../../../renderer/src/api/client', () => ({ api: { call: (...args: unknown[]) => call(...args) } }));

const { NewArticleDialog } = await import('../../../renderer/src/components/NewArticleDialog');

afterEach(() => {
  cleanup();
  call.mockReset();
});

function open() {
  const created = vi.fn();
  render(
    // As the app sets it: antd would otherwise write 创建 as 创 建.
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <NewArticleDialog open onClose={() => undefined} onCreated={created} />
    </ConfigProvider>,
  );
  return created;
}

const headline = () => screen.getByLabelText('主题') as HTMLInputElement;

describe('新建稿件', () => {
  it('creates the story with the headline typed and opens it', async () => {
    call.mockResolvedValue({ id: 'a1' });
    const created = open();
    fireEvent.change(headline(), { target: { value: '江城地铁开通' } });
    fireEvent.click(screen.getByRole('button', { name: '创建' }));
    await waitFor(() => expect(created).toHaveBeenCalledWith('a1'));
    expect(call).toHaveBeenCalledWith('articles.create', { headline: '江城地铁开通', slug: '', genre: '消息' });
  });

  it('creates nothing without a headline, and says what is missing', async () => {
    open();
    fireEvent.click(screen.getByRole('button', { name: '创建' }));
    expect(await screen.findByText('请填写主题（标题）')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();
  });

  it('does not drop the click when the headline changes while it is being checked', async () => {
    call.mockResolvedValue({ id: 'a2' });
    const created = open();
    fireEvent.change(headline(), { target: { value: '江城地铁' } });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '创建' }));
      // A change in the same moment starts a newer check: antd rejects the click's check as out of date.
      fireEvent.change(headline(), { target: { value: '江城地铁开通' } });
    });
    await waitFor(() => expect(created).toHaveBeenCalledWith('a2'));
    expect(call).toHaveBeenCalledWith('articles.create', expect.objectContaining({ headline: '江城地铁开通' }));
  });
});
