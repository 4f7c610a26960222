/**
 * Live notification state over server-sent events. One poller serves every open stream: each tick asks the
 * database, in one query, for the unread count and newest notification of the users who have a stream open,
 * and pushes to a stream only when its user's state changed. Works the same with several server processes,
 * because the database, not process memory, is the source of truth.
 */
import type { ServerResponse } from 'node:http';
import type { Db } from '../db/client.ts';
import { notificationStates, type NotificationState } from './notification.repository.ts';

interface Stream { userId: string; res: ServerResponse; last: string }

/** A stream lives this long; the browser's EventSource reconnects, which checks the session again. */
const STREAM_LIFETIME_MS = 10 * 60_000;
const HEARTBEAT_MS = 25_000;

export class NotificationHub {
  private readonly streams = new Set<Stream>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(private readonly db: Db, private readonly pollMs: number) {}

  /**
   * Opens a stream for the user on a raw response; the first event carries the current state. It ends when the
   * session would end unused (`sessionEndsInMs`, a second later) or after its lifetime, whichever comes first: the
   * browser then reconnects, which checks the session again, so nothing flows to a page whose session is over.
   */
  async open(userId: string, res: ServerResponse, sessionEndsInMs = STREAM_LIFETIME_MS): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive',
      // A reverse proxy must pass events on at once, not buffer them.
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const stream: Stream = { userId, res, last: '' };
    this.streams.add(stream);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    const expiry = setTimeout(() => res.end(), Math.max(1000, Math.min(STREAM_LIFETIME_MS, sessionEndsInMs + 1000)));
    res.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(expiry);
      this.streams.delete(stream);
      if (!this.streams.size) this.stop();
    });
    const [state] = (await this.states([userId])).values();
    this.push(stream, state ?? { unread: 0, latestAt: null });
    this.start();
  }

  /** Stops polling and ends every stream (server shutdown). */
  close(): void {
    this.stop();
    for (const s of this.streams) s.res.end();
    this.streams.clear();
  }

  private start() {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref();
  }

  private stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private push(s: Stream, state: NotificationState) {
    const data = JSON.stringify(state);
    if (data === s.last) return;
    s.last = data;
    s.res.write(`event: notifications\ndata: ${data}\n\n`);
  }

  private async tick() {
    if (this.ticking || !this.streams.size) return;
    this.ticking = true;
    try {
      const states = await this.states([...new Set([...this.streams].map((s) => s.userId))]);
      for (const s of this.streams) this.push(s, states.get(s.userId) ?? { unread: 0, latestAt: null });
    } catch {
      // A failed tick (database restarting) is retried at the next one; streams stay open.
    } finally {
      this.ticking = false;
    }
  }

  private states(userIds: string[]) {
    return notificationStates(this.db, userIds);
  }

}
