import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-cn';
import { ApiError } from './api-error';
import { problemReasonParams, problemReasons } from './api-types';
import { formatMoney } from './money';
import { fieldErrorText, problemText, type Wording } from './problem-text';

const SENTINEL = 'ENGLISH DETAIL FROM THE SERVER';
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

const wording = (): Wording => ({ i18n, money: (minor) => formatMoney(minor, 'CNY', i18n.language) });

/** Sample params of the declared JSON types; money-named numbers get an amount that shows formatted. */
function sampleParams(reason: (typeof problemReasons)[number]) {
  const params: Record<string, string | number | boolean> = {};
  for (const [name, type] of Object.entries(problemReasonParams[reason])) {
    params[name] = type === 'integer' || type === 'number' ? 1234 : type === 'boolean' ? true : 'sample';
  }
  return params;
}

describe.each(['en', 'zh-CN'])('every refusal reason of the API in %s', (language) => {
  beforeAll(() => i18n.changeLanguage(language));

  it.each([...problemReasons])('%s has its own text, with every param filled in', (reason) => {
    const text = problemText(
      new ApiError(409, SENTINEL, { reason, params: sampleParams(reason) }),
      wording(),
    );
    expect(text).not.toBe(SENTINEL);
    expect(text).not.toMatch(/\{\{|\}\}|reasons\./);
    expect(text).not.toContain(reason);
  });
});

describe('problemText', () => {
  beforeAll(() => i18n.changeLanguage('en'));

  it('formats money params in the reader’s currency and plural forms by the number', () => {
    i18n.addResource('en', 'translation', 'reasons.test_min_spend', 'Spend {{minSpendAmount}} more.');
    const error = new ApiError(422, SENTINEL, { reason: 'test_min_spend', params: { minSpendAmount: 1990 } });
    expect(problemText(error, wording())).toBe('Spend CN¥19.90 more.');
    const limited = new ApiError(429, SENTINEL, { reason: 'rate_limited', params: { retryAfterSeconds: 1 } });
    expect(problemText(limited, wording())).toBe('Too many attempts. Try again in 1 second.');
  });

  it('falls back to the server’s detail for a reason this app has no text for', () => {
    const error = new ApiError(409, 'Newer server says no', { reason: 'from_a_newer_server' });
    expect(problemText(error, wording())).toBe('Newer server says no');
    expect(problemText(new Error('boom'), wording())).toBe(en.common.error);
  });

  it('words a field error by field and rule, never with the validator’s text', async () => {
    const tooShort = {
      path: '/name',
      message: 'must NOT have fewer than 1 characters',
      rule: 'minLength',
      params: { limit: 1 },
    };
    expect(fieldErrorText(tooShort, wording())).toBe('Enter a name of at least 1 character.');
    const phone = { path: '/address/phone', message: 'must match pattern', rule: 'pattern' };
    expect(fieldErrorText(phone, wording())).toBe('Enter a phone number: digits, spaces and + ( ) - only.');
    const city = { path: '/address/city', message: 'must match pattern', rule: 'pattern' };
    expect(fieldErrorText(city, wording())).toBe('Enter a city in a valid form.');
    await i18n.changeLanguage('zh-CN');
    expect(fieldErrorText(city, wording())).toBe('请填写有效的城市。');
  });
});
