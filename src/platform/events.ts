import type { Tx } from './db.js';

/**
 * In-process domain events, delivered synchronously inside the publisher's transaction.
 *
 * Why not an outbox: every subscriber (distribution, group buying, growth) lives in this process
 * and writes to the same database, so running it in the same transaction makes the reaction atomic
 * with the change — a refund and the reversal of its commissions commit or roll back together.
 * Work that must leave the process (a provider refund, an email) is enqueued as a job from the
 * handler, which is itself a row in the same transaction.
 *
 * Every event names the person it concerns (`userId`) so that notifications can address them.
 */
export interface DomainEvents {
  'order.paid': { orderId: string; userId: string };
  /** Handed to a carrier (fulfilment). */
  'order.shipped': { orderId: string; userId: string };
  'order.completed': { orderId: string; userId: string };
  /** Refunded in full: the order's status is now `refunded`. */
  'order.refunded': { orderId: string; userId: string };
  /**
   * Part of a paid order went back to the buyer and the order keeps its status. `refundedAmount`
   * is the order's refunded total after this refund (cumulative); `total` the order's paid total.
   */
  'order.partially_refunded': {
    orderId: string;
    userId: string;
    refundId: string;
    amount: number;
    refundedAmount: number;
    total: number;
  };
  'order.cancelled': { orderId: string; userId: string };
  /** The buyer disputed the charge at the provider: commissions are held until it closes. */
  'order.disputed': { orderId: string; userId: string };
  /** `won`: the shop kept the money; `lost`: the provider took it back from the shop. */
  'order.dispute_closed': { orderId: string; userId: string; outcome: 'won' | 'lost' };
  /** An operator decided an after-sales request; `userId` is the buyer. */
  'after_sale.decided': {
    afterSaleId: string;
    orderId: string;
    userId: string;
    status: 'refunded' | 'rejected';
    amount: number;
  };
  /** A promoter (`userId`) earned a commission on an order. */
  'commission.earned': {
    commissionId: string;
    orderId: string;
    userId: string;
    amount: number;
    level: number;
  };
  /** A promoter's (`userId`) commission became available to withdraw. */
  'commission.settled': { commissionId: string; orderId: string; userId: string; amount: number };
  'group.succeeded': { groupId: string; campaignId: string; memberIds: string[] };
  'group.failed': { groupId: string; campaignId: string; memberIds: string[] };
  /** An operator approved or rejected a promoter's (`userId`) withdrawal. */
  'withdrawal.decided': {
    withdrawalId: string;
    userId: string;
    amount: number;
    status: 'approved' | 'rejected';
  };
}

export type EventName = keyof DomainEvents;
type Handler<E extends EventName> = (tx: Tx, event: DomainEvents[E]) => Promise<void>;

export class EventBus {
  private readonly handlers = new Map<EventName, Handler<never>[]>();

  subscribe<E extends EventName>(name: E, handler: Handler<E>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as Handler<never>);
    this.handlers.set(name, list);
  }

  async publish<E extends EventName>(tx: Tx, name: E, event: DomainEvents[E]): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) await (handler as Handler<E>)(tx, event);
  }
}
