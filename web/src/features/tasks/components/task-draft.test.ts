import { describe, expect, it } from 'vitest';
import { draftOf, toTaskInput } from './task-draft';

describe('toTaskInput', () => {
  it('sends a filled form as the API body, a blank coupon as none', () => {
    const draft = { ...draftOf(), title: ' Share 3 products ', kind: 'share_products' as const, target: '3' };
    expect(toTaskInput({ ...draft, period: 'weekly' })).toEqual({
      input: {
        title: 'Share 3 products',
        kind: 'share_products',
        period: 'weekly',
        target: 3,
        rewardPoints: 10,
        couponTemplateId: null,
        position: 0,
        active: true,
      },
      errors: [],
    });
  });

  it('names the fields to fix', () => {
    const { input, errors } = toTaskInput({ ...draftOf(), title: ' ', target: '0', rewardPoints: '1.5' });
    expect(input).toBeNull();
    expect(errors).toEqual([
      { path: '/title', problem: 'required' },
      { path: '/target', problem: 'whole' },
      { path: '/rewardPoints', problem: 'whole' },
    ]);
  });
});
