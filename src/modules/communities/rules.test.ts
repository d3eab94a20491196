import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collectBy,
  isCutoffTime,
  newPickupCode,
  normalizeCode,
  PICKUP_CODE_LENGTH,
  pickupMachine,
  uncollectedAction,
  waveCutoff,
} from './rules.js';

const DAY = 86_400_000;

describe('waveCutoff', () => {
  it('an order placed before the cut-off ships in that day’s wave', () => {
    expect(waveCutoff(new Date('2026-03-02T19:59:59.999Z'), '20:00', 'UTC').toISOString()).toBe(
      '2026-03-02T20:00:00.000Z',
    );
  });

  it('an order placed exactly at the cut-off ships in the next wave', () => {
    expect(waveCutoff(new Date('2026-03-02T20:00:00.000Z'), '20:00', 'UTC').toISOString()).toBe(
      '2026-03-03T20:00:00.000Z',
    );
  });

  it('reads the cut-off on the platform’s wall clock (Shanghai is UTC+8)', () => {
    // 19:59 in Shanghai is 11:59 UTC; the cut-off at 20:00 there is 12:00 UTC.
    expect(waveCutoff(new Date('2026-03-02T11:59:00.000Z'), '20:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-02T12:00:00.000Z',
    );
    expect(waveCutoff(new Date('2026-03-02T12:00:00.000Z'), '20:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-03T12:00:00.000Z',
    );
  });

  it('law: the cut-off is strictly after the order, at most a day later, and the same for every instant of its wave', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
        (at, h, m, zone) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const cutoff = waveCutoff(new Date(at), time, zone).getTime();
          expect(cutoff).toBeGreaterThan(at);
          // A day, give or take a daylight-saving hour.
          expect(cutoff - at).toBeLessThanOrEqual(DAY + 3_600_000);
          // Just before the cut-off is the same wave; at it, the next one.
          expect(waveCutoff(new Date(cutoff - 1), time, zone).getTime()).toBe(cutoff);
          expect(waveCutoff(new Date(cutoff), time, zone).getTime()).toBeGreaterThan(cutoff);
        },
      ),
    );
  });

  it('knows a cut-off time from anything else', () => {
    expect(isCutoffTime('00:00')).toBe(true);
    expect(isCutoffTime('23:59')).toBe(true);
    expect(isCutoffTime('24:00')).toBe(false);
    expect(isCutoffTime('9:00')).toBe(false);
    expect(() => waveCutoff(new Date(), '25:00', 'UTC')).toThrow();
  });
});

describe('pickup codes', () => {
  it('are 8 digits, and what people type around them is ignored', () => {
    for (let i = 0; i < 200; i++) expect(newPickupCode()).toMatch(new RegExp(`^\\d{${PICKUP_CODE_LENGTH}}$`));
    expect(normalizeCode(' 1234 5678 ')).toBe('12345678');
    expect(normalizeCode('1234-5678')).toBe('12345678');
  });
});

describe('uncollected orders', () => {
  const cutoff = new Date('2026-03-02T20:00:00.000Z');

  it('count the collection days from the wave’s cut-off, or from a payment after it', () => {
    expect(collectBy(cutoff, new Date('2026-03-02T10:00:00.000Z'), 3).toISOString()).toBe(
      '2026-03-05T20:00:00.000Z',
    );
    expect(collectBy(cutoff, new Date('2026-03-02T20:10:00.000Z'), 3).toISOString()).toBe(
      '2026-03-05T20:10:00.000Z',
    );
  });

  it('are reminded once a day before they lapse, and lapse at their deadline', () => {
    const deadline = new Date('2026-03-05T20:00:00.000Z');
    const at = (iso: string, remindedAt: Date | null = null) =>
      uncollectedAction(new Date(iso), { collectBy: deadline, remindedAt });
    expect(at('2026-03-04T19:59:59.999Z')).toBeNull();
    expect(at('2026-03-04T20:00:00.000Z')).toBe('remind');
    expect(at('2026-03-05T10:00:00.000Z', new Date('2026-03-04T20:00:00.000Z'))).toBeNull();
    expect(at('2026-03-05T20:00:00.000Z', new Date('2026-03-04T20:00:00.000Z'))).toBe('lapse');
    expect(at('2026-03-09T00:00:00.000Z')).toBe('lapse');
  });

  it('a collected, returned or closed pickup never waits for collection again', () => {
    for (const from of ['collected', 'returned', 'closed'] as const)
      expect(pickupMachine.canTransition(from, 'awaiting_collection')).toBe(false);
    expect(pickupMachine.canTransition('awaiting_payment', 'collected')).toBe(false);
  });
});
