import type { FieldError } from '../../../lib/api-error';
import { parseDecimal } from '../../../lib/money';
import type { NewCampaign } from '../types';

/** The console's new-campaign form as typed; amounts in the currency's major units. */
export interface CampaignDraft {
  variantId: string;
  floorPrice: string;
  helpersNeeded: string;
  /** From the duration input, already in minutes; null while what is typed is not a duration. */
  durationMinutes: number | null;
  minCut: string;
  maxCut: string;
}

export const NEW_CAMPAIGN: CampaignDraft = {
  variantId: '',
  floorPrice: '',
  helpersNeeded: '3',
  durationMinutes: 24 * 60,
  minCut: '',
  maxCut: '',
};

// The bounds of the API's schema (bargains/schemas.ts), checked here so the form words them first.
const HELPERS = { min: 2, max: 50 };
const DURATION = { min: 5, max: 43_200 };

const problem = (path: string, rule: string, params?: Record<string, number>): FieldError => ({
  path,
  message: rule,
  rule,
  ...(params ? { params } : {}),
});

/**
 * The draft as the API's body, or the field errors it has, worded by rule like the server's. The
 * floor against the variant's price and the cuts against the floor are the server's to check.
 */
export function campaignInput(
  draft: CampaignDraft,
  digits: number,
): { input: NewCampaign; errors: [] } | { input: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!draft.variantId) errors.push(problem('/variantId', 'required'));
  const floorPrice = parseDecimal(draft.floorPrice, digits);
  if (floorPrice === null) errors.push(problem('/floorPrice', draft.floorPrice.trim() ? 'type' : 'required'));
  const helpers = /^\d+$/.test(draft.helpersNeeded.trim()) ? Number(draft.helpersNeeded) : null;
  if (helpers === null)
    errors.push(problem('/helpersNeeded', draft.helpersNeeded.trim() ? 'type' : 'required'));
  else if (helpers < HELPERS.min) errors.push(problem('/helpersNeeded', 'minimum', { limit: HELPERS.min }));
  else if (helpers > HELPERS.max) errors.push(problem('/helpersNeeded', 'maximum', { limit: HELPERS.max }));
  const minutes = draft.durationMinutes;
  if (minutes === null) errors.push(problem('/durationMinutes', 'required'));
  else if (minutes < DURATION.min)
    errors.push(problem('/durationMinutes', 'minimum', { limit: DURATION.min }));
  else if (minutes > DURATION.max)
    errors.push(problem('/durationMinutes', 'maximum', { limit: DURATION.max }));
  const cut = (path: string, text: string) => {
    if (!text.trim()) return undefined;
    const amount = parseDecimal(text, digits);
    if (amount === null) errors.push(problem(path, 'type'));
    else if (amount <= 0) errors.push(problem(path, 'exclusiveMinimum', { limit: 0 }));
    return amount && amount > 0 ? amount : undefined;
  };
  const minCut = cut('/minCut', draft.minCut);
  const maxCut = cut('/maxCut', draft.maxCut);
  if (minCut !== undefined && maxCut !== undefined && minCut > maxCut)
    errors.push(problem('/maxCut', 'atLeastMinCut'));
  if (errors.length > 0 || floorPrice === null || helpers === null || minutes === null)
    return { input: null, errors };
  return {
    input: {
      variantId: draft.variantId,
      floorPrice,
      helpersNeeded: helpers,
      durationMinutes: minutes,
      ...(minCut !== undefined ? { minCut } : {}),
      ...(maxCut !== undefined ? { maxCut } : {}),
    },
    errors: [],
  };
}
