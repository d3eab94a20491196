import { describe, expect, it } from 'vitest';
import { channelTotals, lastDays, stepRates } from './figures';

describe('dashboard figures', () => {
  it('the last n days end today (UTC) and count both ends', () => {
    expect(lastDays(7, new Date('2026-03-15T23:59:00Z'))).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(lastDays(1, new Date('2026-01-01T00:00:00Z'))).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });

  it('channel totals add the days up and their shares sum to one', () => {
    const days = [
      {
        byChannel: [
          { channel: 'share' as const, gmv: 300, orders: 1 },
          { channel: 'direct' as const, gmv: 100, orders: 2 },
        ],
      },
      { byChannel: [{ channel: 'share' as const, gmv: 600, orders: 2 }] },
    ];
    const totals = channelTotals(days);
    expect(totals.find((c) => c.channel === 'share')).toEqual({
      channel: 'share',
      gmv: 900,
      orders: 3,
      share: 0.9,
    });
    expect(totals.reduce((n, c) => n + c.share, 0)).toBeCloseTo(1);
    expect(channelTotals([]).every((c) => c.share === 0)).toBe(true);
  });

  it('step rates compare each step with the one before', () => {
    const rates = stepRates([
      { step: 'visit', count: 10 },
      { step: 'signup', count: 4 },
      { step: 'first_order', count: 0 },
      { step: 'repeat_order', count: 0 },
    ]);
    expect(rates.map((r) => r.rate)).toEqual([null, 0.4, 0, null]);
  });
});
