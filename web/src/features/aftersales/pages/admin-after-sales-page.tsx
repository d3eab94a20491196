import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useAdminAfterSales, useDecideAfterSale } from '../api/admin-after-sales';
import { AfterSaleCard } from '../components/after-sale-card';
import { AFTER_SALE_STATUSES, type AfterSale, type AfterSaleStatus } from '../types';

const toStatus = (text: string | null): AfterSaleStatus | undefined =>
  AFTER_SALE_STATUSES.find((s) => s === text);

/** The operator's after-sales queue: open requests first by default, approve or reject each. */
export function AdminAfterSalesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = raw === 'all' ? undefined : (toStatus(raw) ?? 'requested');
  const list = useAdminAfterSales(status);
  const items = allItems(list.data);
  return (
    <section data-testid="admin-after-sales">
      <h1>{t('afterSales.adminTitle')}</h1>
      <div className="chips" role="toolbar" aria-label={t('afterSales.filter')}>
        {[undefined, ...AFTER_SALE_STATUSES].map((s) => (
          <button
            key={s ?? 'all'}
            type="button"
            className={`chip${s === status ? ' chip-active' : ''}`}
            aria-pressed={s === status}
            onClick={() => setParams({ status: s ?? 'all' })}
          >
            {s ? t(`afterSales.status.${s}`) : t('catalog.all')}
          </button>
        ))}
      </div>
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={items.length === 0}
        emptyTitle={t('afterSales.noneAdmin')}
        emptyTestId="admin-after-sales-empty"
      />
      <ul className="after-sales">
        {items.map((sale) => (
          <AfterSaleCard key={sale.id} sale={sale} orderHref={`/admin/orders/${sale.orderId}`}>
            {sale.status === 'requested' ? <Decide sale={sale} /> : null}
          </AfterSaleCard>
        ))}
      </ul>
      <LoadMore pages={list} />
    </section>
  );
}

function Decide({ sale }: { sale: AfterSale }) {
  const { t } = useTranslation();
  const decide = useDecideAfterSale();
  const [note, setNote] = useState('');
  // A return refunds goods only unless the operator includes the fee (a refund's fee is decided already).
  const [includeShipping, setIncludeShipping] = useState(false);
  return (
    <div className="after-sale-decide">
      {sale.type === 'return' && sale.shippingRefunded === 0 ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeShipping}
            onChange={(e) => setIncludeShipping(e.target.checked)}
            data-testid="after-sale-include-shipping"
          />
          {t('shipping.includeInReturn')}
        </label>
      ) : null}
      <input
        type="text"
        maxLength={500}
        placeholder={t('afterSales.notePlaceholder')}
        aria-label={t('afterSales.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="after-sale-note-input"
      />
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={decide.isPending}
          onClick={() => decide.mutate({ id: sale.id, action: 'approve', includeShipping })}
          data-testid="after-sale-approve"
        >
          {t('afterSales.approve')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={decide.isPending || !note.trim()}
          title={note.trim() ? undefined : t('afterSales.noteNeeded')}
          onClick={() => decide.mutate({ id: sale.id, action: 'reject', note: note.trim() })}
          data-testid="after-sale-reject"
        >
          {t('afterSales.reject')}
        </button>
      </div>
      <ErrorMessage error={decide.error} />
    </div>
  );
}
