import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import type { EventRow } from './queries.js';
import * as q from './queries.js';
import { PRESENCE_TTL_MS } from './service.js';

export interface StreamDeps {
  db: Database;
  clock: Clock;
  /** How often new events are read for the rooms that have open streams (LIVE_POLL_MS). */
  pollMs: number;
  onError(err: unknown): void;
}

interface Subscriber {
  lastSeq: number;
  deliver(events: readonly EventRow[]): void;
}

const BATCH = 500;
const PRESENCE_EVERY_MS = 5_000;

/**
 * This process's open streams, by room. Each tick reads every watched room's events after the
 * oldest number its streams have seen, from the table, and hands each stream what is new to it:
 * a change made by any process reaches every process's streams within one poll, with nothing
 * held in memory that another process would need. A new stream's catch-up is its first read.
 */
export function createStreamHub({ db, clock, pollMs, onError }: StreamDeps) {
  const processId = randomUUID();
  const rooms = new Map<string, Set<Subscriber>>();
  // A room being read is not read twice at once; a request during a read runs once it ends.
  const busy = new Map<string, 'reading' | 'again'>();
  let lastPresence = 0;

  async function readRoom(roomId: string): Promise<void> {
    const subscribers = rooms.get(roomId);
    if (!subscribers || subscribers.size === 0) return;
    if (busy.has(roomId)) {
      busy.set(roomId, 'again');
      return;
    }
    busy.set(roomId, 'reading');
    try {
      for (;;) {
        if (subscribers.size === 0) break;
        const from = Math.min(...[...subscribers].map((s) => s.lastSeq));
        const events = await q.eventsAfter(db, roomId, from, BATCH);
        for (const s of subscribers) {
          const fresh = events.filter((e) => e.seq > s.lastSeq);
          if (fresh.length === 0) continue;
          s.lastSeq = (fresh[fresh.length - 1] as EventRow).seq;
          s.deliver(fresh);
        }
        if (events.length === BATCH) continue;
        if (busy.get(roomId) !== 'again') break;
        busy.set(roomId, 'reading');
      }
    } finally {
      busy.delete(roomId);
    }
  }

  async function presence(roomId: string) {
    const now = clock.now();
    await q.reportPresence(
      db,
      roomId,
      processId,
      rooms.get(roomId)?.size ?? 0,
      now,
      new Date(now.getTime() - PRESENCE_TTL_MS),
    );
  }

  const timer = setInterval(() => {
    const heartbeat = Date.now() - lastPresence >= PRESENCE_EVERY_MS;
    if (heartbeat) lastPresence = Date.now();
    for (const roomId of rooms.keys()) {
      readRoom(roomId).catch(onError);
      if (heartbeat) presence(roomId).catch(onError);
    }
  }, pollMs);
  timer.unref();

  /** Starts delivering the room's events after `after` to `deliver`; returns the unsubscribe. */
  function subscribe(roomId: string, after: number, deliver: Subscriber['deliver']): () => void {
    const subscriber: Subscriber = { lastSeq: after, deliver };
    const set = rooms.get(roomId) ?? new Set<Subscriber>();
    rooms.set(roomId, set);
    set.add(subscriber);
    readRoom(roomId).catch(onError);
    presence(roomId).catch(onError);
    return () => {
      set.delete(subscriber);
      presence(roomId)
        .catch(onError)
        .finally(() => {
          if (set.size === 0 && rooms.get(roomId) === set) rooms.delete(roomId);
        });
    };
  }

  function close() {
    clearInterval(timer);
    rooms.clear();
  }

  return { subscribe, close, processId };
}

export type StreamHub = ReturnType<typeof createStreamHub>;
