import { describe, expect, it } from 'vitest';
import { draftOf, emptyPrize, inputOf } from './competition-draft';

describe('the competition draft', () => {
  it('turns the form into the API body: instants in ISO, the bonus in minor units', () => {
    const draft = {
      ...draftOf(undefined, 2, Date.UTC(2026, 0, 1)),
      title: ' Spring sprint ',
      prizes: [
        { ...emptyPrize(1), kind: 'commission_bonus' as const, amount: '50.5' },
        { ...emptyPrize(2), toRank: '5', points: '200' },
      ],
    };
    const { input, problems } = inputOf(draft, 2);
    expect(problems).toEqual([]);
    expect(input).toMatchObject({
      title: 'Spring sprint',
      metric: 'new_customers',
      prizes: [
        { fromRank: 1, toRank: 1, kind: 'commission_bonus', amount: 5050 },
        { fromRank: 2, toRank: 5, kind: 'points', points: 200 },
      ],
    });
    expect(new Date(input?.startsAt ?? '').getTime()).toBe(new Date(draft.startsAt).getTime());
  });

  it('names the fields to fix', () => {
    const draft = {
      ...draftOf(undefined, 2),
      prizes: [{ ...emptyPrize(1), kind: 'coupon' as const, toRank: 'x' }],
    };
    expect(inputOf(draft, 2).problems.map((p) => p.path)).toEqual([
      '/title',
      '/prizes/0/toRank',
      '/prizes/0/couponTemplateId',
    ]);
  });

  it('reads a saved competition back into the form', () => {
    const saved = draftOf(
      {
        id: 'c1',
        title: 'T',
        description: '',
        metric: 'team_growth',
        startsAt: '2026-01-01T00:00:00.000Z',
        endsAt: '2026-01-08T00:00:00.000Z',
        phase: 'upcoming',
        prizes: [{ fromRank: 1, toRank: 1, kind: 'commission_bonus', amount: 1999 }],
        awardedAt: null,
        status: 'scheduled',
        participants: 0,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
      2,
    );
    expect(saved.prizes[0]?.amount).toBe('19.99');
    expect(inputOf(saved, 2).input?.startsAt).toBe('2026-01-01T00:00:00.000Z');
  });
});
