import type http from 'node:http';
import { eventAudience, reaches, type ApiEvent } from '../../shared/api/events';

/**
 * One browser shares one session across its tabs. Past this many streams the oldest is told it was
 * superseded and closed: the tab just opened is the one being looked at, and a superseded tab
 * reconnects when it is shown again (renderer/src/api/transport.ts), so tabs in view stay live.
 */
const MAX_STREAMS_PER_SESSION = 8;
/**
 * Events are written in batches: at most one write per stream per interval instead of one per
 * event. Each write to a local socket costs the kernel about as much as a small save costs SQLite,
 * so with 1,000 streams the interval is what keeps saves fast under a stream of events. An event
 * after a quiet interval goes out at once (on the next turn of the event loop), so a desk sees a
 * colleague's single change without waiting for the interval.
 */
const FLUSH_MS = 100;
/** A stream whose reader stopped reading is closed rather than buffered without end; its tab reconnects and refetches. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

interface Stream {
  res: http.ServerResponse;
}

interface SessionStreams {
  token: string;
  userId: string;
  streams: Stream[];
}

const frame = (event: ApiEvent) => `data: ${JSON.stringify(event)}\n\n`;

/**
 * The browser host's server-sent event streams. Whether a stream's session still lives is asked of
 * `isLive` (the session service's memory, no database read) once per batch and session, not per
 * event and stream; a session that ended gets its `session.ended` and is closed.
 */
export class EventStreams {
  private readonly sessions = new Map<string, SessionStreams>();
  private queue: ApiEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = 0;

  constructor(private readonly isLive: (token: string) => boolean) {}

  get size(): number {
    let n = 0;
    for (const session of this.sessions.values()) n += session.streams.length;
    return n;
  }

  open(token: string, userId: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    let session = this.sessions.get(token);
    if (!session) {
      session = { token, userId, streams: [] };
      this.sessions.set(token, session);
    }
    if (session.streams.length >= MAX_STREAMS_PER_SESSION) {
      const oldest = session.streams.shift()!;
      this.end(oldest, 'event: superseded\ndata: {}\n\n');
    }
    const stream: Stream = { res };
    session.streams.push(stream);
    const forget = () => this.remove(token, stream);
    req.on('close', forget);
    res.on('error', forget);
  }

  publish(event: ApiEvent): void {
    this.queue.push(event);
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, this.lastFlush + FLUSH_MS - Date.now()));
  }

  /** Writes the queued events; exposed so closing can send what is pending. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const events = this.queue;
    this.queue = [];
    if (events.length === 0) return;
    this.lastFlush = Date.now();
    const broadcast = events.filter((e) => eventAudience(e) === null).map(frame).join('');
    // Encoded once for every stream that gets only what goes to everyone.
    const broadcastBytes = Buffer.from(broadcast);
    const addressed = events.filter((e) => eventAudience(e) !== null);
    for (const session of [...this.sessions.values()]) {
      const live = this.isLive(session.token);
      const holder = { userId: session.userId, live };
      if (!live) {
        // Ended sessions announce it as they end; one found dead at a batch's check ran out of time.
        const ended = addressed.find((e) => reaches(e, holder));
        this.endSession(session, frame(ended ?? { type: 'session.ended', userId: session.userId, reason: 'expired' }));
        continue;
      }
      let text = broadcast;
      for (const event of addressed) if (reaches(event, holder)) text += frame(event);
      if (text === '') continue;
      const bytes = text === broadcast ? broadcastBytes : Buffer.from(text);
      for (const stream of [...session.streams]) {
        if (stream.res.writableLength > MAX_BUFFERED_BYTES) this.remove(session.token, stream, true);
        else stream.res.write(bytes);
      }
    }
  }

  closeAll(): void {
    this.flush();
    for (const session of this.sessions.values()) for (const stream of session.streams) stream.res.end();
    this.sessions.clear();
  }

  private endSession(session: SessionStreams, last: string): void {
    for (const stream of session.streams) this.end(stream, last);
    this.sessions.delete(session.token);
  }

  private end(stream: Stream, last: string): void {
    if (stream.res.writableEnded) return;
    if (last) stream.res.write(last);
    stream.res.end();
  }

  private remove(token: string, stream: Stream, close = false): void {
    const session = this.sessions.get(token);
    if (!session) return;
    const at = session.streams.indexOf(stream);
    if (at >= 0) session.streams.splice(at, 1);
    if (session.streams.length === 0) this.sessions.delete(token);
    if (close) stream.res.destroy();
  }
}
