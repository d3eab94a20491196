import type { ClickRow } from './queries.js';

export interface ClickBufferOptions {
  /** Writes one batch in one statement. */
  write: (clicks: ClickRow[]) => Promise<void>;
  /** A batch is written at least this often while clicks are waiting. */
  intervalMs?: number;
  /** A batch is written as soon as this many clicks are waiting. */
  batchSize?: number;
  /** The most clicks held in memory, waiting or being written; clicks past it are dropped. */
  capacity?: number;
  onWriteFailed?: (error: unknown, lost: number) => void;
}

/**
 * Clicks on share links, kept in memory and written in batches so a redirect never waits for the
 * database. A batch is written every second, or as soon as 500 clicks are waiting, and once more
 * when the app closes.
 *
 * What a crash can lose: every click held in memory and not yet committed — in normal operation
 * the clicks of the last second or so (the waiting ones plus the batch being written), and never
 * more than `capacity` (5,000 by default), because clicks are dropped, not queued, once that many
 * are held (for instance while the database is down). A graceful stop loses none.
 */
export class ClickBuffer {
  private waiting: ClickRow[] = [];
  private writing = 0;
  private current: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly write: ClickBufferOptions['write'];
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly capacity: number;
  private readonly onWriteFailed: NonNullable<ClickBufferOptions['onWriteFailed']>;
  /** Clicks refused because the buffer was full, or lost when a failed batch no longer fit. */
  dropped = 0;

  constructor(options: ClickBufferOptions) {
    this.write = options.write;
    this.intervalMs = options.intervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
    this.capacity = options.capacity ?? 5000;
    this.onWriteFailed = options.onWriteFailed ?? (() => {});
  }

  get held(): number {
    return this.waiting.length + this.writing;
  }

  record(click: ClickRow): void {
    if (this.held >= this.capacity) {
      this.dropped += 1;
      return;
    }
    this.waiting.push(click);
    if (this.waiting.length >= this.batchSize && !this.current) void this.flush();
  }

  /** Writes everything waiting now; resolves when it is written (or has failed and been kept). */
  flush(): Promise<void> {
    if (this.current) return this.current.then(() => this.flush());
    if (this.waiting.length === 0) return Promise.resolve();
    const batch = this.waiting;
    this.waiting = [];
    this.writing = batch.length;
    this.current = this.write(batch)
      .catch((error: unknown) => this.keepFailed(batch, error))
      .finally(() => {
        this.writing = 0;
        this.current = undefined;
        if (this.waiting.length >= this.batchSize) void this.flush();
      });
    return this.current;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    // The timer alone must not keep the process alive; close() writes what is left.
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** A failed batch goes back to the front to be retried, as much of it as still fits. */
  private keepFailed(batch: ClickRow[], error: unknown) {
    const room = Math.max(0, this.capacity - this.waiting.length);
    const kept = batch.slice(0, room);
    const lost = batch.length - kept.length;
    this.waiting = [...kept, ...this.waiting];
    this.dropped += lost;
    this.onWriteFailed(error, lost);
  }
}
