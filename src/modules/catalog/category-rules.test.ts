import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCategoryName, moveCategory, orderProblem } from './category-rules.js';

describe('defaultCategoryName', () => {
  it('capitalises the slug and turns dashes into spaces', () => {
    expect(defaultCategoryName('tea')).toBe('Tea');
    expect(defaultCategoryName('home-and-kitchen')).toBe('Home and kitchen');
    expect(defaultCategoryName('茶-具')).toBe('茶 具');
  });
});

describe('moveCategory', () => {
  const order = ['a', 'b', 'c', 'd'];

  it('moves to the place asked, clamped to the list, the others keeping their order', () => {
    expect(moveCategory(order, 'c', 0)).toEqual(['c', 'a', 'b', 'd']);
    expect(moveCategory(order, 'a', 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveCategory(order, 'b', 99)).toEqual(['a', 'c', 'd', 'b']);
    expect(moveCategory(order, 'x', 0)).toEqual(order);
  });

  it('always answers a permutation with the moved slug where asked', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { minLength: 1 }), fc.nat(), fc.nat(), (slugs, pick, index) => {
        const slug = slugs[pick % slugs.length] as string;
        const moved = moveCategory(slugs, slug, index);
        expect([...moved].sort()).toEqual([...slugs].sort());
        expect(moved.indexOf(slug)).toBe(Math.min(index, slugs.length - 1));
        expect(moved.filter((s) => s !== slug)).toEqual(slugs.filter((s) => s !== slug));
      }),
    );
  });
});

describe('orderProblem', () => {
  const current = ['a', 'b', 'c'];

  it('accepts a permutation and names the first slug given twice, unknown or left out', () => {
    expect(orderProblem(current, ['c', 'a', 'b'])).toBeNull();
    expect(orderProblem(current, ['a', 'a', 'b'])).toEqual({ index: 1, rule: 'unique', slug: 'a' });
    expect(orderProblem(current, ['a', 'x', 'b', 'c'])).toEqual({
      index: 1,
      rule: 'unknownCategory',
      slug: 'x',
    });
    expect(orderProblem(current, ['a', 'c'])).toEqual({ index: 2, rule: 'missingCategories', slug: 'b' });
  });
});
