/**
 * The money side of the demo, in the present: Lin Xiaomei's commission from Chen Jie's first
 * order has passed its return window and settles; she has saved Alipay payout details and asked to
 * withdraw part of it, which waits for the administrator under Withdrawals. And one product's
 * movement log shows a delivery an operator booked in, with its reason.
 */
import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import { demoAuditContext } from './audit.js';

type Services = BuiltApp['services'];

export const demoPayoutDetails = {
  method: 'alipay',
  holderName: 'Lin Xiaomei',
  account: 'xiaomei.pantry@example.com',
} as const;

/** The share of her available balance she asks to withdraw, in whole yuan. */
const WITHDRAWAL_SHARE = 0.5;

/** A delivery booked in on the product page's stock dialog, kept in the movement log. */
export const demoStockAdjustment = {
  sku: 'TEA-LJ-100',
  delta: 40,
  reason: 'Spring harvest delivery from the Meijiawu tea farm',
} as const;

export interface DemoEarningsSummary {
  withdrawals: number;
}

export async function seedDemoEarnings(
  services: Services,
  shopkeeper: PublicUser,
): Promise<DemoEarningsSummary> {
  await services.distribution.settleDue();
  const wallet = await services.distribution.wallet(shopkeeper.id);
  const amount = Math.floor((wallet.available * WITHDRAWAL_SHARE) / 100) * 100;
  if (amount <= 0) return { withdrawals: 0 };
  await services.distribution.savePayoutDetails(shopkeeper.id, { ...demoPayoutDetails });
  await services.distribution.requestWithdrawal(shopkeeper.id, amount);
  return { withdrawals: 1 };
}

export async function seedDemoStock(
  services: Services,
  admin: { id: string },
  products: ReadonlyMap<string, Product>,
): Promise<void> {
  const { sku, delta, reason } = demoStockAdjustment;
  const variant = [...products.values()].flatMap((p) => p.variants).find((v) => v.sku === sku);
  if (!variant) throw new Error(`The demo catalog has no variant "${sku}"`);
  // Recorded as the operator's change, so the console's audit log opens on an entry.
  await services.catalog.adjustStock(variant.id, { delta, reason }, admin.id, demoAuditContext(admin.id));
}
