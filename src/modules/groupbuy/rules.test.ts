import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySeatEvent,
  campaignMachine,
  campaignProblems,
  campaignRunning,
  completionCost,
  type GroupCounts,
  groupMachine,
  joinRefusal,
  orderGroupStatus,
  platformMayComplete,
  type SeatEvent,
  seatMachine,
  unitPriceFor,
  unitsLeftForUser,
} from './rules.js';

const events: SeatEvent[] = ['take', 'pay', 'release', 'refund-paid', 'expire'];
const arbitraryRun = fc.record({
  groupSize: fc.integer({ min: 2, max: 100 }),
  steps: fc.array(fc.record({ event: fc.constantFrom(...events), expired: fc.boolean() }), {
    maxLength: 300,
  }),
});

const fresh = (groupSize: number): GroupCounts => ({ status: 'open', groupSize, taken: 0, paid: 0 });

describe('group state machine', () => {
  it('allows only open → succeeded | failed', () => {
    expect(groupMachine.transitions).toEqual({ open: ['succeeded', 'failed'], succeeded: [], failed: [] });
    for (const from of groupMachine.states)
      for (const to of groupMachine.states)
        expect(groupMachine.canTransition(from, to)).toBe(from === 'open' && to !== 'open');
    expect(() => groupMachine.assertTransition('failed', 'succeeded')).toThrow(
      /failed cannot become succeeded/,
    );
  });

  it('closes a campaign once, for good', () => {
    expect(campaignMachine.transitions).toEqual({ active: ['closed'], closed: [] });
  });

  it('moves a seat reserved → paid | released and paid → refunded, nothing else', () => {
    expect(seatMachine.transitions).toEqual({
      reserved: ['paid', 'released'],
      paid: ['refunded'],
      released: [],
      refunded: [],
    });
    expect(seatMachine.fromStates('paid')).toEqual(['reserved']);
    expect(seatMachine.fromStates('refunded')).toEqual(['paid']);
    expect(seatMachine.fromStates('released')).toEqual(['reserved']);
  });

  it('never has more seats than its size, nor more paid than seats, whatever happens', () => {
    fc.assert(
      fc.property(arbitraryRun, ({ groupSize, steps }) => {
        let g = fresh(groupSize);
        for (const { event, expired } of steps) {
          g = applySeatEvent(g, event, expired);
          expect(g.taken).toBeLessThanOrEqual(g.groupSize);
          expect(g.paid).toBeLessThanOrEqual(g.taken);
          expect(g.paid).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('decides a group once: a succeeded or failed group never changes state again', () => {
    fc.assert(
      fc.property(arbitraryRun, ({ groupSize, steps }) => {
        let g = fresh(groupSize);
        for (const { event, expired } of steps) {
          const next = applySeatEvent(g, event, expired);
          if (g.status !== 'open') expect(next.status).toBe(g.status);
          else if (next.status !== 'open')
            expect(groupMachine.canTransition(g.status, next.status)).toBe(true);
          g = next;
        }
      }),
    );
  });

  it('succeeds exactly when the last seat is paid before the deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100 }), (size) => {
        let g = fresh(size);
        for (let i = 0; i < size; i++) g = applySeatEvent(g, 'take');
        expect(applySeatEvent(g, 'take')).toEqual(g);
        for (let i = 0; i < size - 1; i++) g = applySeatEvent(g, 'pay');
        expect(g.status).toBe('open');
        expect(applySeatEvent(g, 'pay', true).status).toBe('open');
        expect(applySeatEvent(g, 'pay')).toMatchObject({ status: 'succeeded', paid: size });
      }),
    );
  });

  it('gives seats back only while the group is open', () => {
    const g: GroupCounts = { status: 'failed', groupSize: 3, taken: 3, paid: 2 };
    expect(applySeatEvent(g, 'release')).toEqual(g);
    expect(applySeatEvent(g, 'refund-paid')).toEqual(g);
    const open: GroupCounts = { status: 'open', groupSize: 3, taken: 3, paid: 2 };
    expect(applySeatEvent(open, 'release')).toMatchObject({ taken: 2, paid: 2 });
    expect(applySeatEvent(open, 'refund-paid')).toMatchObject({ taken: 2, paid: 1 });
  });

  it('explains why a seat cannot be taken', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const later = new Date('2026-11-23T11:00:00Z');
    const g = { status: 'open' as const, groupSize: 2, taken: 1, paid: 1, expiresAt: later };
    expect(joinRefusal(g, now)).toBeNull();
    expect(joinRefusal({ ...g, taken: 2 }, now)).toBe('full');
    expect(joinRefusal(g, later)).toBe('expired');
    expect(joinRefusal({ ...g, status: 'succeeded' }, now)).toBe('succeeded');
    expect(joinRefusal({ ...g, status: 'failed' }, now)).toBe('failed');
  });

  it('shows an order its group state, or that it left the group', () => {
    expect(orderGroupStatus('open', 'reserved')).toBe('waiting');
    expect(orderGroupStatus('open', 'paid')).toBe('waiting');
    expect(orderGroupStatus('succeeded', 'paid')).toBe('succeeded');
    expect(orderGroupStatus('failed', 'refunded')).toBe('failed');
    expect(orderGroupStatus('open', 'released')).toBe('left');
    expect(orderGroupStatus('succeeded', 'refunded')).toBe('left');
  });
});

describe('group pricing', () => {
  const prices = fc
    .record({ regular: fc.integer({ min: 0, max: 10_000_000 }), a: fc.nat(), b: fc.nat() })
    .map(({ regular, a, b }) => {
      const price = regular === 0 ? 0 : a % (regular + 1);
      return { regular, price, leader: price === 0 ? 0 : b % (price + 1) };
    });

  it('never charges a negative price, nor more than the group price, for a sound campaign', () => {
    fc.assert(
      fc.property(
        prices,
        fc.boolean(),
        fc.constantFrom('leader' as const, 'member' as const),
        (p, hasLeader, role) => {
          const campaign = { price: p.price, leaderPrice: hasLeader ? p.leader : null };
          const problems = campaignProblems({
            groupSize: 3,
            price: p.price,
            leaderPrice: campaign.leaderPrice,
            regularPrice: p.regular,
            startsAt: null,
            endsAt: null,
          });
          expect(problems).toEqual([]);
          const unit = unitPriceFor(campaign, role);
          expect(unit).toBeGreaterThanOrEqual(0);
          expect(unit).toBeLessThanOrEqual(p.price);
          expect(unit).toBeLessThanOrEqual(p.regular);
          if (role === 'member') expect(unit).toBe(p.price);
        },
      ),
    );
  });

  it('refuses unsound campaigns with field errors', () => {
    const base = {
      groupSize: 3,
      price: 100,
      leaderPrice: null,
      regularPrice: 200,
      startsAt: null,
      endsAt: null,
    };
    expect(campaignProblems({ ...base, groupSize: 1 })).toEqual([
      expect.objectContaining({ path: '/groupSize' }),
    ]);
    expect(campaignProblems({ ...base, price: 201 })).toEqual([expect.objectContaining({ path: '/price' })]);
    expect(campaignProblems({ ...base, leaderPrice: 101 })).toEqual([
      expect.objectContaining({ path: '/leaderPrice' }),
    ]);
    const at = new Date('2026-11-23T10:00:00Z');
    expect(campaignProblems({ ...base, startsAt: at, endsAt: at })).toEqual([
      expect.objectContaining({ path: '/endsAt' }),
    ]);
  });

  it('runs a campaign only while active and inside its window', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const before = new Date('2026-11-23T09:00:00Z');
    const after = new Date('2026-11-23T11:00:00Z');
    expect(campaignRunning({ status: 'active', startsAt: null, endsAt: null }, now)).toBe(true);
    expect(campaignRunning({ status: 'closed', startsAt: null, endsAt: null }, now)).toBe(false);
    expect(campaignRunning({ status: 'active', startsAt: after, endsAt: null }, now)).toBe(false);
    expect(campaignRunning({ status: 'active', startsAt: before, endsAt: now }, now)).toBe(false);
  });

  it('counts what a person may still buy', () => {
    expect(unitsLeftForUser(null, 50)).toBe(Number.POSITIVE_INFINITY);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.nat(2000), (limit, held) => {
        const left = unitsLeftForUser(limit, held);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left + Math.min(held, limit)).toBe(limit);
      }),
    );
  });

  it('lets the platform complete only a nearly-full open group with a real paid member', () => {
    expect(platformMayComplete({ status: 'open', groupSize: 5, taken: 4, paid: 4 })).toBe(true);
    expect(platformMayComplete({ status: 'open', groupSize: 5, taken: 4, paid: 3 })).toBe(false);
    expect(platformMayComplete({ status: 'open', groupSize: 2, taken: 1, paid: 1 })).toBe(true);
    expect(platformMayComplete({ status: 'open', groupSize: 2, taken: 1, paid: 0 })).toBe(false);
    expect(platformMayComplete({ status: 'succeeded', groupSize: 5, taken: 5, paid: 5 })).toBe(false);
    expect(platformMayComplete({ status: 'open', groupSize: 100, taken: 80, paid: 80 })).toBe(true);
    expect(platformMayComplete({ status: 'open', groupSize: 100, taken: 79, paid: 79 })).toBe(false);
  });
});

describe('completionCost', () => {
  const prices = { price: 2900, leaderPrice: 2500 };
  it('is the discount off the regular price on every paid unit, the leader at the leader price', () => {
    const seats = [
      { role: 'leader' as const, quantity: 1, paid: true },
      { role: 'member' as const, quantity: 2, paid: true },
      { role: 'member' as const, quantity: 1, paid: false },
    ];
    expect(completionCost(seats, prices, 4900)).toBe(2400 + 2 * 2000);
  });

  it('counts what each seat paid, not the campaign price of today', () => {
    const seats = [
      { role: 'leader' as const, quantity: 1, paid: true, unitPrice: 2000 },
      { role: 'member' as const, quantity: 1, paid: true, unitPrice: 3100 },
      { role: 'member' as const, quantity: 1, paid: true, unitPrice: null },
    ];
    expect(completionCost(seats, prices, 4900)).toBe(2900 + 1800 + 2000);
  });

  it('is null without a regular price, and never negative', () => {
    expect(completionCost([{ role: 'member', quantity: 1, paid: true }], prices, null)).toBeNull();
    expect(completionCost([{ role: 'member', quantity: 1, paid: true }], prices, 2000)).toBe(0);
  });
});
