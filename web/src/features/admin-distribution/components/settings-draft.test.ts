import { describe, expect, it } from 'vitest';
import { draftOf, type SettingsDraft, toSettings } from './settings-draft';

type Settings = Parameters<typeof draftOf>[0];
const paths = (result: { errors: { path: string }[] }) => result.errors.map((e) => e.path).sort();

const settings = {
  maxLevels: 2,
  ratesBps: [1000, 250],
  attribution: 'last_click',
  contentCredit: 'split',
  bindingDays: 30,
  newUsersOnly: false,
  capBps: 3000,
  minWithdrawal: 1000,
  leaderRateBps: 500,
} as Settings;

describe('the distribution settings draft', () => {
  it('round-trips saved settings through the form', () => {
    expect(toSettings(draftOf(settings, 2), 2)).toEqual({ settings, errors: [] });
  });

  it('sends only the levels in use, percents as basis points and money in minor units', () => {
    const draft: SettingsDraft = {
      ...draftOf(settings, 2),
      maxLevels: 1,
      ratesPercent: ['12.5', '3', '1'],
      bindingDays: ' ',
      capPercent: '40',
      minWithdrawal: '0.50',
      leaderPercent: '2.5',
    };
    expect(toSettings(draft, 2).settings).toEqual({
      ...settings,
      maxLevels: 1,
      ratesBps: [1250],
      bindingDays: null,
      capBps: 4000,
      minWithdrawal: 50,
      leaderRateBps: 250,
    });
  });

  it('names every field it cannot read by the API’s path', () => {
    const draft: SettingsDraft = {
      ...draftOf(settings, 2),
      maxLevels: 3,
      ratesPercent: ['101', 'x', '1.234'],
      bindingDays: '0',
      capPercent: '-1',
      minWithdrawal: '0.00',
      leaderPercent: 'x',
    };
    const result = toSettings(draft, 2);
    expect(result.settings).toBeNull();
    expect(paths(result)).toEqual(
      [
        '/ratesBps/0',
        '/ratesBps/1',
        '/ratesBps/2',
        '/bindingDays',
        '/capBps',
        '/minWithdrawal',
        '/leaderRateBps',
      ].sort(),
    );
    expect(paths(toSettings({ ...draftOf(settings, 2), bindingDays: '1.5' }, 2))).toEqual(['/bindingDays']);
  });
});
