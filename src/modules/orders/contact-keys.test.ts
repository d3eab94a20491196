import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKey, normalizeText, phoneKey } from './contact-keys.js';

describe('addressKey', () => {
  const home = { name: 'Li Wei', phone: '1', line1: 'Room 5, No. 88 Jianguo Road', city: 'Beijing' };

  it('ignores case, spacing, punctuation, full-width forms and the recipient’s name', () => {
    expect(
      addressKey({
        name: 'Zhang San',
        phone: '2',
        line1: 'ROOM 5  NO 88 JIANGUO ROAD.',
        city: 'ＢＥＩＪＩＮＧ',
      }),
    ).toBe(addressKey(home));
    expect(addressKey({ ...home, line1: '北京市朝阳区 建国路88号，5室' })).toBe(
      addressKey({ ...home, line1: '北京市朝阳区建国路８８号5室' }),
    );
  });

  it('tells different doors apart, and fields apart', () => {
    expect(addressKey({ ...home, line1: 'Room 6, No. 88 Jianguo Road' })).not.toBe(addressKey(home));
    expect(addressKey({ ...home, line1: 'ab', city: 'c' })).not.toBe(
      addressKey({ ...home, line1: 'a', city: 'bc' }),
    );
  });

  it('is null for no address, or one that names no place', () => {
    expect(addressKey(null)).toBeNull();
    expect(addressKey({ name: 'Li Wei', phone: '1', line1: ' - ', city: '。' })).toBeNull();
  });

  it('is stable under the variations it ignores (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.constantFrom(' ', ', ', '.', '  '), (text, sep) => {
        const a = addressKey({ line1: `${text}${sep}x`, city: 'c' });
        const b = addressKey({ line1: `${text.toUpperCase()}x`, city: 'C' });
        // Upper-casing may change some scripts' letters; the ASCII-only case must always match.
        if (/^[\x20-\x7e]*$/.test(text)) expect(a).toBe(b);
        expect(normalizeText(normalizeText(text))).toBe(normalizeText(text));
      }),
    );
  });
});

describe('phoneKey', () => {
  it('keeps digits only, without the country code', () => {
    for (const written of [
      '+86 138-0013-8000',
      '0086 13800138000',
      '138 0013 8000',
      '8613800138000',
      '(138) 0013 8000',
    ]) {
      expect(phoneKey(written)).toBe('13800138000');
    }
    expect(phoneKey('+1 (415) 555-0100')).toBe('4155550100');
    expect(phoneKey('+852 9123 4567')).toBe('91234567');
  });

  it('is null when there is no number to compare', () => {
    expect(phoneKey(undefined)).toBeNull();
    expect(phoneKey('+86')).toBeNull();
  });
});
