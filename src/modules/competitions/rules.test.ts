import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AWARD_GRACE_MS,
  type Award,
  awardDue,
  awardsFor,
  canonicalPrizes,
  inPayOrder,
  inPeriod,
  lastPrizeRank,
  leaderboardName,
  lockedField,
  type Prize,
  periodProblems,
  phaseOf,
  prizeForRank,
  prizeProblems,
  rankScores,
  type Score,
  settledSale,
} from './rules.js';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

const scoreArb = fc.record({
  userId: fc.uuid(),
  score: fc.integer({ min: 1, max: 20 }),
  reachedAt: fc.integer({ min: 0, max: 50 }).map(at),
});
const scoresArb = fc.uniqueArray(scoreArb, { selector: (s) => s.userId, maxLength: 40 });

/** Prize lines with disjoint rank ranges, built from gaps and lengths. */
const prizesArb: fc.Arbitrary<Prize[]> = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 1, max: 500 }),
    ),
    {
      maxLength: 6,
    },
  )
  .map((parts) => {
    let next = 1;
    return parts.map(([gap, length, points]) => {
      const fromRank = next + gap;
      next = fromRank + length + 1;
      return { fromRank, toRank: fromRank + length, kind: 'points', points } as Prize;
    });
  });

describe('rankScores', () => {
  it('ranks are a permutation of 1..n, higher scores first, then who reached the score first', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const ranked = rankScores(scores);
        expect(ranked.map((r) => r.rank).sort((a, b) => a - b)).toEqual(scores.map((_, i) => i + 1));
        expect(new Set(ranked.map((r) => r.userId))).toEqual(new Set(scores.map((s) => s.userId)));
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1] as Score, ranked[i] as Score];
          expect(a.score > b.score || (a.score === b.score && a.reachedAt <= b.reachedAt)).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order the scores come in', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const forward = rankScores(scores).map((r) => r.userId);
        expect(rankScores([...scores].reverse()).map((r) => r.userId)).toEqual(forward);
      }),
    );
  });

  it('on a tie, the one who reached the score first ranks higher', () => {
    const ranked = rankScores([
      { userId: 'late', score: 5, reachedAt: at(2000) },
      { userId: 'early', score: 5, reachedAt: at(1000) },
      { userId: 'top', score: 6, reachedAt: at(3000) },
    ]);
    expect(ranked.map((r) => [r.userId, r.rank])).toEqual([
      ['top', 1],
      ['early', 2],
      ['late', 3],
    ]);
  });
});

describe('prizes', () => {
  const prizes: Prize[] = [
    { fromRank: 1, toRank: 1, kind: 'commission_bonus', amount: 5000 },
    { fromRank: 2, toRank: 3, kind: 'points', points: 200 },
    { fromRank: 4, toRank: 10, kind: 'coupon', couponTemplateId: 't1' },
  ];

  it('finds the prize of a rank, and none past the last', () => {
    expect(prizeForRank(prizes, 1)?.kind).toBe('commission_bonus');
    expect(prizeForRank(prizes, 3)?.kind).toBe('points');
    expect(prizeForRank(prizes, 10)?.kind).toBe('coupon');
    expect(prizeForRank(prizes, 11)).toBeUndefined();
    expect(lastPrizeRank(prizes)).toBe(10);
  });

  it('refuses overlapping ranges and a range that runs backwards', () => {
    expect(prizeProblems(prizes)).toEqual([]);
    expect(
      prizeProblems([
        { fromRank: 1, toRank: 3, kind: 'points', points: 1 },
        { fromRank: 3, toRank: 4, kind: 'points', points: 1 },
      ]),
    ).toEqual([{ path: '/prizes/1/fromRank', message: 'overlaps the ranks of prize 0', rule: 'overlap' }]);
    expect(prizeProblems([{ fromRank: 5, toRank: 2, kind: 'points', points: 1 }]).map((p) => p.rule)).toEqual(
      ['rankOrder'],
    );
  });

  it('each prize is paid at most once: one award per person and per rank, each within its prize’s ranks', () => {
    fc.assert(
      fc.property(scoresArb, prizesArb, fc.func(fc.boolean()), (scores, prizes, listedOf) => {
        expect(prizeProblems(prizes)).toEqual([]);
        const listed = (u: string) => listedOf(u);
        const awards = awardsFor(scores, listed, prizes);
        expect(new Set(awards.map((a) => a.userId)).size).toBe(awards.length);
        expect(new Set(awards.map((a) => a.rank)).size).toBe(awards.length);
        for (const a of awards) {
          expect(listed(a.userId)).toBe(true);
          expect(a.rank).toBeGreaterThanOrEqual(a.prize.fromRank);
          expect(a.rank).toBeLessThanOrEqual(a.prize.toRank);
        }
        // Every rank a prize covers is won when enough listed people scored.
        const people = scores.filter((s) => listed(s.userId)).length;
        const covered = prizes.reduce(
          (n, p) => n + Math.max(0, Math.min(p.toRank, people) - p.fromRank + 1),
          0,
        );
        expect(awards.length).toBe(covered);
      }),
    );
  });

  it('someone not listed wins nothing and the next person moves up', () => {
    const scores = [
      { userId: 'hidden', score: 9, reachedAt: at(0) },
      { userId: 'second', score: 5, reachedAt: at(0) },
    ];
    const awards = awardsFor(scores, (u) => u !== 'hidden', prizes);
    expect(awards.map((a) => [a.userId, a.rank])).toEqual([['second', 1]]);
  });

  it('canonical order sorts by rank and drops nothing', () => {
    const shuffled = [prizes[2], prizes[0], prizes[1]] as Prize[];
    expect(canonicalPrizes(shuffled)).toEqual(prizes);
  });
});

describe('masking on leaderboards', () => {
  it('shows the person their own name in full and others a mask', () => {
    expect(leaderboardName('me', { id: 'me', name: 'Chen Jie' })).toBe('Chen Jie');
    expect(leaderboardName('you', { id: 'me', name: 'Chen Jie' })).toBe('Chen J.');
    expect(leaderboardName(null, { id: 'me', name: '陈杰' })).toBe('陈*');
  });

  const word = fc.stringMatching(/^[A-Za-z]{2,10}$/);
  const han = fc.array(fc.constantFrom('陈', '杰', '王', '芳', '李', '娜', '欧', '阳'), {
    minLength: 1,
    maxLength: 3,
  });

  it('never shows another viewer the full surname and given name together', () => {
    fc.assert(
      fc.property(word, word, fc.constantFrom(' ', '  '), (surname, given, gap) => {
        const masked = leaderboardName('viewer', { id: 'someone', name: `${surname}${gap}${given}` });
        expect(masked).not.toContain(`${surname} ${given}`);
        // The given name shrinks to its initial (it may still occur inside the surname: "Dvaa Dv").
        expect(masked).toBe(`${surname} ${given[0]?.toUpperCase()}.`);
      }),
    );
    fc.assert(
      fc.property(han, han, (surname, given) => {
        const name = surname.join('') + given.join('');
        const masked = leaderboardName(null, { id: 'someone', name });
        expect(masked).not.toContain(name);
        // Only the first character (the family name's first) shows.
        expect(masked).toBe(`${name[0]}*`);
      }),
    );
  });
});

describe('period and phases', () => {
  const p = { startsAt: at(1000), endsAt: at(2000) };

  it('counts from the start (inclusive) to the end (exclusive)', () => {
    expect([999, 1000, 1999, 2000].map((ms) => inPeriod(p, at(ms)))).toEqual([false, true, true, false]);
  });

  it('reads upcoming, running and ended from the clock, and cancelled from the status', () => {
    const c = { ...p, status: 'scheduled' as const };
    expect(phaseOf(c, at(0))).toBe('upcoming');
    expect(phaseOf(c, at(1500))).toBe('running');
    expect(phaseOf(c, at(2000))).toBe('ended');
    expect(phaseOf({ ...p, status: 'cancelled' }, at(1500))).toBe('cancelled');
    expect(phaseOf({ ...p, status: 'awarded' }, at(1500))).toBe('ended');
  });

  it('pays prizes only after the grace that lets late events in', () => {
    expect(awardDue(p, at(2000 + AWARD_GRACE_MS - 1))).toBe(false);
    expect(awardDue(p, at(2000 + AWARD_GRACE_MS))).toBe(true);
  });

  it('refuses years the database cannot store: 0000, and an end whose award would fall past 9999', () => {
    const ok = new Date('2030-01-01T00:00:00Z');
    expect(periodProblems({ startsAt: new Date('0000-01-01T00:00:00Z'), endsAt: ok })).toEqual([
      expect.objectContaining({ path: '/startsAt', rule: 'storable' }),
    ]);
    expect(periodProblems({ startsAt: ok, endsAt: new Date('9999-12-31T23:59:59Z') })).toEqual([
      expect.objectContaining({ path: '/endsAt', rule: 'storable' }),
    ]);
    expect(periodProblems({ startsAt: ok, endsAt: new Date('9999-12-31T23:00:00Z') })).toEqual([]);
  });

  it('needs the end after the start', () => {
    expect(periodProblems(p)).toEqual([]);
    expect(periodProblems({ startsAt: at(5), endsAt: at(5) }).map((x) => x.rule)).toEqual(['afterStart']);
  });

  it('locks metric, period and prizes once running, never the title', () => {
    const current = { ...p, metric: 'new_customers' as const, prizes: [] as Prize[] };
    expect(lockedField(current, { ...current, metric: 'team_growth' }, at(0))).toBeNull();
    expect(lockedField(current, { ...current, metric: 'team_growth' }, at(1500))).toBe('metric');
    expect(lockedField(current, { ...current, endsAt: at(3000) }, at(1500))).toBe('endsAt');
    expect(lockedField(current, { ...current }, at(1500))).toBeNull();
  });
});

describe('settledSale', () => {
  it('is the base amount, less the share partial refunds took', () => {
    expect(settledSale({ baseAmount: 10_000, earnedAmount: 1000, amount: 1000 })).toBe(10_000);
    expect(settledSale({ baseAmount: 10_000, earnedAmount: 1000, amount: 500 })).toBe(5000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (base, earned) =>
        fc.assert(
          fc.property(fc.integer({ min: 0, max: earned }), (left) => {
            const sale = settledSale({ baseAmount: base, earnedAmount: earned, amount: left });
            expect(Number.isInteger(sale) && sale >= 0 && sale <= base).toBe(true);
          }),
          { numRuns: 5 },
        ),
      ),
      { numRuns: 50 },
    );
  });
});

describe('inPayOrder', () => {
  const award = (userId: string, rank: number, prize: Prize): Award => ({ userId, rank, prize });
  const ranks = (rank: number) => ({ fromRank: rank, toRank: rank });
  const awardArb: fc.Arbitrary<Award> = fc
    .tuple(
      fc.constantFrom('u1', 'u2', 'u3', 'u4'),
      fc.integer({ min: 1, max: 50 }),
      fc.constantFrom('coupon', 'points', 'commission_bonus'),
      fc.constantFrom('t1', 't2'),
    )
    .map(([userId, rank, kind, template]) =>
      award(
        userId,
        rank,
        kind === 'coupon'
          ? { ...ranks(rank), kind, couponTemplateId: template }
          : kind === 'points'
            ? { ...ranks(rank), kind, points: 10 }
            : { ...ranks(rank), kind, amount: 100 },
      ),
    );

  it('pays coupons, then points, then ledger bonuses, whatever the ranks', () => {
    const paid = inPayOrder([
      award('a', 1, { ...ranks(1), kind: 'commission_bonus', amount: 500 }),
      award('b', 2, { ...ranks(2), kind: 'points', points: 300 }),
      award('c', 3, { ...ranks(3), kind: 'coupon', couponTemplateId: 't' }),
    ]);
    expect(paid.map((a) => a.prize.kind)).toEqual(['coupon', 'points', 'commission_bonus']);
  });

  it('property: a permutation, kinds in pay order, and within a kind by the row it locks', () => {
    fc.assert(
      fc.property(fc.array(awardArb, { maxLength: 30 }), (awards) => {
        const paid = inPayOrder(awards);
        const same = (list: Award[]) => list.map((a) => JSON.stringify(a)).sort();
        expect(same(paid)).toEqual(same(awards));
        const kinds = ['coupon', 'points', 'commission_bonus'];
        const keyOf = (a: Award) => (a.prize.kind === 'coupon' ? a.prize.couponTemplateId : a.userId);
        for (let i = 1; i < paid.length; i++) {
          const [before, after] = [paid[i - 1] as Award, paid[i] as Award];
          const order = kinds.indexOf(before.prize.kind) - kinds.indexOf(after.prize.kind);
          expect(order).toBeLessThanOrEqual(0);
          if (order === 0) expect(keyOf(before) <= keyOf(after)).toBe(true);
        }
      }),
    );
  });
});
