import type { Queryable, Tx } from '../../platform/db.js';
import { type Account, accounts } from '../ledger/index.js';
import type { OrdersContext } from './context.js';

/**
 * The order's shipping fee, from the shipping module (0 without it). The fee is added to the
 * total after every discount: coupons, points and member prices are on goods, never on shipping.
 */
export async function shippingFeeOf(
  ctx: OrdersContext,
  tx: Tx,
  order: {
    userId: string;
    address: Record<string, string> | null;
    priced: readonly { variant: { id: string; product_id: string }; unitPrice: number; quantity: number }[];
    /** The promotion the order ships free by, if any. */
    freeShipping: 'group_buy' | 'flash_sale' | null;
  },
): Promise<number> {
  if (!ctx.shipping) return 0;
  const { fee } = await ctx.shipping.quote(tx, {
    userId: order.userId,
    province: order.address?.province ?? null,
    lines: order.priced.map((p) => ({
      productId: p.variant.product_id,
      variantId: p.variant.id,
      quantity: p.quantity,
      lineTotal: p.unitPrice * p.quantity,
    })),
    freeShipping: order.freeShipping,
  });
  return fee;
}

/**
 * The lines of a payment or refund split between goods and shipping: the cash side moves the whole
 * amount, goods and shipping each to their own account. Zero parts are left out (the ledger
 * refuses zero lines); the set balances by construction.
 */
export function splitPosting(
  cash: Account,
  amount: number,
  shipping: number,
  goodsAccount: Account,
  shippingAccount: Account,
  direction: 'in' | 'out',
) {
  const sign = direction === 'in' ? 1 : -1;
  const parts: [Account, number][] = [
    [cash, sign * amount],
    [goodsAccount, -sign * (amount - shipping)],
    [shippingAccount, -sign * shipping],
  ];
  const kept = parts.filter(([, value]) => value !== 0);
  return {
    lines: kept.map(([account, value]) => ({ account: account.code, amount: value })),
    accountKinds: Object.fromEntries(kept.map(([account]) => [account.code, account.kind])),
  };
}

/** A paid order's posting: the provider holds the total; goods to sales, the fee to shipping revenue. */
export const paidPosting = (provider: string, total: number, shippingFee: number) =>
  splitPosting(
    accounts.provider(provider),
    total,
    shippingFee,
    accounts.sales,
    accounts.shippingRevenue,
    'in',
  );

/** A refund's posting: the provider pays it out; goods back from refunds, the fee from shipping refunds. */
export const refundPosting = (provider: string, amount: number, shippingAmount: number) =>
  splitPosting(
    accounts.provider(provider),
    amount,
    shippingAmount,
    accounts.refunds,
    accounts.shippingRefunds,
    'out',
  );

/** The part of each in-flight or applied refund that is the fee. */
export async function shippingOfRefunds(conn: Queryable, refundIds: readonly string[]) {
  if (refundIds.length === 0) return new Map<string, number>();
  const rows = await conn.query<{ refund_id: string; amount: number }>(
    'SELECT refund_id, amount FROM order_shipping_refunds WHERE refund_id = ANY($1)',
    [refundIds],
  );
  return new Map(rows.map((r) => [r.refund_id, Number(r.amount)]));
}

/**
 * How much of a refund of `amount` is the fee: goods first, then the fee; at least what the caller
 * asks for (`asked`, e.g. an after-sales decision that includes it), never more than is left of it.
 */
export function shippingPartOf(input: { amount: number; goodsLeft: number; feeLeft: number; asked: number }) {
  const wanted = Math.max(input.asked, input.amount - Math.max(0, input.goodsLeft));
  return Math.max(0, Math.min(wanted, input.feeLeft, input.amount));
}
