// @vitest-environment jsdom
import '../../support/jsdomSetup';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../shared/api/errors';
import { AntdSetup } from '../../../renderer/src/components/AntdSetup';
import type { EditionSummary } from '../../../shared/layout/board';

vi.setConfig({ testTimeout: 90_000 });

const call = vi.fn();
vi.mock('../../../renderer/src/api/client', () => ({ api: { call: (...args: unknown[]) => call(...args) } }));

const { NewEditionButton } = await import('../../../renderer/src/layout/NewEditionButton');

afterEach(() => {
  cleanup();
  call.mockReset();
});

const current = { id: 'e1', date: '2026-12-04', issueNumber: 15834 } as EditionSummary;

async function openDialog() {
  const created = vi.fn();
  const user = userEvent.setup();
  render(
    <AntdSetup>
      <NewEditionButton current={current} onCreated={created} />
    </AntdSetup>,
  );
  await user.click(screen.getByRole('button', { name: '新建一期' }));
  const dialog = screen.getByRole('dialog', { name: '新建一期' });
  // While busy the button reads 正在处理 新建.
  return { user, dialog, created, ok: () => within(dialog).getByRole('button', { name: /新建$/ }) };
}

/** The main side's answer, held until the test lets it go. */
function held<T>() {
  let release!: (value: T) => void;
  let refuse!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    release = resolve;
    refuse = reject;
  });
  return { promise, release, refuse };
}

describe('新建一期 (the forms in dialogs)', () => {
  it('takes a date typed and left by the click on 新建: the click creates the edition', async () => {
    // antd's picker commits typed text a frame after the field loses focus, after the click has been handled.
    call.mockResolvedValue({ ...current, id: 'e2', date: '2031-01-02' });
    const { user, ok, created } = await openDialog();
    await user.type(screen.getByLabelText('出版日期'), '2031-01-02');
    await user.click(ok());
    await waitFor(() => expect(created).toHaveBeenCalledWith('2031-01-02'));
    expect(call).toHaveBeenCalledWith('layout.createEdition', { date: '2031-01-02', issueNumber: 15835, copyFrom: '2026-12-04' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is busy from the click until the main side answers, and a second click sends nothing more', async () => {
    const answer = held<EditionSummary>();
    call.mockReturnValue(answer.promise);
    const { user, ok, created } = await openDialog();
    await user.type(screen.getByLabelText('出版日期'), '2031-01-02');
    await user.click(ok());
    await waitFor(() => expect(ok().getAttribute('aria-busy')).toBe('true'));
    expect(ok().textContent).toBe('新建');
    expect(within(ok()).getByRole('img', { name: '正在处理' })).toBeTruthy();
    await user.click(ok());
    expect(call).toHaveBeenCalledTimes(1);
    answer.release({ ...current, id: 'e2', date: '2031-01-02' });
    await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
  });

  it('keeps a refusal in the dialog until the next try, with the button usable again', async () => {
    call.mockRejectedValueOnce(new ApiError('VALIDATION', '2031-01-02 已经有一期报纸'));
    const { user, dialog, ok, created } = await openDialog();
    await user.type(screen.getByLabelText('出版日期'), '2031-01-02');
    await user.click(ok());
    expect(await within(dialog).findByRole('alert')).toHaveProperty('textContent', '2031-01-02 已经有一期报纸');
    await waitFor(() => expect(ok().getAttribute('aria-busy')).toBe('false'));
    expect(created).not.toHaveBeenCalled();

    call.mockResolvedValueOnce({ ...current, id: 'e3', date: '2031-01-03' });
    await user.clear(screen.getByLabelText('出版日期'));
    await user.type(screen.getByLabelText('出版日期'), '2031-01-03');
    await user.click(ok());
    await waitFor(() => expect(created).toHaveBeenCalledWith('2031-01-03'));
  });

  it('says what is missing and puts the cursor there', async () => {
    const { user, dialog, ok } = await openDialog();
    await user.click(ok());
    expect(await within(dialog).findByText('请选择出版日期')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('出版日期')));
    expect(call).not.toHaveBeenCalled();
    expect(ok().getAttribute('aria-busy')).toBe('false');
  });

  it('names its own controls in the interface language', async () => {
    const { dialog } = await openDialog();
    expect(within(dialog).getByRole('button', { name: '关闭' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '增大数值' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '减小数值' })).toBeTruthy();
  });
});
