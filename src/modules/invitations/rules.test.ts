import { describe, expect, it } from 'vitest';
import { rewardDue } from './rules.js';

describe('rewardDue', () => {
  const points = { kind: 'points' as const, points: 100 };

  it('rewards the inviter of a first paid order', () => {
    expect(rewardDue(points, { inviterId: 'inviter', paidBefore: false })).toEqual({
      inviterId: 'inviter',
      reward: points,
    });
  });

  it('gives nothing without an inviter, after a first order, or when the operator set none', () => {
    expect(rewardDue(points, { inviterId: null, paidBefore: false })).toBeNull();
    expect(rewardDue(points, { inviterId: 'inviter', paidBefore: true })).toBeNull();
    expect(rewardDue({ kind: 'none' }, { inviterId: 'inviter', paidBefore: false })).toBeNull();
  });
});
