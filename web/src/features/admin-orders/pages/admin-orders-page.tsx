import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CsvDownloadButton } from '../../../components/csv-download-button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Spinner } from '../../../components/spinner';
import { useDateTime, useMoney } from '../../../lib/config';
import { OrderStatusBadge, OrderStatusFilter, toOrderStatus } from '../../orders';
import { useAdminOrders } from '../api/get-admin-orders';

export function AdminOrdersPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const [params, setParams] = useSearchParams();
  const status = toOrderStatus(params.get('status'));
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const orders = useAdminOrders({ status, q: q || undefined });
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];

  function update(next: { status?: string | undefined; q?: string }) {
    const query = new URLSearchParams();
    const nextStatus = 'status' in next ? next.status : status;
    const text = next.q ?? q;
    if (nextStatus) query.set('status', nextStatus);
    if (text) query.set('q', text);
    setParams(query);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    update({ q: search.trim() });
  }

  return (
    <section>
      <div className="page-heading">
        <h1>{t('admin.orders')}</h1>
        <div className="page-actions">
          <CsvDownloadButton
            path="/api/admin/orders/export.csv"
            query={{ status, q: q || undefined }}
            name="orders"
            testId="admin-orders-export"
          />
          <Link className="btn btn-outline" to="/admin/orders/ship-csv" data-testid="ship-csv-link">
            {t('fulfilment.admin.importCsv')}
          </Link>
        </div>
      </div>
      <search>
        <form className="toolbar" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="admin-order-search">
            {t('common.search')}
          </label>
          <input
            id="admin-order-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('admin.searchOrders')}
          />
          <button type="submit" className="btn btn-outline">
            {t('common.search')}
          </button>
        </form>
      </search>
      <div className="to-ship-filter">
        <button
          type="button"
          className={`chip${status === 'paid' ? ' chip-active' : ''}`}
          aria-pressed={status === 'paid'}
          onClick={() => update({ status: status === 'paid' ? undefined : 'paid' })}
          data-testid="filter-to-ship"
        >
          {t('fulfilment.admin.toShip')}
        </button>
      </div>
      <OrderStatusFilter value={status} onChange={(s) => update({ status: s })} />
      {orders.isPending ? <Spinner /> : null}
      <ErrorMessage error={orders.error} />
      {orders.isSuccess && items.length === 0 ? <EmptyState title={t('orders.none')} /> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-orders-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.orderPlaced')}</th>
                <th scope="col">{t('admin.buyer')}</th>
                <th scope="col">{t('orders.items')}</th>
                <th scope="col">{t('orders.total')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((order) => (
                <tr key={order.id} data-testid="admin-order-row">
                  <td data-label={t('admin.orderPlaced')}>{dateTime(order.createdAt)}</td>
                  <td data-label={t('admin.buyer')}>
                    {order.buyer?.name}
                    <br />
                    <small className="muted">{order.buyer?.email}</small>
                  </td>
                  <td data-label={t('orders.items')}>
                    {order.items.reduce((sum, i) => sum + i.quantity, 0)}
                  </td>
                  <td data-label={t('orders.total')}>{money(order.total)}</td>
                  <td data-label={t('admin.status')}>
                    <OrderStatusBadge status={order.status} />
                  </td>
                  <td data-label={t('admin.actions')}>
                    <Link to={`/admin/orders/${order.id}`}>{t('admin.view')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={orders} />
    </section>
  );
}
