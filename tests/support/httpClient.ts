import type { ApiResponse } from '../../shared/api/errors';

/** A minimal API client for the browser host, keeping the session cookie like a browser would. */
export class HttpClient {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  async raw(method: string, input: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: ApiResponse }> {
    const res = await fetch(`${this.baseUrl}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1', ...(this.cookie ? { Cookie: this.cookie } : {}), ...headers },
      body: JSON.stringify({ method, input }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    return { status: res.status, body: (await res.json()) as ApiResponse };
  }

  /** What the client sends to be itself: for its event stream, or another client on the same session. */
  get sessionHeaders(): Record<string, string> {
    return this.cookie ? { Cookie: this.cookie } : {};
  }

  async call<T = unknown>(method: string, input: unknown): Promise<T> {
    const { body } = await this.raw(method, input);
    if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
    return body.result as T;
  }
}
