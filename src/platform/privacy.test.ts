import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialOf, maskedPerson, maskName } from './privacy.js';

describe('maskName', () => {
  it.each([
    ['Chen Jie', 'Chen J.'],
    ['  Chen   Jie  ', 'Chen J.'],
    ['Ada Lovelace', 'Ada L.'],
    ['Juan Carlos de la Cruz', 'Juan C.'],
    ['ada lovelace', 'ada L.'],
    ['Madonna', 'M.'],
    ['ada', 'A.'],
    ['Émile Zola', 'Émile Z.'],
    ['Zoë Ørsted', 'Zoë Ø.'],
    ['陈杰', '陈*'],
    ['欧阳娜娜', '欧*'],
    ['陈', '陈*'],
    ['山田 太郎', '山*'],
    ['김민준', '김*'],
    ['陈 Jie', '陈*'],
    ['X', 'X.'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never hands back a name that is already written as its mask', () => {
    expect(maskName('Chen J.')).toBe('C*');
    expect(maskName('M.')).toBe('M*');
    expect(maskName('m.')).toBe('M.');
  });

  it('is never empty, even for a name of spaces', () => {
    expect(maskName('')).toBe('?');
    expect(maskName('   ')).toBe('?');
  });

  it('treats an emoji or an accented letter written in two code points as one character', () => {
    expect(maskName('👩‍👩‍👧 Smith')).toBe('👩‍👩‍👧 S.');
    expect(maskName('e\u0301mile')).toBe('E\u0301.');
  });

  const anyName = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc
      .array(fc.constantFrom('陈', '杰', '欧', '阳', '娜', '山', '田', 'あ', '김', '민'), { maxLength: 6 })
      .map((a) => a.join('')),
    fc.array(fc.stringMatching(/^[A-Za-z.'-]{1,8}$/), { minLength: 1, maxLength: 4 }).map((a) => a.join(' ')),
  );

  it('never returns the full name of a multi-character name, and never an empty string', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const masked = maskName(name);
        expect(masked.length).toBeGreaterThan(0);
        const full = name.trim().split(/\s+/u).filter(Boolean).join(' ');
        if ([...full].length > 1) {
          expect(masked).not.toBe(full);
          expect(masked).not.toBe(name);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps less of a name than the name itself: never more than its first word and one letter', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const words = name.trim().split(/\s+/u).filter(Boolean);
        if (words.length === 0) return;
        expect([...maskName(name)].length).toBeLessThanOrEqual([...(words[0] as string)].length + 3);
      }),
    );
  });
});

describe('initialOf and maskedPerson', () => {
  it('draws the first letter, upper-cased, or ? for nothing', () => {
    expect(initialOf(' ada')).toBe('A');
    expect(initialOf('陈杰')).toBe('陈');
    expect(initialOf('')).toBe('?');
    expect(maskedPerson('Chen Jie')).toEqual({ name: 'Chen J.', initial: 'C' });
  });
});
