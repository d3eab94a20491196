import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import type { OrdersService } from '../orders/index.js';

/**
 * Holding an order's commissions back from settling while a request is open. The distribution
 * module supplies it (it owns commissions and how they settle), so after-sales needs none of its
 * tables and distribution none of these: each holder releases its own hold by `ref`.
 */
export interface SettlementHolds {
  hold(tx: Tx, orderId: string, ref: string): Promise<void>;
  release(tx: Tx, orderId: string, ref: string): Promise<void>;
}

export interface AfterSalesContext {
  db: Database;
  clock: Clock;
  events: EventBus;
  orders: OrdersService;
  holds: SettlementHolds;
  returnWindowDays: number;
  /** Approve a before-shipping refund at once, without an operator (setting). */
  autoApproveRefunds: boolean;
}
