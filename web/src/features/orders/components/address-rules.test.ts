import { describe, expect, it } from 'vitest';
import { EMPTY_ADDRESS } from './address-form';
import { addressErrors } from './address-rules';

const valid = {
  ...EMPTY_ADDRESS,
  name: 'Chen Jie',
  phone: '+86 138 0000 0000',
  line1: '1 Road',
  city: 'Shanghai',
};

describe('address checks before checkout', () => {
  it('passes an address the server takes', () => {
    expect(addressErrors(valid)).toEqual([]);
  });

  it('names each missing, short, long or malformed field by rule, as the server does', () => {
    const errors = addressErrors({ ...valid, name: '  ', phone: '12', city: 'x'.repeat(81), line1: '' });
    expect(errors.map((e) => [e.path, e.rule])).toEqual([
      ['/address/name', 'required'],
      ['/address/phone', 'minLength'],
      ['/address/line1', 'required'],
      ['/address/city', 'maxLength'],
    ]);
    expect(addressErrors({ ...valid, phone: 'call me' })).toEqual([
      expect.objectContaining({ path: '/address/phone', rule: 'pattern' }),
    ]);
  });
});
