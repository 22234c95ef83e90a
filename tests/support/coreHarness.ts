import { openCore, type Core } from '../../electron/core/core';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { ApiResponse } from '../../shared/api/errors';
import { tempDataDir } from './hostProcess';

/** A core in a fresh temp folder, with a client per signed-in user (sessions kept like an adapter keeps them). */
export interface Harness {
  core: Core;
  dataDir: string;
  as(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  raw(method: string, input: unknown): Promise<ApiResponse>;
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>>;
  token: string | null;
}

function clientFor(core: Core, token: string | null): Client {
  const client: Client = {
    token,
    async raw(method, input) {
      const outcome = await core.dispatch({ sessionToken: client.token, transport: 'browser' }, method, input);
      if (outcome.session) client.token = 'set' in outcome.session ? outcome.session.set : null;
      return outcome.response;
    },
    async call(method, input) {
      const response = await client.raw(method, input);
      if (!response.ok) throw new Error(`${method} failed: ${response.error.code} ${response.error.message}`);
      return response.result as never;
    },
  };
  return client;
}

export async function openHarness(options: { demo?: boolean; dataDir?: string } = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? tempDataDir();
  const core = await openCore({ dataDir, demo: options.demo ?? false });
  return {
    core,
    dataDir,
    anonymous: clientFor(core, null),
    async as(username, password = 'demo1234') {
      const client = clientFor(core, null);
      await client.call('auth.login', { username, password });
      return client;
    },
    close: () => core.close(),
  };
}
