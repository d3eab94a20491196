import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageFromHeader } from './rules.js';

describe('languageFromHeader', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,zh-CN;q=0.8,en;q=0.7', 'zh-CN'],
    ['fr-FR,en;q=0.5,zh;q=0.6', 'zh-CN'],
    ['de, ja', 'en'],
    ['zh;q=0, en', 'en'],
    ['zhx, en-US', 'en'],
    ['*', 'en'],
  ] as const)('%s → %s', (header, expected) => {
    expect(languageFromHeader(header)).toBe(expected);
  });

  it('always answers a supported language, whatever the header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        expect(LANGUAGES).toContain(languageFromHeader(header));
      }),
    );
  });
});
