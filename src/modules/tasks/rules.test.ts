import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/calendar.js';
import {
  afterEvent,
  definitionProblems,
  nextPeriodStart,
  OCCURRENCES,
  periodKey,
  shownProgress,
  TASK_PERIODS,
  type TaskState,
} from './rules.js';

const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2024-01-01', n));

describe('periods', () => {
  it('a day is its own period; a week starts on Monday; a one-off task has one period', () => {
    expect(periodKey('daily', '2026-12-02')).toBe('2026-12-02');
    expect(periodKey('weekly', '2026-12-02')).toBe('2026-11-30'); // a Wednesday → that Monday
    expect(periodKey('weekly', '2026-12-06')).toBe('2026-11-30'); // Sunday ends the ISO week
    expect(periodKey('weekly', '2026-12-07')).toBe('2026-12-07');
    expect(periodKey('once', '2026-12-02')).toBe('once');
    expect(nextPeriodStart('daily', '2026-12-31')).toBe('2027-01-01');
    expect(nextPeriodStart('weekly', '2026-12-02')).toBe('2026-12-07');
    expect(nextPeriodStart('once', '2026-12-02')).toBeNull();
  });

  it('property: every day of a period has the same key, and the next period starts a new one', () => {
    fc.assert(
      fc.property(fc.constantFrom('daily', 'weekly' as const), day, (period, d) => {
        const next = nextPeriodStart(period, d) as string;
        expect(next > d).toBe(true);
        expect(periodKey(period, next)).not.toBe(periodKey(period, d));
        expect(periodKey(period, addDays(next, -1))).toBe(periodKey(period, d));
        expect(periodKey(period, periodKey(period, d))).toBe(periodKey(period, d));
      }),
    );
  });
});

/** Replays events (refs, with repeats) of one period the way the service does: a ref counts once. */
function replay(target: number, refs: readonly string[]) {
  const seen = new Set<string>();
  let state: TaskState = { progress: 0, completed: false };
  let rewards = 0;
  const progressSeen: number[] = [];
  for (const ref of refs) {
    const isNew = !state.completed && !seen.has(ref);
    if (isNew) seen.add(ref);
    const next = afterEvent(state, target, isNew);
    if (next.completedNow) rewards += 1;
    state = { progress: next.progress, completed: next.completed };
    progressSeen.push(state.progress);
  }
  return { state, rewards, progressSeen, distinct: new Set(refs).size };
}

describe('progress', () => {
  const events = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 30 });
  const target = fc.integer({ min: 1, max: 8 });

  it('property: progress never exceeds the target and never goes down', () => {
    fc.assert(
      fc.property(target, events, (t, refs) => {
        const { progressSeen } = replay(t, refs);
        progressSeen.forEach((p, i) => {
          expect(p).toBeLessThanOrEqual(t);
          if (i > 0) expect(p).toBeGreaterThanOrEqual(progressSeen[i - 1]!);
        });
      }),
    );
  });

  it('property: one reward per period, exactly when the distinct events reach the target', () => {
    fc.assert(
      fc.property(target, events, (t, refs) => {
        const { state, rewards, distinct } = replay(t, refs);
        expect(rewards).toBe(distinct >= t ? 1 : 0);
        expect(state.completed).toBe(distinct >= t);
        expect(state.progress).toBe(Math.min(distinct, t));
      }),
    );
  });

  it('an event counted before moves nothing; a completed task stays completed', () => {
    expect(afterEvent({ progress: 1, completed: false }, 3, false)).toEqual({
      progress: 1,
      completed: false,
      completedNow: false,
    });
    expect(afterEvent({ progress: 2, completed: false }, 3, true)).toEqual({
      progress: 3,
      completed: true,
      completedNow: true,
    });
    expect(afterEvent({ progress: 3, completed: true }, 3, true).completedNow).toBe(false);
  });

  it('property: what a person sees is capped at the target, and completed shows the target', () => {
    fc.assert(
      fc.property(fc.nat(50), target, fc.boolean(), (counted, t, completed) => {
        const shown = shownProgress(counted, t, completed);
        expect(shown.progress).toBeLessThanOrEqual(t);
        expect(shown.status).toBe(completed ? 'completed' : 'in_progress');
        if (completed) expect(shown.progress).toBe(t);
      }),
    );
  });
});

describe('which events count', () => {
  it('shares count products only, distinct by product; sales count level-1 commissions by order', () => {
    const share = (targetType: string, targetId: string) =>
      OCCURRENCES['share.created']({ userId: 'u', code: 'c', targetType, targetId });
    expect(share('product', 'p1')).toEqual({ kind: 'share_products', userId: 'u', ref: 'product:p1' });
    expect(share('store', 's1')).toBeNull();
    const commission = (level: number) =>
      OCCURRENCES['commission.earned']({ commissionId: 'k', orderId: 'o1', userId: 'u', amount: 1, level });
    expect(commission(1)).toEqual({ kind: 'sell_through_links', userId: 'u', ref: 'order:o1' });
    expect(commission(2)).toBeNull();
    expect(OCCURRENCES['checkin.made']({ userId: 'u', day: '2026-12-02', streak: 1, points: 5 })).toEqual({
      kind: 'check_in',
      userId: 'u',
      ref: 'checkin:2026-12-02',
      day: '2026-12-02',
    });
    expect(OCCURRENCES['invitation.converted']({ userId: 'u', inviteeId: 'f', orderId: 'o' })?.ref).toBe(
      'invitee:f',
    );
  });
});

describe('definitionProblems', () => {
  const base = { kind: 'share_products' as const, period: 'weekly' as const, target: 3, rewardPoints: 30 };
  it('accepts a sensible task and refuses what cannot work', () => {
    expect(definitionProblems({ ...base, couponTemplateId: null })).toEqual([]);
    expect(
      definitionProblems({
        ...base,
        kind: 'first_order',
        period: 'daily',
        target: 2,
        couponTemplateId: null,
      }).map((p) => [p.path, p.rule]),
    ).toEqual([
      ['/period', 'onlyOnce'],
      ['/target', 'onlyOne'],
    ]);
    expect(definitionProblems({ ...base, rewardPoints: 0, couponTemplateId: null })[0]?.path).toBe(
      '/rewardPoints',
    );
    expect(definitionProblems({ ...base, rewardPoints: 0, couponTemplateId: 'c1' })).toEqual([]);
    for (const period of TASK_PERIODS)
      expect(
        definitionProblems({ ...base, kind: 'check_in', period, target: 2, couponTemplateId: null }).length,
      ).toBe(period === 'daily' ? 1 : 0);
  });
});
