import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderAddressOf, startsAsDefault, successorDefault } from './rules.js';

const at = (ms: number) => new Date(ms);

describe('successorDefault', () => {
  it('picks the address touched last, the newer id on a tie, none when a default remains or none is left', () => {
    expect(successorDefault([])).toBeNull();
    expect(
      successorDefault([
        { id: 'a', isDefault: false, updatedAt: at(1) },
        { id: 'b', isDefault: false, updatedAt: at(3) },
        { id: 'c', isDefault: false, updatedAt: at(2) },
      ]),
    ).toBe('b');
    expect(
      successorDefault([
        { id: 'a', isDefault: false, updatedAt: at(5) },
        { id: 'b', isDefault: false, updatedAt: at(5) },
      ]),
    ).toBe('b');
    expect(successorDefault([{ id: 'a', isDefault: true, updatedAt: at(1) }])).toBeNull();
  });

  it('always names one of the remaining addresses, whatever their order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.string(), updatedAt: fc.integer({ min: 0, max: 100 }) }), {
          selector: (e) => e.id,
          minLength: 1,
        }),
        (entries) => {
          const book = entries.map((e) => ({ id: e.id, isDefault: false, updatedAt: at(e.updatedAt) }));
          const chosen = successorDefault(book);
          expect(book.map((e) => e.id)).toContain(chosen);
          expect(successorDefault([...book].reverse())).toBe(chosen);
        },
      ),
    );
  });
});

describe('startsAsDefault', () => {
  it('makes the first address the default whatever was asked, a later one only when asked', () => {
    expect(startsAsDefault(0, false)).toBe(true);
    expect(startsAsDefault(0, undefined)).toBe(true);
    expect(startsAsDefault(3, undefined)).toBe(false);
    expect(startsAsDefault(3, true)).toBe(true);
  });
});

describe('orderAddressOf', () => {
  it('copies every field with a value and the id it came from, leaving empty parts out', () => {
    expect(
      orderAddressOf('addr-1', {
        name: '王芳',
        phone: '13900139000',
        province: '上海市',
        city: '上海市',
        district: '徐汇区',
        line1: '漕溪北路 88 号',
        line2: null,
        postalCode: null,
        country: 'CN',
      }),
    ).toEqual({
      addressId: 'addr-1',
      name: '王芳',
      phone: '13900139000',
      province: '上海市',
      city: '上海市',
      district: '徐汇区',
      line1: '漕溪北路 88 号',
      country: 'CN',
    });
  });
});
