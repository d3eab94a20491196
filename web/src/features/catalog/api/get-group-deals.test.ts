import { describe, expect, it } from 'vitest';
import { type GroupDeal, lowestGroupPrices } from './get-group-deals';

const deal = (productId: string, price: number, running = true) =>
  ({ productId, price, running }) as GroupDeal;

describe('lowestGroupPrices', () => {
  it('keeps the lowest running price of each product and ignores campaigns not running', () => {
    const prices = lowestGroupPrices([
      deal('a', 3900),
      deal('a', 3500),
      deal('b', 7900),
      deal('c', 100, false),
    ]);
    expect(Object.fromEntries(prices)).toEqual({ a: 3500, b: 7900 });
  });
});
