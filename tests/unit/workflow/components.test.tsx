// @vitest-environment jsdom
import '@ant-design/v5-patch-for-react-19';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../../renderer/src/i18n/index';
import { api } from '../../../renderer/src/api/client';
import { useSession } from '../../../renderer/src/stores/sessionStore';
import { TransitionButtons } from '../../../renderer/src/workflow/TransitionButtons';
import { useArticleLocks } from '../../../renderer/src/workflow/useArticleLocks';
import type { ApiEvent } from '../../../shared/api/events';
import type { ActionOption } from '../../../shared/workflow/types';
import { ApiError } from '../../../shared/api/errors';

const ARTICLE = { id: 'a1', version: 4, headline: '江城首座口袋公园开放' };
/** As the app's root sets it: antd would otherwise spell two-character labels 退 回. */
const Root = ({ children }: { children: ReactNode }) => (
  <ConfigProvider button={{ autoInsertSpace: false }}>
    <App>{children}</App>
  </ConfigProvider>
);

const option = (action: ActionOption['action'], allowed = true, needsReason = false, readFirst = false): ActionOption => ({
  action,
  label: action,
  needsReason,
  allowed,
  refusal: allowed ? null : '王海燕已打开这篇稿件审读，不能再撤回。',
  readFirst,
});

beforeAll(() => {
  // jsdom has no matchMedia; antd's modal asks it about the screen size.
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false })) as typeof window.matchMedia;
  useSession.setState({
    phase: 'ready',
    session: { user: { id: 'me', username: 'editor', displayName: '王海燕', roles: ['editor'], disabled: false }, privileges: ['article.read'], paperName: '江城日报' },
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('TransitionButtons', () => {
  it('offers the allowed steps, shows one not open yet disabled with why, and will not return a story without a reason', async () => {
    const call = vi.spyOn(api, 'call').mockResolvedValue({ ...ARTICLE, status: 'draft' } as never);
    const onDone = vi.fn();
    render(
      <Root>
        <TransitionButtons article={ARTICLE} options={[option('pass1'), option('return', true, true), option('sign', false, false, true), option('withdraw', false)]} onDone={onDone} />
      </Root>,
    );
    expect(screen.getByRole('button', { name: '通过初审' })).toHaveProperty('disabled', false);
    const sign = screen.getByRole('button', { name: '签发' });
    expect(sign).toHaveProperty('disabled', true);
    expect(document.getElementById(sign.getAttribute('aria-describedby')!)?.textContent).toBe('需先打开稿件审读');
    const withdraw = screen.getByRole('button', { name: '撤回' });
    expect(document.getElementById(withdraw.getAttribute('aria-describedby')!)?.textContent).toContain('不能再撤回');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '退回' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('退回：《江城首座口袋公园开放》');
    const confirm = () => user.click(screen.getAllByRole('button', { name: '退回' }).find((b) => dialog.contains(b))!);
    await user.type(screen.getByLabelText('理由'), '   ');
    await confirm();
    expect(await screen.findByText('请填写理由')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('理由'), '  请补充数据来源 ');
    await confirm();
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(call).toHaveBeenCalledWith('workflow.transition', { articleId: 'a1', action: 'return', baseVersion: 4, reason: '请补充数据来源' });
  });

  it('shows the service’s refusal and leaves the story to the caller unchanged', async () => {
    vi.spyOn(api, 'call').mockRejectedValue(new ApiError('FORBIDDEN', '您已对这篇稿件做了初审，按三审分离的规定……'));
    const onDone = vi.fn();
    render(
      <Root>
        <TransitionButtons article={ARTICLE} options={[option('pass2')]} onDone={onDone} />
      </Root>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: '通过复审' }));
    expect(await screen.findByText(/按三审分离的规定/)).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('useArticleLocks', () => {
  function Probe({ pending, onForced }: { pending: Record<string, unknown> | null; onForced(part: string, saved: boolean): void }) {
    const locks = useArticleLocks('a1', { pendingPatch: () => pending, onForced });
    return <button onClick={() => void locks.acquire('body')}>lock</button>;
  }

  it('lets go of its parts when the tab goes away (a keepalive request), and asks again after a hand-over freed them', async () => {
    let emit: (event: ApiEvent) => void = () => undefined;
    vi.spyOn(api, 'onEvent').mockImplementation((listener) => {
      emit = listener;
      return () => undefined;
    });
    const call = vi.spyOn(api, 'call').mockImplementation(async (method) => (method === 'locks.status' ? [] : {}) as never);
    render(<Probe pending={null} onForced={() => undefined} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'lock' }));
    await user.click(screen.getByRole('button', { name: 'lock' }));
    expect(call.mock.calls.filter(([m]) => m === 'locks.acquire')).toHaveLength(1);

    // 交稿 freed it on the main side: the next focus takes it again instead of trusting a lock it no longer has.
    act(() => emit({ type: 'lock.changed', articleId: 'a1', part: 'body', holderId: null, holderName: null, byUserId: 'me', forced: false, previousHolderId: 'me' }));
    await user.click(screen.getByRole('button', { name: 'lock' }));
    expect(call.mock.calls.filter(([m]) => m === 'locks.acquire')).toHaveLength(2);

    window.dispatchEvent(new Event('pagehide'));
    expect(call).toHaveBeenCalledWith('locks.release', { articleId: 'a1' }, { keepalive: true });
  });

  it('sends the edits it had not saved to locks.saveDisplaced when its lock is broken, then says so', async () => {
    let emit: (event: ApiEvent) => void = () => undefined;
    vi.spyOn(api, 'onEvent').mockImplementation((listener) => {
      emit = listener;
      return () => undefined;
    });
    const call = vi.spyOn(api, 'call').mockImplementation(async (method) => (method === 'locks.status' ? [] : { revisionId: 'r1', articleVersion: 7 }) as never);
    const onForced = vi.fn();
    const pending = { headline: '还没保存的标题' };
    render(<Probe pending={pending} onForced={onForced} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'lock' }));
    await waitFor(() => expect(call).toHaveBeenCalledWith('locks.acquire', { articleId: 'a1', part: 'body' }));

    act(() => emit({ type: 'lock.changed', articleId: 'a1', part: 'headline', holderId: null, holderName: null, byUserId: 'chief', forced: true, previousHolderId: 'me' }));
    act(() => emit({ type: 'lock.changed', articleId: 'a1', part: 'body', holderId: null, holderName: null, byUserId: 'chief', forced: true, previousHolderId: 'someone-else' }));
    expect(call).not.toHaveBeenCalledWith('locks.saveDisplaced', expect.anything());

    act(() => emit({ type: 'lock.changed', articleId: 'a1', part: 'body', holderId: null, holderName: null, byUserId: 'chief', forced: true, previousHolderId: 'me' }));
    await waitFor(() => expect(onForced).toHaveBeenCalledWith('body', true));
    expect(call).toHaveBeenCalledWith('locks.saveDisplaced', { articleId: 'a1', patch: pending });
  });
});
