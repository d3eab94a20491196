import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSlug, RESERVED_SLUGS, SLUG_MAX_LENGTH, SLUG_MIN_LENGTH, slugProblem } from './rules.js';

describe('slugProblem', () => {
  it('accepts lowercase letters and digits with single dashes between them', () => {
    for (const slug of ['ada', 'tea-house', 'a1b2c3', '123', 'x-y-z', 'a'.repeat(SLUG_MAX_LENGTH)]) {
      expect(slugProblem(slug)).toBeNull();
    }
  });

  it('refuses slugs shorter than 3 or longer than 40 characters', () => {
    expect(slugProblem('ab')).toMatchObject({ rule: 'minLength', params: { limit: 3 } });
    expect(slugProblem('')?.rule).toBe('minLength');
    expect(slugProblem('a'.repeat(SLUG_MAX_LENGTH + 1))).toMatchObject({
      rule: 'maxLength',
      params: { limit: 40 },
    });
  });

  it('refuses capitals, spaces, symbols, non-ASCII letters and misplaced dashes', () => {
    for (const slug of [
      'Tea-house',
      'tea house',
      'tea_house',
      'tea.house',
      '茶馆馆',
      'café',
      '-tea',
      'tea-',
      'te--a',
    ]) {
      expect(slugProblem(slug)?.rule).toBe('pattern');
    }
  });

  it('refuses reserved words', () => {
    for (const slug of ['admin', 'api', 'stores', 'by-id', 'shopkeepers'])
      expect(slugProblem(slug)?.rule).toBe('reserved');
  });

  it('every accepted slug is URL-safe, lowercase, bounded and not reserved', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        const slug = normalizeSlug(text);
        if (slugProblem(slug) !== null) return;
        expect(encodeURIComponent(slug)).toBe(slug);
        expect(slug).toBe(slug.toLowerCase());
        expect(slug.length).toBeGreaterThanOrEqual(SLUG_MIN_LENGTH);
        expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
        expect(slug).not.toMatch(/^-|-$|--/);
        expect(RESERVED_SLUGS.has(slug)).toBe(false);
      }),
    );
  });

  it('accepts every slug built from valid parts', () => {
    const part = fc.stringMatching(/^[a-z0-9]{1,6}$/);
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const slug = parts.join('-');
        fc.pre(slug.length >= SLUG_MIN_LENGTH && slug.length <= SLUG_MAX_LENGTH && !RESERVED_SLUGS.has(slug));
        expect(slugProblem(slug)).toBeNull();
      }),
    );
  });
});

describe('normalizeSlug', () => {
  it('trims and lowercases what people type', () => {
    expect(normalizeSlug('  Tea-House ')).toBe('tea-house');
  });
});
