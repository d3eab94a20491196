import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  canSpend,
  checkoutSpend,
  credit,
  DEFAULT_SETTINGS,
  drawFrom,
  drawOrder,
  minorPerMajorOf,
  moneyFor,
  type OpenLot,
  planRestore,
  pointsEarned,
  type RecordedDraw,
  refundedShare,
} from './rules.js';

const DAY = 86_400_000;
const lotArb = fc.record({
  id: fc.uuid(),
  remaining: fc.integer({ min: 1, max: 10_000 }),
  expiresAt: fc.option(
    fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * DAY)),
    { nil: null },
  ),
});
const lotsArb = fc.uniqueArray(lotArb, { selector: (l) => l.id, maxLength: 12 });

/** A person's points as a sequence of operations, the way the service applies them. */
type Op = { kind: 'earn' | 'spend' | 'takeBack'; points: number };
function replay(ops: readonly Op[]) {
  let balance = 0;
  let lots: OpenLot[] = [];
  let n = 0;
  for (const op of ops) {
    if (op.kind === 'earn') {
      const { remaining } = credit(balance, op.points);
      n += 1;
      lots.push({ id: String(n).padStart(6, '0'), remaining, expiresAt: null });
      balance += op.points;
      continue;
    }
    if (op.kind === 'spend' && !canSpend(balance, op.points)) continue;
    const { draws } = drawFrom(lots, op.points);
    lots = lots.map((l) => ({
      ...l,
      remaining: l.remaining - (draws.find((d) => d.lotId === l.id)?.points ?? 0),
    }));
    balance -= op.points;
  }
  return { balance, lots };
}
const opsArb = fc.array(
  fc.record({
    kind: fc.constantFrom<Op['kind']>('earn', 'spend', 'takeBack'),
    points: fc.integer({ min: 1, max: 5_000 }),
  }),
  { maxLength: 40 },
);

describe('spending and lots', () => {
  it('spending never makes a balance negative', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const spendsOnly = ops.map((o) => (o.kind === 'takeBack' ? { ...o, kind: 'spend' as const } : o));
        expect(replay(spendsOnly).balance).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('the open lots always hold max(balance, 0): a debt is paid off before a lot opens', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const { balance, lots } = replay(ops);
        expect(lots.reduce((s, l) => s + l.remaining, 0)).toBe(Math.max(balance, 0));
        for (const l of lots) expect(l.remaining).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('draws lots soonest-expiring first (never-expiring last), each fully before the next', () => {
    fc.assert(
      fc.property(lotsArb, fc.integer({ min: 0, max: 150_000 }), (lots, points) => {
        const { draws, unpaid } = drawFrom(lots, points);
        const held = lots.reduce((s, l) => s + l.remaining, 0);
        expect(draws.reduce((s, d) => s + d.points, 0) + unpaid).toBe(points);
        expect(unpaid).toBe(Math.max(0, points - held));
        const sorted = [...lots].sort(drawOrder);
        // The drawn lots are a prefix of the draw order, all but the last drawn in full.
        draws.forEach((d, i) => {
          expect(d.lotId).toBe(sorted[i]!.id);
          if (i < draws.length - 1) expect(d.points).toBe(sorted[i]!.remaining);
        });
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!.expiresAt, sorted[i]!.expiresAt];
          if (a === null) expect(b).toBeNull();
          else if (b !== null) expect(a.getTime()).toBeLessThanOrEqual(b.getTime());
        }
      }),
    );
  });

  it('a credit pays the debt first', () => {
    expect(credit(-30, 100)).toEqual({ debtPaid: 30, remaining: 70 });
    expect(credit(-300, 100)).toEqual({ debtPaid: 100, remaining: 0 });
    expect(credit(50, 100)).toEqual({ debtPaid: 0, remaining: 100 });
  });
});

describe('what an order earns and a refund takes back', () => {
  it('earns floor(total × rate / minor units per major unit)', () => {
    expect(pointsEarned(12_345, 1, 100)).toBe(123);
    expect(pointsEarned(12_345, 3, 100)).toBe(370);
    expect(pointsEarned(500, 2, 1)).toBe(1000);
    expect(pointsEarned(0, 1, 100)).toBe(0);
  });

  it('partial refunds take back cumulative floors that sum to exactly what the order gave on a full refund', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 8 }),
        (earned, total, weights) => {
          // Split the total into refunds in proportion to the weights (the last takes the rest).
          const sum = weights.reduce((a, b) => a + b, 0);
          let refunded = 0;
          let taken = 0;
          weights.forEach((w, i) => {
            const amount = i === weights.length - 1 ? total - refunded : Math.floor((total * w) / sum);
            refunded += amount;
            const due = refundedShare(earned, refunded, total);
            expect(due).toBeGreaterThanOrEqual(taken);
            expect(due).toBeLessThanOrEqual(earned);
            // Never more than the refunded share of what was earned.
            expect(due * total).toBeLessThanOrEqual(earned * refunded);
            taken = due;
          });
          expect(taken).toBe(earned);
        },
      ),
    );
  });

  it('a full refund takes back all, whatever was refunded in part before', () => {
    expect(refundedShare(99, 10_000, 10_000)).toBe(99);
    expect(refundedShare(99, 3_333, 10_000)).toBe(32);
    expect(refundedShare(99, 0, 10_000)).toBe(0);
  });
});

describe('points at checkout', () => {
  const s = DEFAULT_SETTINGS;
  it('pays at most the share and always leaves one minor unit, spending only points that buy money', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(1, 100),
        (wanted, payable, redeemPerUnit, maxShareBps, minor) => {
          const settings = { ...s, redeemPerUnit, maxShareBps };
          const spent = checkoutSpend(wanted, payable, settings, minor);
          expect(spent.points).toBeLessThanOrEqual(wanted);
          expect(spent.discount).toBeLessThanOrEqual(Math.floor((payable * maxShareBps) / 10_000));
          if (payable > 0) expect(spent.discount).toBeLessThanOrEqual(payable - 1);
          else expect(spent.discount).toBe(0);
          expect(moneyFor(spent.points, settings, minor)).toBe(spent.discount);
          expect(spent.points === 0).toBe(spent.discount === 0);
        },
      ),
    );
  });

  it('at 100 points a yuan and half the order: 5,000 points pay ¥50 of ¥100', () => {
    expect(checkoutSpend(8_000, 10_000, s, 100)).toEqual({ points: 5_000, discount: 5_000 });
    expect(checkoutSpend(300, 10_000, s, 100)).toEqual({ points: 300, discount: 300 });
    expect(checkoutSpend(300, 1, s, 100)).toEqual({ points: 0, discount: 0 });
    expect(checkoutSpend(999, 10_000, { ...s, redeemPerUnit: 1_000 }, 100)).toEqual({
      points: 990,
      discount: 99,
    });
  });
});

describe('calendar', () => {
  it('adds months, clamping the day', () => {
    expect(addMonths(new Date('2026-01-31T08:00:00Z'), 1).toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(addMonths(new Date('2026-03-15T00:00:00Z'), 12).toISOString()).toBe('2027-03-15T00:00:00.000Z');
  });

  it('knows minor units per major unit', () => {
    expect(minorPerMajorOf('CNY')).toBe(100);
    expect(minorPerMajorOf('JPY')).toBe(1);
  });
});

describe('a refund takes back from the order’s own lot first', () => {
  it('draws the named lot first (what is left of it), then in draw order', () => {
    fc.assert(
      fc.property(lotsArb, fc.nat(20), fc.integer({ min: 0, max: 150_000 }), (lots, pick, points) => {
        const firstLot = lots.length > 0 ? lots[pick % lots.length]!.id : 'none';
        const { draws, unpaid } = drawFrom(lots, points, firstLot);
        const own = lots.find((l) => l.id === firstLot);
        const held = lots.reduce((s, l) => s + l.remaining, 0);
        expect(draws.reduce((s, d) => s + d.points, 0) + unpaid).toBe(points);
        expect(unpaid).toBe(Math.max(0, points - held));
        if (own && points > 0)
          expect(draws[0]).toEqual({ lotId: own.id, points: Math.min(own.remaining, points) });
        // The others in draw order, as without a first lot.
        const rest = lots.filter((l) => l.id !== firstLot);
        const after = Math.max(0, points - (own?.remaining ?? 0));
        expect(draws.filter((d) => d.lotId !== firstLot)).toEqual(drawFrom(rest, after).draws);
      }),
    );
  });
});

describe('a return puts a spend’s points back where they came from', () => {
  it('spend, then any sequence of partial refunds: exactly the spent points come back in total, never more, each lot no more than was drawn from it', () => {
    fc.assert(
      fc.property(
        lotsArb.filter((l) => l.length > 0),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (lots, wanted, total, weights, full) => {
          const held = lots.reduce((s, l) => s + l.remaining, 0);
          const spent = Math.min(wanted, held);
          const { draws } = drawFrom(lots, spent);
          const recorded: RecordedDraw[] = draws.map((d, seq) => ({ ...d, seq, restored: 0 }));
          const back = new Map<string, number>();
          let refunded = 0;
          let returned = 0;
          const sum = weights.reduce((a, b) => a + b, 0) || 1;
          weights.forEach((w, i) => {
            const last = i === weights.length - 1;
            refunded = last && full ? total : Math.min(total, refunded + Math.floor((total * w) / sum));
            const due = refundedShare(spent, refunded, total);
            const plan = planRestore(recorded, due - returned, 0);
            expect(plan.fresh).toBe(0);
            expect(plan.debtPaid).toBe(0);
            for (const a of plan.advances) recorded[a.seq]!.restored += a.points;
            for (const r of plan.intoLots) back.set(r.lotId, (back.get(r.lotId) ?? 0) + r.points);
            returned = due;
            const totalBack = [...back.values()].reduce((a, b) => a + b, 0);
            expect(totalBack).toBe(returned);
            expect(totalBack).toBeLessThanOrEqual(spent);
            // First drawn, first back: a draw is restored only once the ones before it are in full.
            recorded.forEach((d, j) => {
              expect(d.restored).toBeLessThanOrEqual(d.points);
              if (j > 0 && d.restored > 0) expect(recorded[j - 1]!.restored).toBe(recorded[j - 1]!.points);
            });
          });
          for (const d of draws) expect(back.get(d.lotId) ?? 0).toBeLessThanOrEqual(d.points);
          if (full) expect([...back.values()].reduce((a, b) => a + b, 0)).toBe(spent);
          // Asking for more than is left to give back gives back only that (the rest has no lot).
          const more = planRestore(recorded, 1, 0);
          if (full) expect(more.intoLots).toEqual([]);
        },
      ),
    );
  });

  it('pays a debt first, from the first drawn; a spend without recorded draws gets a lot of its own', () => {
    const draws: RecordedDraw[] = [
      { seq: 0, lotId: 'a', points: 60, restored: 0 },
      { seq: 1, lotId: 'b', points: 40, restored: 0 },
    ];
    expect(planRestore(draws, 100, -70)).toEqual({
      advances: [
        { seq: 0, points: 60 },
        { seq: 1, points: 40 },
      ],
      intoLots: [{ lotId: 'b', points: 30 }],
      debtPaid: 70,
      fresh: 0,
    });
    expect(planRestore(draws, 50, 10)).toMatchObject({ intoLots: [{ lotId: 'a', points: 50 }], debtPaid: 0 });
    expect(planRestore([], 50, -20)).toEqual({ advances: [], intoLots: [], debtPaid: 20, fresh: 30 });
  });
});
