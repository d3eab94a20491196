import type { Queryable } from '../../platform/db.js';

export interface PaymentRow {
  id: string;
  order_id: string;
  provider: string;
  external_id: string;
  amount: number;
  status: 'pending' | 'succeeded' | 'failed' | 'refunded';
  created_at: Date;
  updated_at: Date;
}

export interface RefundRow {
  id: string;
  order_id: string;
  payment_id: string;
  /** `order`: money (and maybe units) of a paid order; `late_payment`: a payment for a cancelled order. */
  kind: 'order' | 'late_payment';
  amount: number;
  status: 'requested' | 'succeeded' | 'failed';
  external_id: string | null;
  /** The order's units this refund covers. */
  items: RefundItem[];
  /** Whether those units go back to stock when the refund is applied. */
  restock: boolean;
  reason: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RefundItem {
  orderItemId: string;
  quantity: number;
}

/** The latest payment attempt of each order. */
export const latestPayments = (conn: Queryable, orderIds: readonly string[]) =>
  conn.query<PaymentRow>(
    `SELECT DISTINCT ON (order_id) * FROM payments WHERE order_id = ANY($1) ORDER BY order_id, id DESC`,
    [orderIds],
  );

export const findPaymentByExternalId = async (conn: Queryable, provider: string, externalId: string) =>
  (
    await conn.query<PaymentRow>('SELECT * FROM payments WHERE provider = $1 AND external_id = $2', [
      provider,
      externalId,
    ])
  )[0];

export const setPaymentStatus = (conn: Queryable, id: string, status: PaymentRow['status'], now: Date) =>
  conn.query('UPDATE payments SET status = $2, updated_at = $3 WHERE id = $1', [id, status, now]);
