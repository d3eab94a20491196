import type { FastifyBaseLogger } from 'fastify';
import type { Static } from 'typebox';
import { addMs, days } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { JobRunner } from '../../platform/jobs.js';
import { type AuditContext, record } from '../audit/index.js';
import type { Order, OrderShipment, OrdersService, ShipmentLookup } from '../orders/index.js';
import { parseCsv } from './csv.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  checkShipment,
  IMPORT_MAX_ROWS,
  type ImportRow,
  isBlank,
  readHeader,
  readRow,
  type ShipmentInput,
} from './rules.js';
import type { ImportResultSchema } from './schemas.js';

/** A refusal that also names the line or column it is about, as field errors. */
const withErrors = (error: AppError, errors: FieldError[]) =>
  new AppError(error.code, error.message, errors, {
    reason: error.reason,
    ...(error.params ? { params: error.params } : {}),
  });

export const AUTO_CONFIRM_JOB = 'fulfilment.auto-confirm';

export interface FulfilmentDeps {
  db: Database;
  orders: OrdersService;
  jobs: JobRunner;
  /** Days after shipping when delivery is confirmed for a buyer who has not confirmed it. */
  autoConfirmDays: number;
  log?: FastifyBaseLogger;
}

/** The import's report as the API shows it: the response schema's type. */
export type ImportResult = Static<typeof ImportResultSchema>;
export type ImportRowResult = ImportResult['rows'][number];

/** Shipments as orders show them; given to the orders module as its `shipments` port. */
export const shipmentLookup: ShipmentLookup = {
  async ofOrders(conn: Queryable, orderIds: readonly string[]) {
    const rows = orderIds.length === 0 ? [] : await q.shipmentsOf(conn, orderIds);
    return new Map<string, OrderShipment>(
      rows.map((r) => [
        r.order_id,
        {
          carrier: r.carrier,
          trackingNumber: r.tracking_number,
          shippedAt: r.shipped_at.toISOString(),
          autoConfirmAt: r.auto_confirm_at.toISOString(),
        },
      ]),
    );
  },
};

/**
 * Fulfilment: an operator hands paid orders to a carrier, one by one or as a CSV of many. The
 * orders module moves the order (paid → shipped) inside this module's transaction, which also
 * records the shipment and queues the automatic confirmation of delivery: one job per shipment,
 * due `autoConfirmDays` later. Claimed with SKIP LOCKED and re-checked under the order's row lock,
 * it completes an order once even when two processes or a retry run it.
 */
export function createFulfilmentService(deps: FulfilmentDeps) {
  const { db, orders, jobs } = deps;
  jobs.register(AUTO_CONFIRM_JOB, async (payload) => {
    await orders.confirmDeliveryAutomatically(String(payload.orderId));
  });

  /** Records the shipment in the caller's transaction, after the order moved to shipped. */
  async function recordShipment(
    tx: Tx,
    adminId: string,
    orderId: string,
    shipment: ShipmentInput,
    by?: AuditContext,
  ) {
    const { shippedAt } = await orders
      .markShipped(tx, orderId, `${shipment.carrier} ${shipment.trackingNumber}`)
      .catch((error: unknown) => {
        // The orders module's 404 is said as fulfilment's own, so a CSV row and the ship route agree.
        if (error instanceof AppError && error.code === 'not_found')
          throw refuse('shipment_order_not_found', { orderId }, 'No order has this id');
        throw error;
      });
    const autoConfirmAt = addMs(shippedAt, days(deps.autoConfirmDays));
    await q.insertShipment(tx, {
      order_id: orderId,
      carrier: shipment.carrier,
      tracking_number: shipment.trackingNumber,
      shipped_at: shippedAt,
      shipped_by: adminId,
      auto_confirm_at: autoConfirmAt,
    });
    await record(tx, {
      by,
      at: shippedAt,
      action: 'order.ship',
      target: { type: 'order', id: orderId },
      before: { status: 'paid' },
      after: { status: 'shipped', carrier: shipment.carrier, trackingNumber: shipment.trackingNumber },
    });
    await jobs.enqueue(
      tx,
      AUTO_CONFIRM_JOB,
      { orderId },
      { runAt: autoConfirmAt, dedupeKey: `auto-confirm:${orderId}` },
    );
  }

  /** Ships one paid order: 404 unknown, 409 when its state does not allow it, 400 bad fields. */
  async function ship(
    adminId: string,
    orderId: string,
    input: ShipmentInput,
    by?: AuditContext,
  ): Promise<Order> {
    const checked = checkShipment(input);
    if (!checked.ok) throw new AppError('invalid_input', 'The request is invalid', checked.errors);
    return db.transaction(async (tx) => {
      await recordShipment(tx, adminId, orderId, checked.value, by);
      return orders.orderIn(tx, orderId);
    });
  }

  /**
   * Ships every row of a CSV (orderId,carrier,trackingNumber with a header), each in its own
   * transaction: a refused row is reported with its line and reason and never stops the others.
   * Only a file that cannot be read as a whole (no header, an unclosed quote, too many rows) is a 4xx.
   */
  async function importCsv(adminId: string, text: string, by?: AuditContext): Promise<ImportResult> {
    const parsed = parseCsv(text);
    if (parsed.unclosedQuoteAt !== undefined)
      throw withErrors(
        refuse('shipment_csv_unclosed_quote', { line: parsed.unclosedQuoteAt }, 'The CSV cannot be read'),
        [
          {
            path: `/line/${parsed.unclosedQuoteAt}`,
            message: 'a quoted field here is never closed',
            rule: 'csvQuote',
          },
        ],
      );
    const [header, ...records] = parsed.records.filter((r) => !isBlank(r));
    if (!header)
      throw withErrors(refuse('shipment_csv_empty', undefined, 'The CSV is empty'), [
        { path: '/header', message: 'is required: orderId,carrier,trackingNumber', rule: 'required' },
      ]);
    const columns = readHeader(header.fields);
    if (!columns.ok)
      throw withErrors(
        refuse(
          'shipment_csv_columns_missing',
          { missing: columns.missing.join(', ') },
          'The CSV header is not right',
        ),
        columns.errors,
      );
    if (records.length === 0)
      throw withErrors(refuse('shipment_csv_no_rows', undefined, 'The CSV has no rows'), [
        { path: '/line/2', message: 'needs at least one shipment', rule: 'required' },
      ]);
    if (records.length > IMPORT_MAX_ROWS)
      throw refuse(
        'shipment_csv_too_many_rows',
        { rows: records.length, max: IMPORT_MAX_ROWS },
        `A CSV import takes at most ${IMPORT_MAX_ROWS} rows (this one has ${records.length}); split the file`,
      );
    const rows: ImportRowResult[] = [];
    for (const line of records) rows.push(await importRow(adminId, readRow(line, columns.value), by));
    const shipped = rows.filter((r) => r.status === 'shipped').length;
    return { shipped, refused: rows.length - shipped, rows };
  }

  async function importRow(adminId: string, row: ImportRow, by?: AuditContext): Promise<ImportRowResult> {
    const { line, orderId } = row;
    if (row.kind === 'refuse') {
      const { reason, message, errors } = row;
      return { line, orderId, status: 'refused', reason, message, ...(errors ? { errors } : {}) };
    }
    try {
      // One transaction per row: a refused row rolls back alone.
      await db.transaction((tx) => recordShipment(tx, adminId, orderId, row.shipment, by));
      return { line, orderId, status: 'shipped', ...row.shipment };
    } catch (error) {
      // The refusal the ship route would answer with: the same reason and params.
      if (error instanceof AppError)
        return {
          line,
          orderId,
          status: 'refused',
          reason: error.reason,
          ...(error.params ? { params: error.params } : {}),
          message: error.message,
        };
      // Not the row's fault (the database failed): report it and go on with the next rows.
      deps.log?.error({ err: error, orderId, line }, 'shipping a CSV row failed');
      return {
        line,
        orderId,
        status: 'refused',
        reason: 'shipment_row_failed',
        message: 'Could not ship; try again',
      };
    }
  }

  return { ship, importCsv };
}

export type FulfilmentService = ReturnType<typeof createFulfilmentService>;
