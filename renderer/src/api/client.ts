import type { InputOf, MethodName, ResultOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { ApiEvent } from '../../../shared/api/events';
import { createTransport, type Transport } from './transport';

/** Typed from the contract: a wrong method name or input shape is a compile error. */
class ApiClient {
  constructor(private readonly transport: Transport) {}

  get host(): Transport['host'] {
    return this.transport.host;
  }

  /** The desktop app's choice of newsroom (this computer's, or a server); null in a browser. */
  get desk(): Transport['desk'] {
    return this.transport.desk;
  }

  async call<M extends MethodName>(method: M, input: InputOf<M>, options?: { keepalive?: boolean }): Promise<ResultOf<M>> {
    const response = await this.transport.call(method, input, options);
    if (!response.ok) throw ApiError.fromPayload(response.error);
    return response.result as ResultOf<M>;
  }

  onEvent(listener: (event: ApiEvent) => void): () => void {
    return this.transport.onEvent(listener);
  }
}

export const api = new ApiClient(createTransport());
