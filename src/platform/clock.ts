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
 * Whether PostgreSQL's timestamptz (and PGlite's) stores this Date as it is. Date reaches years 0000
 * and ±275760, which PostgreSQL refuses or reads back as other instants (year 0 does not exist, and
 * an expanded `+275760-…` year is not a timestamp it parses): those failed as a 500 in SQL. Years
 * 1 to 9999 are what ISO 8601 writes without expansion, and far more than a shop needs.
 */
export function isStorableInstant(instant: Date): boolean {
  const year = instant.getUTCFullYear();
  return !Number.isNaN(instant.getTime()) && year >= 1 && year <= 9999;
}

/** The Date of an ISO instant when PostgreSQL can store it as it is, else undefined. */
export function storableInstant(iso: string): Date | undefined {
  const instant = new Date(iso);
  return isStorableInstant(instant) ? instant : undefined;
}

/**
 * An optional instant from a request, as a Date. JSON Schema's date-time admits leap seconds
 * (`23:59:60`) that Date cannot hold and years PostgreSQL cannot store (0000): those are a 400
 * naming the field, not an Invalid Date or a failed cast in SQL.
 */
export function instantOrNull(iso: string | null | undefined, path: string): Date | null {
  if (!iso) return null;
  const instant = new Date(iso);
  if (!isStorableInstant(instant)) throw invalidInput(path, 'is not an instant this server can store');
  return instant;
}
