import type { FieldError } from '../../platform/errors.js';

/**
 * Pure flash-sale rules: what a sale shows as, and what makes a new sale sound.
 *
 * A sale is `upcoming` before its window, `live` inside it while units are left, `sold_out` inside
 * it once every unit is taken (units of unpaid orders come back when those orders lapse, so a
 * sold-out sale can go live again), and `ended` after its window or once the operator closed it.
 */
export const FLASH_SALE_STATUSES = ['upcoming', 'live', 'sold_out', 'ended'] as const;
export type FlashSaleStatus = (typeof FLASH_SALE_STATUSES)[number];

export interface SaleFacts {
  status: 'active' | 'closed';
  quantity: number;
  taken: number;
  startsAt: Date;
  endsAt: Date;
}

export function saleStatus(sale: SaleFacts, now: Date): FlashSaleStatus {
  if (sale.status === 'closed' || now >= sale.endsAt) return 'ended';
  if (now < sale.startsAt) return 'upcoming';
  return sale.taken >= sale.quantity ? 'sold_out' : 'live';
}

export const remainingOf = (sale: Pick<SaleFacts, 'quantity' | 'taken'>) =>
  Math.max(0, sale.quantity - sale.taken);

/** A sale's terms as the operator set them, against the variant's regular price. */
export interface SaleTerms {
  price: number;
  regularPrice: number;
  startsAt: Date;
  endsAt: Date;
  now: Date;
}

/** Problems with a new sale, as field errors: a flash price is a discount, and its window is ahead. */
export function saleProblems(terms: SaleTerms): FieldError[] {
  const problems: FieldError[] = [];
  if (terms.price >= terms.regularPrice)
    problems.push({
      path: '/price',
      message: 'must be below the regular price',
      rule: 'belowRegularPrice',
      params: { price: terms.regularPrice },
    });
  if (terms.endsAt <= terms.startsAt)
    problems.push({ path: '/endsAt', message: 'must be after the start', rule: 'afterStart' });
  if (terms.endsAt <= terms.now)
    problems.push({ path: '/endsAt', message: 'must be in the future', rule: 'inFuture' });
  return problems;
}
