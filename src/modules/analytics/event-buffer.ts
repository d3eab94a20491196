import type { EventRow } from './queries.js';

export interface EventBufferOptions {
  /** Writes one batch in one statement. */
  write: (events: EventRow[]) => Promise<void>;
  intervalMs?: number;
  batchSize?: number;
  /** The most events held in memory; past it new ones are dropped (and counted), never queued. */
  capacity?: number;
  onWriteFailed?: (error: unknown, lost: number) => void;
}

/**
 * Events from hot paths (a share link opened) kept in memory and written in batches, as sharing
 * buffers its clicks: a redirect never waits for the log. A crash loses the last second or so,
 * never more than `capacity`; a graceful stop loses none. For counts, not for money.
 */
export class EventBuffer {
  private waiting: EventRow[] = [];
  private writing = 0;
  private current: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly capacity: number;
  /** Events refused because the buffer was full, or lost when a failed batch no longer fit. */
  dropped = 0;
  /** Events ever accepted into the buffer. */
  buffered = 0;

  constructor(private readonly options: EventBufferOptions) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
    this.capacity = options.capacity ?? 5000;
  }

  get held(): number {
    return this.waiting.length + this.writing;
  }

  record(event: EventRow): void {
    if (this.held >= this.capacity) {
      this.dropped += 1;
      return;
    }
    this.buffered += 1;
    this.waiting.push(event);
    if (this.waiting.length >= this.batchSize && !this.current) void this.flush();
  }

  /** Writes everything waiting now; resolves once written (or failed and kept for the next try). */
  flush(): Promise<void> {
    if (this.current) return this.current.then(() => this.flush());
    if (this.waiting.length === 0) return Promise.resolve();
    const batch = this.waiting;
    this.waiting = [];
    this.writing = batch.length;
    this.current = this.options
      .write(batch)
      .catch((error: unknown) => this.keepFailed(batch, error))
      .finally(() => {
        this.writing = 0;
        this.current = undefined;
      });
    return this.current;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private keepFailed(batch: EventRow[], error: unknown) {
    const room = Math.max(0, this.capacity - this.waiting.length);
    const kept = batch.slice(0, room);
    this.dropped += batch.length - kept.length;
    this.waiting = [...kept, ...this.waiting];
    this.options.onWriteFailed?.(error, batch.length - kept.length);
  }
}
