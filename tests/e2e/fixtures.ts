import { test as base, expect, type Page } from '@playwright/test';
import { startHostProcess, tempDataDir, type HostProcess } from '../support/hostProcess';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';

export interface Host extends HostProcess {
  restart(): Promise<void>;
}

/** Each spec gets its own data folder and its own browser host. */
export const test = base.extend<{ demo: boolean; host: Host }>({
  demo: [false, { option: true }],
  host: async ({ demo }, use) => {
    const dataDir = tempDataDir();
    const args = demo ? ['--demo'] : [];
    let current = await startHostProcess(dataDir, args);
    const host: Host = {
      get url() {
        return current.url;
      },
      dataDir,
      get child() {
        return current.child;
      },
      output: () => current.output(),
      stop: (signal) => current.stop(signal),
      async restart() {
        await current.stop();
        current = await startHostProcess(dataDir, args);
      },
    };
    await use(host);
    await current.stop();
  },
});

export { expect };

export async function signIn(page: Page, host: Host, username: string, password = 'demo1234'): Promise<void> {
  await page.goto(host.url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
}

/** Signs out whoever is signed in on this page, then signs in as `username`. */
export async function signInAs(page: Page, host: Host, username: string): Promise<void> {
  if (await page.getByRole('button', { name: '退出登录' }).isVisible().catch(() => false)) {
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  }
  await signIn(page, host, username);
}

/** One API call from the page, as its own client makes it (same origin, session cookie); a refusal throws its message. */
export async function callApi<M extends MethodName>(page: Page, method: M, input: InputOf<M>): Promise<ResultOf<M>> {
  return page.evaluate(
    async ({ method, input }) => {
      const res = await fetch('api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1' },
        body: JSON.stringify({ method, input }),
      });
      const reply = (await res.json()) as { ok: boolean; result: unknown; error?: { message: string } };
      if (!reply.ok) throw new Error(reply.error?.message);
      return reply.result;
    },
    { method, input: input as unknown },
  ) as Promise<ResultOf<M>>;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // A dialog still zooming in would be caught half-transparent. An endless animation (the crop's
  // marching ants) never finishes, so only animations that end are waited for.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: false });
}
