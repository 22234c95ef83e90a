import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ApiEvent } from '../../../shared/api/events';

const CHANNEL = 'newsroom_events';
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
const MAX_PAYLOAD = 7_900;
const RECONNECT_MS = [250, 500, 1_000, 2_000, 5_000];

/** Stops listening to a client; a dead socket still reports its reset after 'end', which must not end the process. */
function forget(client: pg.Client): void {
  client.removeAllListeners();
  client.on('error', () => undefined);
}

/**
 * Events between the server processes sharing one PostgreSQL database: each committed event is
 * delivered to this process's clients at once and sent to the others with NOTIFY; a connection of its
 * own LISTENs for theirs. The listening connection comes back by itself after PostgreSQL restarts.
 * Events carry ids and versions, never content. Once the listening connection is back, this
 * process's own clients are told `events.resumed` and refetch what they show, so events sent while
 * it was down (or lost with a dying process) cost a refresh, not a stale screen.
 */
export class PostgresEvents {
  private readonly origin = randomUUID();
  private listener: pg.Client | null = null;
  private closed = false;
  private failures = 0;
  private listened = false;
  private sending = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly pool: pg.Pool,
    private readonly receive: (event: ApiEvent) => void,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { origin, event } = JSON.parse(message.payload) as { origin: string; event: ApiEvent };
        if (origin !== this.origin) this.receive(event);
      } catch (error) {
        console.error('[newsroom] unreadable event from another server process:', error);
      }
    });
    client.on('error', (error) => {
      console.error('[newsroom] event connection to PostgreSQL lost:', error.message);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
    this.failures = 0;
    if (this.listened) this.receive({ type: 'events.resumed' });
    this.listened = true;
  }

  /** Sends a committed event to the other processes, in the order this process committed them. */
  publish(event: ApiEvent): void {
    const payload = JSON.stringify({ origin: this.origin, event });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
      console.error(`[newsroom] event ${event.type} too large to share with other server processes; sent to this one only`);
      return;
    }
    this.sending = this.sending
      .then(() => this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]))
      .then(
        () => undefined,
        (error: unknown) => console.error('[newsroom] could not share an event with other server processes:', (error as Error).message),
      );
  }

  private reconnect(client: pg.Client): void {
    if (this.closed || this.listener !== client) return;
    this.listener = null;
    forget(client);
    void client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    const delay = RECONNECT_MS[Math.min(this.failures, RECONNECT_MS.length - 1)]!;
    this.failures += 1;
    setTimeout(() => {
      if (this.closed) return;
      this.start().catch((error: unknown) => {
        console.error('[newsroom] reconnecting the event connection failed:', (error as Error).message);
        this.retry();
      });
    }, delay).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.sending;
    const client = this.listener;
    this.listener = null;
    if (client) {
      forget(client);
      await client.end().catch(() => undefined);
    }
  }
}
