import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { type ActivityRow, insertActivity } from './queries.js';

const FLUSH_MS = 1000;
const MAX_WAITING = 5000;

/**
 * Views and add-to-carts wait in memory and are written in one INSERT a second, as share clicks
 * are: a product page must not wait for a write. A crash loses at most a second of them, which a
 * recommender can afford; past MAX_WAITING (the database is down) new ones are dropped, not queued.
 */
export function createActivityBuffer(deps: {
  db: Database;
  clock: Clock;
  onWriteFailed: (err: unknown, lost: number) => void;
}) {
  let waiting: ActivityRow[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  function record(userId: string, productId: string, kind: ActivityRow['kind']) {
    if (waiting.length >= MAX_WAITING) return;
    waiting.push({ userId, productId, kind, at: deps.clock.now() });
  }

  function flush(): Promise<void> {
    const batch = waiting;
    waiting = [];
    writing = writing.then(() =>
      batch.length === 0
        ? undefined
        : insertActivity(deps.db, batch).catch((err) => deps.onWriteFailed(err, batch.length)),
    );
    return writing;
  }

  return {
    record,
    flush,
    start() {
      timer ??= setInterval(() => void flush(), FLUSH_MS);
      timer.unref();
    },
    async close() {
      clearInterval(timer);
      timer = undefined;
      await flush();
    },
  };
}
