import type { FieldError } from '../../../lib/api-error';
import { parseDecimal } from '../../../lib/money';

/** The server's limits (src/modules/groupbuy/schemas.ts and rules.ts), checked before sending. */
const LIMITS = { groupSize: [2, 100], durationMinutes: [1, 30 * 24 * 60], perUserLimit: [1, 999] } as const;

/** The first field a campaign would be refused for, as the server would word it; null when none. */
export function campaignFieldError(c: {
  groupSize: number;
  price: number;
  leaderPrice: number | null;
  durationMinutes: number;
  perUserLimit: number | null;
  regularPrice: number | null;
}): FieldError | null {
  for (const field of ['groupSize', 'durationMinutes', 'perUserLimit'] as const) {
    const value = c[field];
    if (value === null) continue;
    const [min, max] = LIMITS[field];
    if (!Number.isInteger(value) || value < min)
      return { path: `/${field}`, message: '', rule: 'minimum', params: { limit: min } };
    if (value > max) return { path: `/${field}`, message: '', rule: 'maximum', params: { limit: max } };
  }
  if (c.regularPrice !== null && c.price > c.regularPrice)
    return { path: '/price', message: '', rule: 'notAboveRegularPrice', params: { price: c.regularPrice } };
  if (c.leaderPrice !== null && c.leaderPrice > c.price)
    return { path: '/leaderPrice', message: '', rule: 'notAboveGroupPrice', params: { price: c.price } };
  return null;
}

/** The terms a campaign is created and edited with, as typed. */
export interface CampaignTermsDraft {
  price: string;
  leaderPrice: string;
  minutes: number | null;
  limit: string;
  /** Its orders ship free; the server's default (true) when left out. */
  freeShipping?: boolean;
}

export interface CampaignTerms {
  price: number;
  leaderPrice: number | null;
  durationMinutes: number;
  perUserLimit: number | null;
  freeShipping: boolean;
}

/** The typed terms in minor units, or what is missing: a price that is not a number, or no duration. */
export function readCampaignTerms(
  draft: CampaignTermsDraft,
  digits: number,
): { terms: CampaignTerms } | { missing: 'price' | 'duration' } {
  const price = parseDecimal(draft.price, digits);
  const leaderPrice = draft.leaderPrice.trim() ? parseDecimal(draft.leaderPrice, digits) : null;
  if (price === null || (draft.leaderPrice.trim() && leaderPrice === null)) return { missing: 'price' };
  if (draft.minutes === null) return { missing: 'duration' };
  return {
    terms: {
      price,
      leaderPrice,
      durationMinutes: draft.minutes,
      perUserLimit: draft.limit.trim() ? Number(draft.limit) : null,
      freeShipping: draft.freeShipping ?? true,
    },
  };
}
