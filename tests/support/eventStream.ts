import type { ApiEvent } from '../../shared/api/events';

/** A client's /api/events stream, read as it arrives; `events` grows while it is open. */
export interface OpenStream {
  events: ApiEvent[];
  /** resolves at the first event matching, or rejects after `ms` */
  next(match: (event: ApiEvent) => boolean, ms?: number): Promise<ApiEvent>;
  close(): void;
}

export async function openEventStream(baseUrl: string, headers: Record<string, string>): Promise<OpenStream> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/events`, { headers, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`event stream refused: ${res.status}`);
  const events: ApiEvent[] = [];
  const waiters: Array<{ match: (event: ApiEvent) => boolean; resolve: (event: ApiEvent) => void }> = [];
  const decoder = new TextDecoder();
  let buffered = '';
  void (async () => {
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const frame = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (!data) continue;
          const event = JSON.parse(data.slice(6)) as ApiEvent;
          events.push(event);
          for (const waiter of [...waiters]) {
            if (!waiter.match(event)) continue;
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(event);
          }
        }
      }
    } catch {
      // closed
    }
  })();
  return {
    events,
    next(match, ms = 10_000) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching event in time')), ms);
        waiters.push({
          match,
          resolve: (event) => {
            clearTimeout(timer);
            resolve(event);
          },
        });
      });
    },
    close: () => controller.abort(),
  };
}
