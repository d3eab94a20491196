/** What the choice needs of a coupon the server priced for this cart. */
export interface PricedCoupon {
  coupon: { id: string; validUntil: string | null };
  applicable: boolean;
  discount: number;
}

const NEVER = Number.POSITIVE_INFINITY;
const expiry = (c: PricedCoupon) => (c.coupon.validUntil ? Date.parse(c.coupon.validUntil) : NEVER);

/**
 * The coupon checkout starts with: the applicable one that saves the most; on a tie the one that
 * expires first (use it before it is lost; one without an end date last), then the smaller id so
 * the choice never depends on the order the list came in. Null when none saves anything.
 */
export function bestCoupon<C extends PricedCoupon>(choices: readonly C[]): C | null {
  let best: C | null = null;
  for (const choice of choices) {
    if (!choice.applicable || choice.discount <= 0) continue;
    if (
      !best ||
      choice.discount > best.discount ||
      (choice.discount === best.discount &&
        (expiry(choice) < expiry(best) ||
          (expiry(choice) === expiry(best) && choice.coupon.id < best.coupon.id)))
    )
      best = choice;
  }
  return best;
}
