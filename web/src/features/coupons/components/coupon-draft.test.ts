import { describe, expect, it } from 'vitest';
import { type CouponDraft, draftOf, toInput } from './coupon-draft';

type Template = NonNullable<Parameters<typeof draftOf>[0]>;
const paths = (result: { errors: { path: string }[] }) => result.errors.map((e) => e.path).sort();
const blank = (): CouponDraft => ({ ...draftOf(undefined, 2), title: 'Spring' });

describe('the coupon form draft', () => {
  it('starts as an amount-off coupon with no minimum spend, one per person, claimable', () => {
    expect(toInput(blank(), 2).errors.map((e) => e.path)).toEqual(['/amountOff']);
    expect(toInput({ ...blank(), amountOff: '5' }, 2)).toEqual({
      input: {
        title: 'Spring',
        description: '',
        kind: 'amount_off',
        amountOff: 500,
        percentOffBps: null,
        maxDiscount: null,
        minSpend: 0,
        productIds: null,
        startsAt: null,
        endsAt: null,
        validDays: null,
        perUserLimit: 1,
        totalQuantity: null,
        shareToUnlock: null,
        claimable: true,
      },
      errors: [],
    });
  });

  it('turns a typed percent-off coupon into the API body', () => {
    const draft: CouponDraft = {
      ...blank(),
      title: ' 10 % off tea ',
      kind: 'percent_off',
      amountOff: 'ignored',
      percentOff: '10.5',
      maxDiscount: '20',
      minSpend: '99.90',
      productIds: ' p1 \n\np2\np1',
      startsAt: '2026-03-01T09:00',
      endsAt: '2026-03-31T18:30',
      validDays: '7',
      perUserLimit: '2',
      totalQuantity: '1000',
      shareToUnlock: '3',
      claimable: false,
    };
    const { input, errors } = toInput(draft, 2);
    expect(errors).toEqual([]);
    expect(input).toMatchObject({
      title: '10 % off tea',
      kind: 'percent_off',
      amountOff: null,
      percentOffBps: 1050,
      maxDiscount: 2000,
      minSpend: 9990,
      productIds: ['p1', 'p2'],
      validDays: 7,
      perUserLimit: 2,
      totalQuantity: 1000,
      shareToUnlock: 3,
      claimable: false,
    });
    // datetime-local holds the browser's local time; the body carries the same instant in ISO.
    expect(input?.startsAt).toBe(new Date('2026-03-01T09:00').toISOString());
    expect(input?.endsAt).toBe(new Date('2026-03-31T18:30').toISOString());
  });

  it('round-trips a saved template through its draft', () => {
    const template = {
      id: 'c1',
      title: 'Welcome',
      description: 'For new buyers',
      kind: 'amount_off',
      amountOff: 1000,
      percentOffBps: null,
      maxDiscount: null,
      minSpend: 5000,
      productIds: ['p1'],
      startsAt: '2026-03-01T01:00:00.000Z',
      endsAt: null,
      validDays: 30,
      perUserLimit: 1,
      totalQuantity: null,
      issued: 0,
      remaining: null,
      shareToUnlock: null,
      claimable: true,
      status: 'active',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    } as unknown as Template;
    const { input } = toInput(draftOf(template, 2), 2);
    const { id, issued, remaining, status, createdAt, updatedAt, ...editable } = template;
    expect(input).toEqual(editable);
  });

  it('names every field it cannot read by the API’s path', () => {
    const draft: CouponDraft = {
      ...blank(),
      title: ' ',
      kind: 'percent_off',
      percentOff: '101',
      maxDiscount: '1.234',
      minSpend: 'free',
      validDays: '0',
      perUserLimit: '',
      totalQuantity: '1.5',
      shareToUnlock: 'x',
    };
    expect(paths(toInput(draft, 2))).toEqual(
      [
        '/title',
        '/percentOffBps',
        '/maxDiscount',
        '/minSpend',
        '/validDays',
        '/perUserLimit',
        '/totalQuantity',
        '/shareToUnlock',
      ].sort(),
    );
    expect(toInput(draft, 2).input).toBeUndefined();
    const yen = { ...draftOf(undefined, 0), title: 'Yen' };
    expect(paths(toInput({ ...yen, amountOff: '0.5' }, 0))).toEqual(['/amountOff']);
    // The API's money is at least one minor unit: a zero discount is refused here, not by the server.
    expect(paths(toInput({ ...blank(), amountOff: '0' }, 2))).toEqual(['/amountOff']);
    expect(
      paths(toInput({ ...blank(), kind: 'percent_off', percentOff: '5', maxDiscount: '0.00' }, 2)),
    ).toEqual(['/maxDiscount']);
  });
});
