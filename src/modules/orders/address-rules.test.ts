import { describe, expect, it } from 'vitest';
import { addressInputErrors } from './address-rules.js';

describe('addressInputErrors', () => {
  it('accepts a typed-out address and a saved address id alone', () => {
    expect(
      addressInputErrors({ name: 'A', phone: '13800138000', line1: 'Road 1', city: 'Hangzhou' }),
    ).toEqual([]);
    expect(addressInputErrors({ addressId: 'x' })).toEqual([]);
  });

  it('names each missing field of a typed address, and each field sent beside addressId', () => {
    expect(addressInputErrors({ name: 'A' }).map((e) => [e.path, e.rule])).toEqual([
      ['/address/phone', 'required'],
      ['/address/line1', 'required'],
      ['/address/city', 'required'],
    ]);
    expect(addressInputErrors({ addressId: 'x', city: 'Hangzhou' }).map((e) => [e.path, e.rule])).toEqual([
      ['/address/city', 'additionalProperties'],
    ]);
  });
});
