import type { FieldError } from '../../../lib/api-error';
import { formatDecimal, parseDecimal } from '../../../lib/money';
import { bpsToPercent, percentToBps } from '../../../lib/percent';
import type { Attribution, ContentCredit, DistributionSettings, SettingsPatch } from '../types';

/** The server's hard cap on levels (the settings schema's maximum). */
export const HARD_MAX_LEVELS = 3;

/** What the form holds: text as typed, converted on save (percent → basis points, money → minor units). */
export interface SettingsDraft {
  maxLevels: number;
  ratesPercent: string[];
  attribution: Attribution;
  contentCredit: ContentCredit;
  bindingDays: string;
  newUsersOnly: boolean;
  capPercent: string;
  minWithdrawal: string;
  leaderPercent: string;
}

export type DraftProblem = 'invalidPercent' | 'invalidDays' | 'invalidAmount';

export function draftOf(settings: DistributionSettings, digits: number): SettingsDraft {
  return {
    maxLevels: settings.maxLevels,
    ratesPercent: Array.from({ length: HARD_MAX_LEVELS }, (_, i) => bpsToPercent(settings.ratesBps[i] ?? 0)),
    attribution: settings.attribution,
    contentCredit: settings.contentCredit,
    bindingDays: settings.bindingDays === null ? '' : String(settings.bindingDays),
    newUsersOnly: settings.newUsersOnly,
    capPercent: bpsToPercent(settings.capBps),
    minWithdrawal: formatDecimal(settings.minWithdrawal, digits),
    leaderPercent: bpsToPercent(settings.leaderRateBps),
  };
}

/** The API body, or the problems keyed by the API's own field paths so both kinds show alike. */
export function toSettings(
  draft: SettingsDraft,
  digits: number,
): { settings: SettingsPatch; errors: [] } | { settings: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const problem = (path: string, message: DraftProblem) => errors.push({ path, message });
  const ratesBps = draft.ratesPercent.slice(0, draft.maxLevels).map((text, i) => {
    const bps = percentToBps(text);
    if (bps === null) problem(`/ratesBps/${i}`, 'invalidPercent');
    return bps ?? 0;
  });
  const capBps = percentToBps(draft.capPercent);
  if (capBps === null) problem('/capBps', 'invalidPercent');
  const leaderRateBps = percentToBps(draft.leaderPercent);
  if (leaderRateBps === null) problem('/leaderRateBps', 'invalidPercent');
  const daysText = draft.bindingDays.trim();
  const bindingDays = daysText === '' ? null : /^\d+$/.test(daysText) ? Number(daysText) : Number.NaN;
  if (bindingDays !== null && !(bindingDays >= 1)) problem('/bindingDays', 'invalidDays');
  const minWithdrawal = parseDecimal(draft.minWithdrawal, digits);
  if (minWithdrawal === null || minWithdrawal < 1) problem('/minWithdrawal', 'invalidAmount');
  if (errors.length > 0) return { settings: null, errors };
  return {
    settings: {
      maxLevels: draft.maxLevels,
      ratesBps,
      attribution: draft.attribution,
      contentCredit: draft.contentCredit,
      bindingDays,
      newUsersOnly: draft.newUsersOnly,
      capBps: capBps ?? 0,
      minWithdrawal: minWithdrawal ?? 0,
      leaderRateBps: leaderRateBps ?? 0,
    },
    errors: [],
  };
}
