import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import type { IdempotencyStore } from '../../platform/idempotency.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { CatalogService } from '../catalog/service.js';
import type { LedgerService } from '../ledger/service.js';
import type { PaymentsService } from '../payments/service.js';

/** What the orders module works with; each use-case file takes this one object. */
export interface OrdersContext {
  db: Database;
  clock: Clock;
  currency: string;
  paymentTimeoutMs: number;
  catalog: CatalogService;
  payments: PaymentsService;
  ledger: LedgerService;
  jobs: JobRunner;
  events: EventBus;
  idempotency: IdempotencyStore;
}

export const EXPIRE_ORDER_JOB = 'orders.expire-unpaid';
export const REFUND_LATE_PAYMENT_JOB = 'orders.refund-late-payment';
