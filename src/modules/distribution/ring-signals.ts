import type { Tx } from '../../platform/db.js';
import type { AttributionFacts, DistributionContext, RingSignal } from './context.js';
import { SIGHTING_WINDOW_MS } from './context.js';

/**
 * Ring detection, run when a commission is earned, inside the payment's transaction. Every check is
 * an indexed lookup: the order by id, the promoter's own orders and sightings, orders by address
 * key, the promoter's latest commissions. Nothing here scans all orders. Addresses, phones and
 * payment fingerprints are the orders module's: they come through its service as normalized keys.
 */

/** One signal a commission raised, with what was found, for the operator to judge. */
export interface RingFlag {
  signal: RingSignal;
  evidence: Record<string, unknown>;
}

/** An account younger than this whose paid orders all went through one promoter is suspect. */
export const NEW_ACCOUNT_MS = 7 * 86_400_000;
/** …once it has at least this many paid orders (one order by a new customer is what sharing is for). */
export const NEW_ACCOUNT_MIN_ORDERS = 2;
/** A promoter whose last customers' orders (at least this many, with an address) all ship to them. */
export const OWN_ADDRESS_MIN_ORDERS = 3;
const OWN_ADDRESS_LOOKBACK = 50;

/** What is known about the order and its buyer: looked up once, for every level's promoter. */
export interface BuyerFacts {
  facts: AttributionFacts;
  addressKey: string | null;
  phoneKey: string | null;
  paymentFingerprint: string | null;
  accountCreatedAt: Date | undefined;
}

export async function buyerFacts(
  ctx: DistributionContext,
  tx: Tx,
  facts: AttributionFacts,
): Promise<BuyerFacts> {
  const [keys] = await ctx.orders.contactKeysOfOrders(tx, [facts.orderId]);
  return {
    facts,
    addressKey: keys?.addressKey ?? null,
    phoneKey: keys?.phoneKey ?? null,
    paymentFingerprint: keys?.paymentFingerprint ?? null,
    accountCreatedAt: new Date((await ctx.accounts.getUser(facts.buyerId, tx)).createdAt),
  };
}

/** The ring signals a commission of `level` for `promoterId` on the buyer's order raises. */
export async function ringSignals(
  ctx: DistributionContext,
  tx: Tx,
  input: { promoterId: string; level: number; buyer: BuyerFacts; now: Date },
): Promise<RingFlag[]> {
  const { promoterId, buyer, now } = input;
  const flags: RingFlag[] = [...(await sharedSightings(tx, promoterId, buyer.facts, now))];

  const own = await ctx.orders.contactKeysOfUser(tx, promoterId);
  const ownAddress = buyer.addressKey ? own.find((o) => o.addressKey === buyer.addressKey) : undefined;
  if (ownAddress) {
    flags.push({ signal: 'shared_address', evidence: { match: 'promoter', orderId: ownAddress.orderId } });
  } else if (buyer.addressKey) {
    const other = await otherCustomerAtAddress(ctx, tx, promoterId, buyer);
    if (other) flags.push({ signal: 'shared_address', evidence: { match: 'other_account', ...other } });
  }
  const ownPhone = buyer.phoneKey ? own.find((o) => o.phoneKey === buyer.phoneKey) : undefined;
  if (ownPhone && buyer.phoneKey) {
    flags.push({
      signal: 'shared_phone',
      evidence: { orderId: ownPhone.orderId, phoneEnding: buyer.phoneKey.slice(-4) },
    });
  }
  const fp = buyer.paymentFingerprint;
  const ownCard = fp ? own.find((o) => o.paymentFingerprint === fp) : undefined;
  if (ownCard) {
    flags.push({ signal: 'payment_fingerprint', evidence: { orderId: ownCard.orderId, fingerprint: fp } });
  }

  // The customer-pattern signals concern a promoter's own customers: level-1 commissions.
  if (input.level === 1) {
    if (ownAddress) {
      const pattern = await customersAllAtOwnAddress(ctx, tx, promoterId, buyer, own);
      if (pattern) flags.push({ signal: 'own_address_customers', evidence: pattern });
    }
    const newAccount = await newAccountOfOnePromoter(ctx, tx, promoterId, buyer, now);
    if (newAccount) flags.push({ signal: 'single_promoter_new_accounts', evidence: newAccount });
  }
  return flags;
}

/** The buyer used, on this order, a device or an IP address the promoter was seen on recently. */
async function sharedSightings(tx: Tx, promoterId: string, facts: AttributionFacts, now: Date) {
  if (!facts.deviceId && !facts.ip) return [];
  const since = (ms: number) => new Date(now.getTime() - ms);
  const rows = await tx.query<{ device_id: string; ip: string; seen_at: Date }>(
    `SELECT device_id, ip, seen_at FROM device_sightings
     WHERE user_id = $1 AND ((device_id <> '' AND device_id = $3 AND seen_at >= $2)
       OR (ip <> '' AND ip = $5 AND seen_at >= $4))
     ORDER BY seen_at DESC`,
    [
      promoterId,
      since(SIGHTING_WINDOW_MS.device),
      facts.deviceId ?? '',
      since(SIGHTING_WINDOW_MS.ip),
      facts.ip ?? '',
    ],
  );
  const flags: RingFlag[] = [];
  const device = rows.find((r) => facts.deviceId && r.device_id === facts.deviceId);
  if (device && facts.deviceId) {
    const seenAt = device.seen_at.toISOString();
    flags.push({ signal: 'shared_device', evidence: { deviceId: facts.deviceId, promoterSeenAt: seenAt } });
  }
  const ip = rows.find(
    (r) => facts.ip && r.ip === facts.ip && r.seen_at.getTime() >= now.getTime() - SIGHTING_WINDOW_MS.ip,
  );
  if (ip && facts.ip) {
    flags.push({ signal: 'shared_ip', evidence: { ip: facts.ip, promoterSeenAt: ip.seen_at.toISOString() } });
  }
  return flags;
}

/** Another account that bought through this promoter ships to the buyer's address. */
async function otherCustomerAtAddress(
  ctx: DistributionContext,
  tx: Tx,
  promoterId: string,
  buyer: BuyerFacts,
): Promise<{ userId: string; orderId: string } | undefined> {
  const sharing = (
    await ctx.orders.ordersSharingAddress(tx, buyer.addressKey as string, buyer.facts.buyerId)
  ).filter((o) => o.userId !== promoterId);
  if (sharing.length === 0) return undefined;
  const [hit] = await tx.query<{ buyer_id: string; order_id: string }>(
    `SELECT buyer_id, order_id FROM commissions
     WHERE order_id = ANY($1) AND promoter_id = $2 ORDER BY id DESC LIMIT 1`,
    [sharing.map((o) => o.orderId), promoterId],
  );
  return hit ? { userId: hit.buyer_id, orderId: hit.order_id } : undefined;
}

/** The promoter's latest customers' orders (this one included), all shipping to the promoter. */
async function customersAllAtOwnAddress(
  ctx: DistributionContext,
  tx: Tx,
  promoterId: string,
  buyer: BuyerFacts,
  own: readonly { addressKey: string | null }[],
) {
  const earlier = await tx.query<{ order_id: string }>(
    `SELECT order_id FROM commissions WHERE promoter_id = $1 AND level = 1 AND status <> 'reversed'
     ORDER BY id DESC LIMIT $2`,
    [promoterId, OWN_ADDRESS_LOOKBACK],
  );
  const keys = await ctx.orders.contactKeysOfOrders(
    tx,
    earlier.map((c) => c.order_id).filter((id) => id !== buyer.facts.orderId),
  );
  const shipped = [...keys, { userId: buyer.facts.buyerId, addressKey: buyer.addressKey }].filter(
    (k) => k.addressKey !== null,
  );
  const ownKeys = new Set(own.map((o) => o.addressKey));
  if (shipped.length < OWN_ADDRESS_MIN_ORDERS || !shipped.every((k) => ownKeys.has(k.addressKey)))
    return null;
  return { orders: shipped.length, customers: new Set(shipped.map((k) => k.userId)).size };
}

/** A new account whose paid orders (at least two) all earned this promoter a level-1 commission. */
async function newAccountOfOnePromoter(
  ctx: DistributionContext,
  tx: Tx,
  promoterId: string,
  buyer: BuyerFacts,
  now: Date,
) {
  const created = buyer.accountCreatedAt;
  if (!created || now.getTime() - created.getTime() >= NEW_ACCOUNT_MS) return null;
  const paid = await ctx.orders.paidOrdersOf(tx, buyer.facts.buyerId);
  if (paid.length < NEW_ACCOUNT_MIN_ORDERS) return null;
  const others = paid.filter((id) => id !== buyer.facts.orderId);
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM commissions WHERE order_id = ANY($1) AND level = 1 AND promoter_id = $2`,
    [others, promoterId],
  );
  if ((row?.n ?? 0) !== others.length) return null;
  return {
    accountAgeHours: Math.floor((now.getTime() - created.getTime()) / 3_600_000),
    orders: paid.length,
  };
}
