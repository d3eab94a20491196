import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_ADDRESS, toAddress } from './address-form';
import { savedAddress } from './saved-address';

describe('the address form draft', () => {
  afterEach(() => localStorage.clear());

  it('sends the typed address trimmed, leaving out empty optional parts', () => {
    const draft = {
      ...EMPTY_ADDRESS,
      name: ' 陈杰 ',
      phone: ' 13800138000',
      line1: '1 Nanjing Rd ',
      city: 'Shanghai',
    };
    expect(toAddress(draft)).toEqual({
      name: '陈杰',
      phone: '13800138000',
      line1: '1 Nanjing Rd',
      city: 'Shanghai',
    });
    expect(toAddress({ ...draft, line2: ' Flat 2 ', postalCode: ' 200001 ' })).toMatchObject({
      line2: 'Flat 2',
      postalCode: '200001',
    });
    expect(toAddress({ ...draft, line2: '   ', postalCode: '' })).not.toHaveProperty('line2');
  });

  it('remembers the last address on this browser, and survives a corrupt copy', () => {
    expect(savedAddress.load()).toEqual(EMPTY_ADDRESS);
    const address = { ...EMPTY_ADDRESS, name: 'Li', city: 'Hangzhou' };
    savedAddress.save(address);
    expect(savedAddress.load()).toEqual(address);
    localStorage.setItem('fission.address', '{not json');
    expect(savedAddress.load()).toEqual(EMPTY_ADDRESS);
  });
});
