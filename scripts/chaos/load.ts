import { randomUUID } from 'node:crypto';
import type { FakeStripeServer } from './fake-stripe-server.js';
import type { Fleet } from './fleet.js';
import { type Answer, type Random, type Request, send, sleep } from './http.js';
import type { ChaosShop } from './shop.js';
import type { WebhookSender } from './webhooks.js';

type Order = {
  id: string;
  status: string;
  total: number;
  refundedAmount: number;
  items: { id: string; quantity: number }[];
  groupBuy: { groupId: string; status: string } | null;
};

/** A checkout refused by the unpaid-orders limit: expected, counted apart. */
type Refused = { status: 'refused' };

/** An order the shop answered 201 for: it must exist at the end, whatever was killed. */
export interface AcknowledgedOrder {
  id: string;
  token: string;
  viaStore: boolean;
  inGroup: boolean;
  /** Paid at Stripe (the buyer confirmed): the run pays each order at most once. */
  paid: boolean;
}

export interface LoadCounts {
  checkouts: number;
  acknowledged: number;
  /** Checkouts whose every attempt went unanswered: they may or may not exist. */
  unanswered: number;
  soldOut: number;
  /** Refused because the buyer already holds the most unpaid orders allowed (422 `unpaid_order_limit`). */
  unpaidLimit: number;
  groupOpened: number;
  groupJoined: number;
  groupRefused: number;
  payments: number;
  latePayments: number;
  cancels: number;
  refunds: number;
  afterSales: number;
  completed: number;
  withdrawals: number;
  /** 503s naming Stripe as unreachable: expected when the fake Stripe fails a request and its retries. */
  providerUnavailable: number;
  /** Answers no action expects (500s, unexpected 4xx), by route and status. */
  unexpected: number;
}

const ACTIONS = {
  checkout: 6,
  group: 3,
  pay: 3,
  cancel: 1,
  refund: 1.5,
  afterSale: 1.5,
  complete: 1.5,
  withdraw: 0.7,
} as const;
type Action = keyof typeof ACTIONS;

/** The reasons of a 503 that names Stripe as unreachable (src/modules/orders/reasons.ts). */
const PROVIDER_DOWN = new Set([
  'payment_provider_unavailable',
  'refund_pending_at_provider',
  'refund_refused_by_provider',
]);

/**
 * The mixed load: virtual users, each drawing its actions from its own seeded generator. A request
 * that gets no answer (its process was killed) is retried on another process, as a load balancer
 * would, with the same Idempotency-Key where the API takes one.
 */
export function createLoad(deps: {
  fleet: Fleet;
  stripe: FakeStripeServer;
  webhooks: WebhookSender;
  shop: ChaosShop;
}) {
  const { fleet, stripe, webhooks, shop } = deps;
  const acknowledged: AcknowledgedOrder[] = [];
  const openGroups: { groupId: string; members: Set<string> }[] = [];
  const counts: LoadCounts = {
    checkouts: 0,
    acknowledged: 0,
    unanswered: 0,
    soldOut: 0,
    unpaidLimit: 0,
    groupOpened: 0,
    groupJoined: 0,
    groupRefused: 0,
    payments: 0,
    latePayments: 0,
    cancels: 0,
    refunds: 0,
    afterSales: 0,
    completed: 0,
    withdrawals: 0,
    providerUnavailable: 0,
    unexpected: 0,
  };
  const unexpected = new Map<string, number>();

  /** One request, retried on the other processes while unanswered; a 5xx is an answer. */
  async function call<T>(random: Random, method: string, path: string, request: Request): Promise<Answer<T>> {
    let answer: Answer<T> = { status: 'no answer', error: 'not sent' };
    for (let attempt = 0; attempt < 6; attempt++) {
      answer = await send<T>(fleet.pick(random.int(0, 9)), method, path, request);
      if (answer.status !== 'no answer') return answer;
      await sleep(200 + attempt * 300);
    }
    return answer;
  }

  function expectOneOf(route: string, answer: Answer<unknown> | Refused, allowed: readonly number[]) {
    if (typeof answer.status !== 'number' || !('body' in answer) || allowed.includes(answer.status)) return;
    // Stripe failing a request three times over (its client retries twice): Fission says so.
    if (
      answer.status === 503 &&
      PROVIDER_DOWN.has((answer.body as { reason?: string } | null)?.reason ?? '')
    ) {
      counts.providerUnavailable += 1;
      return;
    }
    counts.unexpected += 1;
    const key = `${route} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`;
    unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
  }

  const admin = (random: Random, path: string, body: unknown = {}) =>
    call<Record<string, unknown>>(random, 'POST', path, { token: shop.adminToken, body });
  const orderOf = async (random: Random, order: AcknowledgedOrder) => {
    const answer = await call<Order>(random, 'GET', `/api/orders/${order.id}`, { token: order.token });
    return answer.status === 200 ? answer.body : undefined;
  };

  async function placeOrder(random: Random, token: string, body: Record<string, unknown>) {
    counts.checkouts += 1;
    const answer = await call<Order>(random, 'POST', '/api/orders', {
      token,
      body,
      headers: { 'idempotency-key': randomUUID() },
    });
    if (answer.status === 'no answer') counts.unanswered += 1;
    if (answer.status === 422 && (answer.body as { reason?: string }).reason === 'unpaid_order_limit') {
      counts.unpaidLimit += 1;
      return { status: 'refused' } as Refused;
    }
    return answer;
  }

  function acknowledge(order: Order, token: string, viaStore: boolean) {
    counts.acknowledged += 1;
    const entry = { id: order.id, token, viaStore, inGroup: order.groupBuy !== null, paid: false };
    acknowledged.push(entry);
    return entry;
  }

  /** The buyer confirms the payment at Stripe; Stripe then tells Fission by webhook. */
  function pay(order: AcknowledgedOrder): boolean {
    const event = stripe.capture(order.id);
    order.paid = true;
    if (!event) return false;
    counts.payments += 1;
    webhooks.enqueue(event);
    return true;
  }

  const actions: Record<Action, (random: Random, mine: AcknowledgedOrder[]) => Promise<void>> = {
    async checkout(random, mine) {
      const token = random.pick(shop.buyers)!;
      const variant = random.pick(shop.variants)!;
      const viaStore = random.chance(0.5);
      const answer = await placeOrder(random, token, {
        items: [{ variantId: variant.id, quantity: random.int(1, 2) }],
        ...(viaStore ? { storeSlug: shop.promoter.slug } : {}),
      });
      expectOneOf('POST /api/orders', answer, [201, 409]);
      if (answer.status === 201) {
        const order = acknowledge(answer.body, token, viaStore);
        mine.push(order);
        // Most buyers pay at once; the rest later (`pay`), or never (the order expires or is cancelled).
        if (random.chance(0.6)) pay(order);
      } else if (answer.status === 409) counts.soldOut += 1;
    },

    async group(random, mine) {
      const token = random.pick(shop.buyers)!;
      const joinable = openGroups.filter((g) => !g.members.has(token));
      const target = random.chance(0.7) ? random.pick(joinable) : undefined;
      const answer = await placeOrder(random, token, {
        items: [{ variantId: shop.campaign.variantId, quantity: 1 }],
        groupBuy: { campaignId: shop.campaign.id, ...(target ? { groupId: target.groupId } : {}) },
      });
      expectOneOf('POST /api/orders (group)', answer, [201, 409]);
      if (answer.status !== 201) {
        if (answer.status === 409) counts.groupRefused += 1;
        if (target && answer.status === 409) openGroups.splice(openGroups.indexOf(target), 1);
        return;
      }
      const order = acknowledge(answer.body, token, false);
      if (target) {
        counts.groupJoined += 1;
        target.members.add(token);
      } else {
        counts.groupOpened += 1;
        openGroups.push({ groupId: answer.body.groupBuy!.groupId, members: new Set([token]) });
      }
      mine.push(order);
      // Most members pay at once; the others later (`pay`), or never (a seat left unpaid).
      if (random.chance(0.7)) pay(order);
    },

    async pay(random, mine) {
      const order = random.pick(mine.filter((o) => !o.paid));
      if (order) pay(order);
    },

    async cancel(random, mine) {
      const order = random.pick(mine.filter((o) => !o.paid));
      if (!order) return;
      // Sometimes the buyer pays in another tab while cancelling: a late payment Fission must give back.
      if (random.chance(0.3) && pay(order)) counts.latePayments += 1;
      const answer = await call(random, 'POST', `/api/orders/${order.id}/cancel`, { token: order.token });
      expectOneOf('POST /api/orders/:id/cancel', answer, [200, 409]);
      if (answer.status === 200) counts.cancels += 1;
    },

    async refund(random, mine) {
      const order = random.pick(mine.filter((o) => o.paid));
      if (!order || (await orderOf(random, order))?.status !== 'paid') return;
      const answer = await admin(random, `/api/admin/orders/${order.id}/refund`);
      expectOneOf('POST /api/admin/orders/:id/refund', answer, [200, 409]);
      if (answer.status === 200) counts.refunds += 1;
    },

    async afterSale(random, mine) {
      const order = random.pick(mine.filter((o) => o.paid && !o.inGroup));
      const current = order && (await orderOf(random, order));
      if (!order || current?.status !== 'paid' || current.groupBuy) return;
      const item = current.items[0]!;
      // Part of an order of two units: the commission shrinks instead of being reversed.
      const items = item.quantity > 1 ? [{ orderItemId: item.id, quantity: 1 }] : undefined;
      const requested = await call<{ id: string }>(random, 'POST', `/api/orders/${order.id}/after-sales`, {
        token: order.token,
        body: { type: 'refund', reason: 'changed my mind', ...(items ? { items } : {}) },
      });
      expectOneOf('POST /api/orders/:id/after-sales', requested, [201, 409]);
      if (requested.status !== 201) return;
      const approved = await admin(random, `/api/admin/after-sales/${requested.body.id}/approve`);
      expectOneOf('POST /api/admin/after-sales/:id/approve', approved, [200, 409]);
      if (approved.status === 200) counts.afterSales += 1;
    },

    async complete(random, mine) {
      const order = random.pick(mine.filter((o) => o.paid && o.viaStore));
      if (!order || (await orderOf(random, order))?.status !== 'paid') return;
      const answer = await admin(random, `/api/admin/orders/${order.id}/complete`);
      expectOneOf('POST /api/admin/orders/:id/complete', answer, [200, 409]);
      if (answer.status === 200) counts.completed += 1;
    },

    async withdraw(random) {
      const wallet = await call<{ available: number }>(random, 'GET', '/api/me/wallet', {
        token: shop.promoter.token,
      });
      if (wallet.status !== 200 || wallet.body.available < 200) return;
      const asked = await call<{ id: string }>(random, 'POST', '/api/me/withdrawals', {
        token: shop.promoter.token,
        body: { amount: Math.floor(wallet.body.available / 2) },
        headers: { 'idempotency-key': randomUUID() },
      });
      // 422: a refund took the balance back between the two requests.
      expectOneOf('POST /api/me/withdrawals', asked, [201, 422]);
      if (asked.status !== 201) return;
      const decided = await admin(random, `/api/admin/withdrawals/${asked.body.id}/approve`);
      expectOneOf('POST /api/admin/withdrawals/:id/approve', decided, [200, 409, 422]);
      if (decided.status === 200) counts.withdrawals += 1;
    },
  };

  /** A virtual user: acts until `done()`, on the orders it placed itself. */
  async function virtualUser(random: Random, done: () => boolean) {
    const mine: AcknowledgedOrder[] = [];
    while (!done()) {
      const action = random.weighted(ACTIONS);
      await actions[action](random, mine);
      await sleep(random.int(5, 60));
    }
  }

  return { virtualUser, acknowledged, counts, unexpected };
}

export type Load = ReturnType<typeof createLoad>;
