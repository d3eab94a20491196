import { beforeEach, describe, expect, it } from 'vitest';
import { INTENT_TTL_MS, type PurchaseIntent, purchaseIntent } from './purchase-intent';

const intent: PurchaseIntent = {
  line: {
    variantId: 'v1',
    productId: 'p1',
    title: 'Jasmine Green Tea',
    variantTitle: '50 g tin',
    price: 2990,
    image: null,
    quantity: 2,
    maxQuantity: 20,
  },
  groupBuy: { campaignId: 'c1', groupId: 'g1' },
  shareCode: 'Ab3dE5gH9',
  source: { type: 'post', id: 'post-42' },
  storeSlug: 'mei',
};

const idOf = (href: string) => new URL(href, 'http://shop.test').searchParams.get('buy') ?? '';

describe('purchase intent', () => {
  beforeEach(() => sessionStorage.clear());

  it('is found again from the checkout address it hands out', () => {
    const href = purchaseIntent.save(intent, 1000);
    expect(href).toMatch(/^\/checkout\?buy=[0-9a-f]{16}$/);
    expect(purchaseIntent.load(idOf(href), 2000)).toEqual(intent);
  });

  it('expires after an hour and is gone once forgotten', () => {
    const href = purchaseIntent.save(intent, 0);
    expect(purchaseIntent.load(idOf(href), INTENT_TTL_MS)).toEqual(intent);
    expect(purchaseIntent.load(idOf(href), INTENT_TTL_MS + 1)).toBeUndefined();
    const again = purchaseIntent.save(intent, 0);
    purchaseIntent.forget(idOf(again));
    expect(purchaseIntent.load(idOf(again), 1)).toBeUndefined();
  });

  it('keeps two Buy nows of one tab apart, and sweeps expired ones when saving', () => {
    const first = purchaseIntent.save(intent, 0);
    const second = purchaseIntent.save({ line: { ...intent.line, variantId: 'v2' } }, 10);
    expect(first).not.toBe(second);
    expect(purchaseIntent.load(idOf(second), 20)?.line.variantId).toBe('v2');
    purchaseIntent.save(intent, INTENT_TTL_MS + 5);
    expect(sessionStorage.getItem(`fission.buy.${idOf(first)}`)).toBeNull();
    expect(sessionStorage.getItem(`fission.buy.${idOf(second)}`)).not.toBeNull();
  });

  it('ignores what is not an intent', () => {
    sessionStorage.setItem('fission.buy.broken', '{not json');
    sessionStorage.setItem('fission.buy.empty', '{}');
    expect(purchaseIntent.load('broken')).toBeUndefined();
    expect(purchaseIntent.load('empty')).toBeUndefined();
    expect(purchaseIntent.load('missing')).toBeUndefined();
  });
});
