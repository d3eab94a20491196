import type { Tx } from './db.js';

/**
 * In-process domain events, delivered synchronously inside the publisher's transaction.
 *
 * Why not an outbox: every subscriber (distribution, group buying, growth) lives in this process
 * and writes to the same database, so running it in the same transaction makes the reaction atomic
 * with the change — a refund and the reversal of its commissions commit or roll back together.
 * Work that must leave the process (a provider refund, an email) is enqueued as a job from the
 * handler, which is itself a row in the same transaction.
 */
export interface DomainEvents {
  'order.paid': { orderId: string; userId: string };
  'order.completed': { orderId: string; userId: string };
  'order.refunded': { orderId: string; userId: string };
  'order.cancelled': { orderId: string; userId: string };
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
