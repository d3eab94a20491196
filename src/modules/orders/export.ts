import { majorUnits } from '../../platform/csv.js';
import type { AdminOrder } from './service.js';

export const ORDER_EXPORT_HEADER = [
  'order_id',
  'created_at',
  'status',
  'buyer_id',
  'buyer_name',
  'buyer_email',
  'currency',
  'subtotal',
  'discount',
  'total',
  'refunded',
  'sku',
  'item',
  'variant',
  'unit_price',
  'quantity',
  'line_total',
  'refunded_quantity',
  'share_code',
  'store',
  'recipient',
  'phone',
  'address',
  'carrier',
  'tracking_number',
] as const;

/** One row per item of an order, the order's own columns repeated on each, money in major units. */
export function orderExportRows(o: AdminOrder): (string | number | null)[][] {
  const money = (amount: number) => majorUnits(amount, o.currency);
  const a = o.address;
  const address = a ? [a.line1, a.line2, a.city, a.postalCode, a.country].filter(Boolean).join(', ') : null;
  return o.items.map((item) => [
    o.id,
    o.createdAt,
    o.status,
    o.buyer.id,
    o.buyer.name,
    o.buyer.email,
    o.currency,
    money(o.subtotal),
    money(o.discount),
    money(o.total),
    money(o.refundedAmount),
    item.sku,
    item.title,
    item.variantTitle,
    money(item.unitPrice),
    item.quantity,
    money(item.lineTotal),
    item.refundedQuantity,
    o.shareCode,
    o.storeSlug,
    a?.name ?? null,
    a?.phone ?? null,
    address,
    o.shipment?.carrier ?? null,
    o.shipment?.trackingNumber ?? null,
  ]);
}
