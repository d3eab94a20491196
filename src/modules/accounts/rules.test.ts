import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.js';
import {
  afterFailure,
  LANGUAGES,
  type LoginLimit,
  languageFromHeader,
  lockedUntil,
  weakPassword,
} from './rules.js';

const limit: LoginLimit = { maxFailures: 3, windowMs: 60_000 };
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe('login failures', () => {
  it('counts within a window and locks at the limit for one window from the failure that reached it', () => {
    let s = afterFailure(undefined, at(0), limit);
    expect(s).toEqual({ failures: 1, windowStart: at(0), lockedUntil: null });
    s = afterFailure(s, at(10_000), limit);
    expect(s.lockedUntil).toBeNull();
    s = afterFailure(s, at(20_000), limit);
    expect(s).toEqual({ failures: 3, windowStart: at(0), lockedUntil: at(80_000) });
    expect(lockedUntil(s, at(79_999))).toEqual(at(80_000));
    expect(lockedUntil(s, at(80_000))).toBeNull();
  });

  it('starts a new window once the old one has passed', () => {
    const old = { failures: 2, windowStart: at(0), lockedUntil: null };
    expect(afterFailure(old, at(60_000), limit)).toEqual({
      failures: 1,
      windowStart: at(60_000),
      lockedUntil: null,
    });
  });

  it('nothing recorded is not locked', () => {
    expect(lockedUntil(undefined, at(0))).toBeNull();
  });
});

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

describe('weakPassword', () => {
  it('finds the most common passwords, whatever their case and surrounding spaces', () => {
    for (const password of [
      '123456',
      'password',
      'Password1',
      'QWERTYUIOP',
      ' iloveyou ',
      'woaini1314',
      '5201314',
    ])
      expect(weakPassword(password, 'someone@example.com')).toBe('password_too_common');
  });

  it('finds the email and the part before its @', () => {
    expect(weakPassword('Mei.Lin@Example.com', 'mei.lin@example.com')).toBe('password_is_email');
    expect(weakPassword('mei.lin', ' Mei.Lin@example.com')).toBe('password_is_email');
  });

  it('takes other passwords, also ones that contain a common one', () => {
    expect(weakPassword('correct horse battery', 'mei@example.com')).toBeUndefined();
    expect(weakPassword('password1-but-longer', 'mei@example.com')).toBeUndefined();
    expect(weakPassword('mei-at-home', 'mei@example.com')).toBeUndefined();
  });

  it('keeps the list lower-case, so the case-insensitive look-up finds every entry', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(200);
    for (const entry of COMMON_PASSWORDS) expect(entry).toBe(entry.toLowerCase());
  });
});
