import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrderAfterSales } from '../api/order-after-sales';
import type { AfterSaleType } from '../types';
import { AfterSaleCard } from './after-sale-card';
import { AfterSaleForm, type RequestableOrder } from './after-sale-form';

/**
 * Which request an order admits: a refund before it ships, a return after; none otherwise, and
 * none for a points-mall redemption (paid in points, it has no after-sales).
 */
const typeFor = (order: { status: string; pointsRedemption?: boolean }): AfterSaleType | null =>
  order.pointsRedemption
    ? null
    : order.status === 'paid'
      ? 'refund'
      : order.status === 'shipped' || order.status === 'completed'
        ? 'return'
        : null;

/** The order page's after-sales part: its requests, and the way to ask for one. */
export function OrderAfterSales({
  order,
}: {
  order: RequestableOrder & { status: string; pointsRedemption?: boolean };
}) {
  const { t } = useTranslation();
  const requests = useOrderAfterSales(order.id);
  const [asking, setAsking] = useState(false);
  const type = typeFor(order);
  const list = requests.data?.items ?? [];
  // Units named by a request still waiting cannot be asked for again: the form offers the rest.
  const waiting = new Map<string, number>();
  for (const sale of list.filter((s) => s.status === 'requested'))
    for (const item of sale.items)
      waiting.set(item.orderItemId, (waiting.get(item.orderItemId) ?? 0) + item.quantity);
  const askable = {
    ...order,
    items: order.items.map((i) => ({
      ...i,
      refundedQuantity: (i.refundedQuantity ?? 0) + (waiting.get(i.id) ?? 0),
    })),
  };
  const unitsLeft = askable.items.some((i) => i.quantity - i.refundedQuantity > 0);
  return (
    <div className="order-after-sales" data-testid="order-after-sales">
      {list.length > 0 ? (
        <div className="card">
          <h2>{t('afterSales.title')}</h2>
          <ul className="after-sales">
            {list.map((sale) => (
              <AfterSaleCard key={sale.id} sale={sale} orderHref={null} />
            ))}
          </ul>
        </div>
      ) : null}
      {type && unitsLeft && !asking ? (
        <button
          type="button"
          className="btn btn-outline btn-block"
          onClick={() => setAsking(true)}
          data-testid="request-after-sale"
        >
          {t(`afterSales.ask.${type}`)}
        </button>
      ) : null}
      {type && asking ? <AfterSaleForm order={askable} type={type} onDone={() => setAsking(false)} /> : null}
    </div>
  );
}
