import { invalidInput } from './errors.js';
/** Time comes from an injected clock so that tests (and `TEST_CLOCK=1`) can move it forward. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Real time plus an offset that only ever grows: time never runs backwards for the platform. */
export class AdjustableClock implements Clock {
  /** An offset below zero starts it in the past (the demo shop's history, src/demo/time.ts). */
  constructor(private offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }
}

export const addMs = (date: Date, ms: number): Date => new Date(date.getTime() + ms);
export const minutes = (n: number) => n * 60_000;
export const days = (n: number) => n * 86_400_000;

/**
 * An optional instant from a request, as a Date. JSON Schema's date-time admits leap seconds
 * (`23:59:60`) that Date cannot hold, and year 0000 that PostgreSQL cannot (it has no year 0):
 * those are a 400 naming the field, not an Invalid Date or an out-of-range error in SQL.
 */
export function instantOrNull(iso: string | null | undefined, path: string): Date | null {
  if (!iso) return null;
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime()) || instant.getUTCFullYear() < 1)
    throw invalidInput(path, 'is not an instant this server can store');
  return instant;
}
