import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../i18n/en';
import { zhCN } from '../../../i18n/zh-cn';
import { formatMoney } from '../../../lib/money';
import { fieldErrorText } from '../../../lib/problem-text';

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  }),
);
const say = (path: string, rule: string, params?: Record<string, number>) =>
  fieldErrorText(
    { path, rule, message: 'SERVER', ...(params ? { params } : {}) },
    { i18n, money: (minor) => formatMoney(minor, 'CNY', i18n.language) },
  );

// The server's own rules (bargains/rules.ts campaignProblems, orders' one-deal check), each with its own words.
const RULES: [string, string, Record<string, number>?][] = [
  ['/floorPrice', 'belowRegularPrice', { price: 8900 }],
  ['/helpersNeeded', 'maximum', { limit: 30 }],
  ['/minCut', 'maximum', { limit: 1500 }],
  ['/maxCut', 'minimum', { limit: 1500 }],
  ['/maxCut', 'atLeastMinCut'],
  ['/couponId', 'bargainAlone'],
];

describe.each(['en', 'zh-CN'])('bargain field errors in %s', (language) => {
  beforeAll(() => i18n.changeLanguage(language));

  it.each(RULES)('%s %s is worded for the person, every param filled in', (path, rule, params) => {
    const text = say(path, rule, params);
    expect(text).not.toMatch(/\{\{|\}\}|SERVER/);
    expect(text).not.toBe(say(path, 'invalid'));
  });

  it('formats the regular price a floor must stay below as money', () => {
    expect(say('/floorPrice', 'belowRegularPrice', { price: 8900 })).toContain('89.00');
  });
});
