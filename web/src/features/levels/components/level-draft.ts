import type { FieldError } from '../../../lib/api-error';
import { parseDecimal } from '../../../lib/money';
import { percentToBps } from '../../../lib/percent';

/** The server's cap on a level's discount (90 %): the form says so before sending. */
export const MAX_LEVEL_DISCOUNT_BPS = 9000;

/** A multiplier has four decimals of basis points: "1.5" ↔ 15000. */
export const MULTIPLIER_DIGITS = 4;

/**
 * The benefits as typed, in basis points, or the problems keyed by the API's own field paths (and
 * rules), so the form's and the server's errors read alike.
 */
export function levelBenefits(
  discount: string,
  multiplier: string,
):
  | { discountBps: number; commissionMultiplierBps: number; errors: [] }
  | { discountBps: null; commissionMultiplierBps: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const discountBps = percentToBps(discount);
  if (discountBps === null) errors.push({ path: '/discountBps', message: 'invalid', rule: 'invalid' });
  else if (discountBps > MAX_LEVEL_DISCOUNT_BPS) {
    errors.push({
      path: '/discountBps',
      message: 'must be at most 90 %',
      rule: 'maximum',
      params: { limit: MAX_LEVEL_DISCOUNT_BPS },
    });
  }
  const multiplierBps = parseDecimal(multiplier, MULTIPLIER_DIGITS);
  if (multiplierBps === null) {
    errors.push({ path: '/commissionMultiplierBps', message: 'invalid', rule: 'invalid' });
  }
  if (errors.length > 0 || discountBps === null || multiplierBps === null) {
    return { discountBps: null, commissionMultiplierBps: null, errors };
  }
  return { discountBps, commissionMultiplierBps: multiplierBps, errors: [] };
}
