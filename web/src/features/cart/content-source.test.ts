import { beforeEach, describe, expect, it } from 'vitest';
import { type CartLine, cart } from './cart-store';
import { contentSourceFromParams, contentSourceOfLines, orderSourceFields } from './content-source';

const line = (variantId: string, extra: Partial<CartLine> = {}): CartLine => ({
  variantId,
  productId: `p-${variantId}`,
  title: 'Tea',
  variantTitle: '50 g',
  price: 1000,
  image: null,
  quantity: 1,
  maxQuantity: 10,
  ...extra,
});

describe('content source of a product page', () => {
  it('reads ?post= or ?live=, and ignores malformed ids', () => {
    expect(contentSourceFromParams(new URLSearchParams('post=abc_1'))).toEqual({ type: 'post', id: 'abc_1' });
    expect(contentSourceFromParams(new URLSearchParams('live=r-9&ref=x'))).toEqual({
      type: 'live',
      id: 'r-9',
    });
    expect(contentSourceFromParams(new URLSearchParams('ref=x'))).toBeUndefined();
    expect(contentSourceFromParams(new URLSearchParams('post=a%2Fb'))).toBeUndefined();
    expect(contentSourceFromParams(new URLSearchParams(`post=${'x'.repeat(65)}`))).toBeUndefined();
  });

  it('becomes postId or liveRoomId in the order body', () => {
    expect(orderSourceFields({ type: 'post', id: 'p1' })).toEqual({ postId: 'p1' });
    expect(orderSourceFields({ type: 'live', id: 'r1' })).toEqual({ liveRoomId: 'r1' });
    expect(orderSourceFields(undefined)).toEqual({});
  });

  it('of a cart: the line added last with a source wins', () => {
    expect(contentSourceOfLines([line('a'), line('b')])).toBeUndefined();
    const lines = [
      line('a', { source: { type: 'post', id: 'p1' }, sourceAt: 2 }),
      line('b', { source: { type: 'live', id: 'r1' }, sourceAt: 5 }),
      line('c'),
    ];
    expect(contentSourceOfLines(lines)).toEqual({ type: 'live', id: 'r1' });
  });
});

describe('cart lines keep their source', () => {
  beforeEach(() => cart.clear());

  it('when the product is added again without one', () => {
    cart.add(line('a', { source: { type: 'post', id: 'p1' }, sourceAt: 1 }));
    cart.add(line('a'));
    const stored = JSON.parse(localStorage.getItem('fission.cart') ?? '[]') as CartLine[];
    expect(stored).toEqual([expect.objectContaining({ quantity: 2, source: { type: 'post', id: 'p1' } })]);
  });

  it('and take the newer one when added again through other content', () => {
    cart.add(line('a', { source: { type: 'post', id: 'p1' }, sourceAt: 1 }));
    cart.add(line('a', { source: { type: 'live', id: 'r1' }, sourceAt: 2 }));
    const stored = JSON.parse(localStorage.getItem('fission.cart') ?? '[]') as CartLine[];
    expect(stored[0]?.source).toEqual({ type: 'live', id: 'r1' });
  });
});
