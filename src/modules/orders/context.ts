import type { Clock } from '../../platform/clock.js';
import type { ContentSources } from '../../platform/content-sources.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import type { IdempotencyStore } from '../../platform/idempotency.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { CatalogService } from '../catalog/index.js';
import type { LedgerService } from '../ledger/index.js';
import type { PaymentsService, SandboxProvider } from '../payments/index.js';
import type { RequestedLine } from './rules.js';

/** What the orders module works with; each use-case file takes this one object. */
export interface OrdersContext {
  db: Database;
  clock: Clock;
  currency: string;
  paymentTimeoutMs: number;
  /** Unpaid orders one buyer may hold at once (MAX_UNPAID_ORDERS); 0 = no limit. */
  maxUnpaidOrders: number;
  catalog: CatalogService;
  payments: PaymentsService;
  ledger: LedgerService;
  jobs: JobRunner;
  events: EventBus;
  idempotency: IdempotencyStore;
  /** The coupons module's checkout side; without it an order with a `couponId` is refused. */
  coupons?: CheckoutCoupons;
  /** The groupbuy module's checkout side; without it an order with `groupBuy` is refused. */
  groupBuys?: GroupBuyCheckout;
  /** The flash-sales module's checkout side; without it an order with `flashSale` is refused. */
  flashSales?: FlashSaleCheckout;
  /** The bargains module's checkout side; without it an order with `bargain` is refused. */
  bargains?: BargainCheckout;
  /** The gifts module's side of orders; without it an order with `gift` is refused. */
  gifts?: GiftOrders;
  /** The levels module's member price: a discount on the goods by the buyer's level; none without it. */
  memberPricing?: MemberPricing;
  /** The points module's checkout side; without it an order with `points` is refused. */
  pointsCheckout?: PointsCheckout;
  /** The shipping module's fee; without it every order ships free (`shippingFee: 0`). */
  shipping?: ShippingCheckout;
  /** The fulfilment module's shipments; without it every order shows `shipment: null`. */
  shipments?: ShipmentLookup;
  /** The addresses module's book: an order placed with `address.addressId` copies that address. */
  savedAddresses?: SavedAddressBook;
  /** The content an order may come through (posts, live rooms), registered by the modules that own it. */
  contentSources: ContentSources;
  /** Who bought: the accounts module's contacts, for the operator's order views (no join to `users`). */
  buyers: BuyerDirectory;
  /** The communities module's pickup points; without it an order with `pickup` is refused. */
  pickups?: PickupCheckout;
  /** The sandbox provider while it is on: its pay page simulates the buyer paying. */
  sandbox?: Pick<SandboxProvider, 'simulate'>;
}

/** The accounts module's look-ups, as the orders module needs them; the composition root wires them. */
export interface BuyerDirectory {
  contactsOf(
    conn: Queryable,
    userIds: readonly string[],
  ): Promise<Map<string, { name: string; email: string }>>;
  /** Ids of people whose email or name contains `text`, for the operator's search. */
  idsMatching(conn: Queryable, text: string): Promise<string[]>;
}

/** Saved addresses at checkout: the buyer's own one as an order address, or a 404 for anyone else's. */
export interface SavedAddressBook {
  deliveryAddress(conn: Queryable, userId: string, addressId: string): Promise<Record<string, string>>;
}

/** An order line as a coupon sees it: which product, and what it costs before any discount. */
export interface DiscountableLine {
  productId: string;
  lineTotal: number;
}

/**
 * Coupons at checkout, supplied by the coupons module. `reserve` locks the buyer's coupon and prices
 * it against the lines (at what they cost after the member discount), taking off at most
 * `maxDiscount` (throwing when it cannot be used); `attachTo` marks it used by the new order, in the
 * same transaction. Giving it back when the order is cancelled or refunded is the coupons
 * module's own reaction to those events.
 */
export interface CheckoutCoupons {
  reserve(
    tx: Tx,
    input: { userId: string; couponId: string; lines: readonly DiscountableLine[]; maxDiscount: number },
  ): Promise<{ discount: number; attachTo(orderId: string): Promise<void> }>;
}

/**
 * The buyer's membership discount, supplied by the levels module: what their level takes off
 * `goodsTotal` (the lines at the price paid, group price included), in minor units, 0 for none.
 * `kind` says whether the order is a group-buy seat or a flash-sale order, whose price the
 * campaign or the sale already cut.
 */
export interface MemberPricing {
  discountFor(tx: Tx, input: { userId: string; goodsTotal: number; kind: DealKind }): Promise<number>;
}

/**
 * Points paying part of an order, supplied by the points module. `reserve` spends up to `points` of
 * the buyer's points on `payable` (what is left after member and coupon discounts) within the
 * operator's limits, in the checkout transaction, and says how many it spent and the money they pay;
 * it always leaves at least one minor unit to pay. It refuses (422 `not_enough_points`) when the
 * buyer has fewer points than asked. `attachTo` records the spend against the new order. Giving the
 * points back when the order is cancelled or refunded is the points module's own reaction.
 */
export interface PointsCheckout {
  reserve(
    tx: Tx,
    input: { userId: string; points: number; payable: number },
  ): Promise<{ points: number; discount: number; attachTo(orderId: string): Promise<void> }>;
}

/**
 * The shipping fee at checkout, supplied by the shipping module: what the lines cost to ship to
 * `province` under their products' templates. `lineTotal` is the goods at the price paid (group
 * price included), before coupons, points and member discounts. `freeShipping` names a promotion
 * that ships free (a group-buy campaign that says so); the module also waives the fee for a member
 * whose level ships free.
 */
export interface ShippingCheckout {
  quote(
    tx: Tx,
    input: {
      userId: string;
      province: string | null;
      lines: readonly { productId: string; variantId: string; quantity: number; lineTotal: number }[];
      freeShipping: 'group_buy' | 'flash_sale' | null;
    },
  ): Promise<{ fee: number }>;
}

/** Which deal priced an order: member discounts apply to regular orders only. */
export type DealKind = 'regular' | 'group' | 'flash_sale' | 'bargain';

/**
 * Flash sales' part in checkout, supplied by the flashsales module (the orders module needs none of
 * its tables). A crowd is answered before the order's transaction: `claim` takes the units in a
 * short transaction of its own (the sale's hot row is held for one statement and the commit), so
 * only the winners go on to build an order, and a refusal never waits behind someone's checkout.
 */
export interface FlashSaleCheckout {
  /** Takes the units for the order that will get `orderId`, or refuses (not live, ended, sold out, over the limit). */
  claim(request: FlashSaleRequest & { orderId: string }): Promise<FlashClaim>;
}

export interface FlashSaleRequest {
  userId: string;
  saleId: string;
  lines: readonly RequestedLine[];
}

export interface FlashClaim {
  unitPrice: number;
  /** In the order's transaction: the units now belong to a placed order (its cancel or expiry gives them back). */
  attach(tx: Tx): Promise<void>;
  /** The order was not placed: the units go back now (a job does it later if this process dies first). */
  release(): Promise<void>;
}

/**
 * Bargains' part in checkout, supplied by the bargains module: `reserve` checks the bargain is the
 * buyer's, in time and not bought; `attach` ties the order to it (one order at a time).
 */
export interface BargainCheckout {
  reserve(tx: Tx, request: BargainRequest): Promise<ReservedBargain>;
}

export interface BargainRequest {
  userId: string;
  bargainId: string;
  lines: readonly RequestedLine[];
}

export interface ReservedBargain {
  unitPrice: number;
  attach(tx: Tx, orderId: string): Promise<void>;
}

/**
 * Gifts' part in orders, supplied by the gifts module (which owns the gift, its claim link and its
 * deadline; the orders module needs none of its tables). `attach` records a new order as a gift, in
 * the checkout transaction; `ofOrders` says which orders are gifts and how far each is, for showing
 * them, for refusing to ship an unclaimed one, and for who holds a claimed one (its recipient).
 */
export interface GiftOrders {
  attach(tx: Tx, gift: { orderId: string; senderId: string; message: string | null }): Promise<void>;
  ofOrders(conn: Queryable, orderIds: readonly string[]): Promise<Map<string, OrderGift>>;
}

export interface OrderGift {
  status: 'awaiting_payment' | 'unclaimed' | 'claimed' | 'refunded' | 'cancelled';
  message: string | null;
  /** The claim link's secret, made when the order is paid; shown to the sender only. */
  token: string | null;
  /** Who claimed it: after-sales and receipt are theirs from then on. */
  recipientId: string | null;
  /** Unclaimed by then, the order is refunded. */
  claimBy: string | null;
  claimedAt: string | null;
}

/** One job per order, queued by checkouts before the sweep replaced it (kept for jobs still queued). */
export const EXPIRE_ORDER_JOB = 'orders.expire-unpaid';
/** Cancels unpaid orders past their deadline, a batch at a time: no job row per checkout. */
export const EXPIRE_UNPAID_SWEEP = 'orders.expire-lapsed';
export const EXPIRE_SWEEP_MS = 30_000;
export const REFUND_LATE_PAYMENT_JOB = 'orders.refund-late-payment';

/**
 * Group buying's part in checkout and in showing orders. The groupbuy module supplies it, so the
 * orders module needs none of its tables (and groupbuy may depend on orders for refunds).
 */
export interface GroupBuyCheckout {
  /** Takes a seat in the group (opening a new one without `groupId`) and prices the order's one line. */
  reserveSeat(tx: Tx, request: GroupSeatRequest): Promise<ReservedSeat>;
  /** The group-buy reference of each order placed in a group. */
  ofOrders(conn: Queryable, orderIds: readonly string[]): Promise<Map<string, OrderGroupBuy>>;
}

export interface GroupSeatRequest {
  userId: string;
  campaignId: string;
  groupId?: string;
  lines: readonly RequestedLine[];
  /** The community the order is collected in, if it is a pickup order (community campaigns need it). */
  pickupCommunityId?: string | null;
}

export interface ReservedSeat {
  unitPrice: number;
  /** The campaign ships free (its operator's setting). */
  freeShipping?: boolean;
  /** Records the seat against the order, once the order row exists. */
  attach(tx: Tx, orderId: string): Promise<void>;
}

export interface OrderGroupBuy {
  campaignId: string;
  groupId: string;
  status: 'waiting' | 'succeeded' | 'failed' | 'left';
  role: 'leader' | 'member';
}

/** Fulfilment's part in showing orders: the shipment of each order that was handed to a carrier. */
export interface ShipmentLookup {
  ofOrders(conn: Queryable, orderIds: readonly string[]): Promise<Map<string, OrderShipment>>;
}

export interface OrderShipment {
  carrier: string;
  trackingNumber: string;
  shippedAt: string;
  /** When delivery confirms itself if the buyer has not confirmed it (while the order is shipped). */
  autoConfirmAt: string;
}

/**
 * Collecting an order at a community's pickup point instead of having it delivered, supplied by the
 * communities module (which owns communities, waves and pickup codes; orders needs none of its
 * tables). `reserve` checks the buyer may collect there and places the order in the delivery wave
 * open at `placedAt`; `attach` records it once the order row exists, in the checkout transaction.
 * The pickup code is the communities module's too: it makes one when the order is paid.
 */
export interface PickupCheckout {
  reserve(
    tx: Tx,
    input: { userId: string; communityId: string; placedAt: Date },
  ): Promise<{ attach(tx: Tx, orderId: string): Promise<void> }>;
  /** The pickup of each order collected at a pickup point, its code included (the caller hides it). */
  ofOrders(conn: Queryable, orderIds: readonly string[]): Promise<Map<string, OrderPickup>>;
}

export interface OrderPickup {
  communityId: string;
  communityName: string;
  pickupPoint: {
    name: string;
    address: string;
    openingHours: string | null;
    location: { lat: number; lng: number } | null;
  };
  /** The delivery wave the order ships in: the first cut-off after it was placed. */
  wave: { id: string; cutoffAt: string };
  status: 'awaiting_payment' | 'awaiting_collection' | 'collected' | 'returned' | 'closed';
  /** Made when the order is paid; shown to its buyer and the community's leader and helpers only. */
  code: string | null;
  /** When an uncollected order is refunded or returned (while it waits for collection). */
  collectBy: string | null;
  collectedAt: string | null;
}
