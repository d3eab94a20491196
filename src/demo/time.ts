import { type AdjustableClock, days } from '../platform/clock.js';

/** How far back the demo's story starts: its oldest order was placed this many days ago. */
export const DEMO_HISTORY_DAYS = 14;

/**
 * The demo shop is loaded as if it had been trading for a fortnight: the process starts with its
 * clock `DEMO_HISTORY_DAYS` in the past (main.ts), the seed moves it forward to each day of the
 * story (an order shipped 4 days ago, confirmed 2 days ago, a commission whose return window has
 * passed), and `catchUp` brings it to the present before the server listens. The clock only ever
 * moves forward, so the platform never sees time run backwards; on a clock that starts in the
 * present (tests), the story simply ends `DEMO_HISTORY_DAYS` ahead.
 */
export class DemoTime {
  private readonly end: number;
  private travelled = 0;

  constructor(private readonly clock: Pick<AdjustableClock, 'now' | 'advance'>) {
    this.end = clock.now().getTime() + days(DEMO_HISTORY_DAYS);
  }

  /** Moves the clock on to `daysAgo` days before the present; never back. */
  at(daysAgo: number): void {
    const ms = this.end - days(daysAgo) - this.clock.now().getTime();
    if (ms > 0) this.move(ms);
  }

  /** Brings the clock to the present: exactly the history it started behind, travelled. */
  catchUp(): void {
    const left = days(DEMO_HISTORY_DAYS) - this.travelled;
    if (left > 0) this.move(left);
  }

  private move(ms: number): void {
    this.clock.advance(ms);
    this.travelled += ms;
  }
}
