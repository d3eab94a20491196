import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../../i18n/en';
import { zhCN } from '../../../i18n/zh-cn';
import { fieldErrorText } from '../../../lib/problem-text';
import { levelBenefits } from './level-draft';

describe('the level form’s benefits', () => {
  it('sends a percent as basis points and a multiplier as basis points of ×1', () => {
    expect(levelBenefits('12.5', '1.5')).toEqual({
      discountBps: 1250,
      commissionMultiplierBps: 15_000,
      errors: [],
    });
    expect(levelBenefits('90', '1')).toEqual({
      discountBps: 9000,
      commissionMultiplierBps: 10_000,
      errors: [],
    });
  });

  it('refuses a discount above 90 % before sending, as the server’s maximum', () => {
    const result = levelBenefits('90.01', '1');
    expect(result.discountBps).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ path: '/discountBps', rule: 'maximum', params: { limit: 9000 } }),
    ]);
    expect(levelBenefits('100', '1').errors.map((e) => e.path)).toEqual(['/discountBps']);
  });

  it('words the cap in English and Chinese', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      lng: 'en',
      fallbackLng: false,
      interpolation: { escapeValue: false },
    });
    const [error] = levelBenefits('95', '1').errors;
    if (!error) throw new Error('no error');
    const wording = { i18n, money: String };
    expect(fieldErrorText(error, wording)).toBe('A level’s discount can be at most 90 %.');
    await i18n.changeLanguage('zh-CN');
    expect(fieldErrorText(error, wording)).toBe('等级折扣最多为 90%。');
  });

  it('names each field that is not a number', () => {
    expect(levelBenefits('ten', 'x').errors.map((e) => [e.path, e.rule])).toEqual([
      ['/discountBps', 'invalid'],
      ['/commissionMultiplierBps', 'invalid'],
    ]);
  });
});
