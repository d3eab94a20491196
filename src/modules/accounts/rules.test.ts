import { describe, expect, it } from 'vitest';
import { afterFailure, type LoginLimit, lockedUntil } from './rules.js';

const limit: LoginLimit = { maxFailures: 3, windowMs: 60_000 };
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe('login failures', () => {
  it('counts within a window and locks at the limit for one window from the failure that reached it', () => {
    let s = afterFailure(undefined, at(0), limit);
    expect(s).toEqual({ failures: 1, windowStart: at(0), lockedUntil: null });
    s = afterFailure(s, at(10_000), limit);
    expect(s.lockedUntil).toBeNull();
    s = afterFailure(s, at(20_000), limit);
    expect(s).toEqual({ failures: 3, windowStart: at(0), lockedUntil: at(80_000) });
    expect(lockedUntil(s, at(79_999))).toEqual(at(80_000));
    expect(lockedUntil(s, at(80_000))).toBeNull();
  });

  it('starts a new window once the old one has passed', () => {
    const old = { failures: 2, windowStart: at(0), lockedUntil: null };
    expect(afterFailure(old, at(60_000), limit)).toEqual({
      failures: 1,
      windowStart: at(60_000),
      lockedUntil: null,
    });
  });

  it('nothing recorded is not locked', () => {
    expect(lockedUntil(undefined, at(0))).toBeNull();
  });
});
