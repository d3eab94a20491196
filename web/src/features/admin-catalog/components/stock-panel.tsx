import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Spinner } from '../../../components/spinner';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import type { Product, Variant } from '../../catalog';
import { type StockMovement, useStockMovements } from '../api/get-stock-movements';
import { AdjustStockDialog } from './adjust-stock-dialog';

/** Each variant's stock, read-only, with "Adjust stock" and its movement history. */
export function StockPanel({ product }: { product: Product }) {
  const { t } = useTranslation();
  const [adjusting, setAdjusting] = useState<string | null>(null);
  // The live variant, so the dialog shows the stock as refetched (after a sale or a 409).
  const adjusted = product.variants.find((v) => v.id === adjusting) ?? null;
  return (
    <section className="card stock-panel" data-testid="stock-panel">
      <h2>{t('stock.heading')}</h2>
      <p className="muted">{t('stock.hint')}</p>
      <ul className="stock-variants">
        {product.variants.map((variant) => (
          <VariantStock key={variant.id} variant={variant} onAdjust={() => setAdjusting(variant.id)} />
        ))}
      </ul>
      <AdjustStockDialog productId={product.id} variant={adjusted} onClose={() => setAdjusting(null)} />
    </section>
  );
}

function VariantStock({ variant, onAdjust }: { variant: Variant; onAdjust: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li className="stock-variant" data-testid="stock-variant">
      <div className="stock-variant-head">
        <div>
          <strong>{variant.title || variant.sku}</strong>
          <div className="muted stock-sku">{variant.sku}</div>
        </div>
        <span className={`stock-figure${variant.stock === 0 ? ' stock-out' : ''}`} data-testid="stock-figure">
          {t('stock.inStock', { count: variant.stock })}
        </span>
      </div>
      <div className="stock-variant-actions">
        <button
          type="button"
          className="btn btn-outline btn-small"
          onClick={onAdjust}
          data-testid="adjust-stock"
        >
          {t('stock.adjust')}
        </button>
        <button
          type="button"
          className="btn btn-link btn-small"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          data-testid="stock-history-toggle"
        >
          {open ? t('stock.hideHistory') : t('stock.showHistory')}
        </button>
      </div>
      {open ? <StockHistory variantId={variant.id} /> : null}
    </li>
  );
}

function StockHistory({ variantId }: { variantId: string }) {
  const { t } = useTranslation();
  const movements = useStockMovements(variantId);
  if (movements.isPending) return <Spinner />;
  if (movements.isError) return <ErrorMessage error={movements.error} />;
  const items = allItems(movements.data);
  if (items.length === 0) return <p className="muted">{t('stock.empty')}</p>;
  return (
    <>
      <ol className="stock-history" data-testid="stock-history">
        {items.map((m) => (
          <MovementRow key={m.id} movement={m} />
        ))}
      </ol>
      <LoadMore pages={movements} />
    </>
  );
}

/** Reasons the server writes itself (catalog/service.ts, aftersales/service.ts), in the reader's language. */
const SYSTEM_REASONS = {
  'product created': 'stock.reasons.productCreated',
  'variant added': 'stock.reasons.variantAdded',
  'after-sales refund': 'fulfilment.notes.afterSalesRefund',
  'after-sales return': 'fulfilment.notes.afterSalesReturn',
} as const;

const isSystemReason = (reason: string): reason is keyof typeof SYSTEM_REASONS => reason in SYSTEM_REASONS;

function MovementRow({ movement: m }: { movement: StockMovement }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const who = m.actorId ? t('stock.operator', { id: m.actorId.slice(-6) }) : t('stock.system');
  return (
    <li className="stock-movement" data-testid="stock-movement">
      <div className="stock-movement-main">
        <span className={`stock-delta ${m.delta < 0 ? 'stock-delta-out' : 'stock-delta-in'}`}>
          {m.delta > 0 ? `+${m.delta}` : m.delta}
        </span>
        <span>{t(`stock.kind.${m.kind}`)}</span>
        <span className="muted">{t('stock.after', { count: m.stock })}</span>
      </div>
      <div className="muted stock-movement-meta">
        {dateTime(m.createdAt)} · {who}
        {m.orderId ? (
          <>
            {' · '}
            <Link to={`/admin/orders/${m.orderId}`}>{t('stock.order', { id: m.orderId.slice(-6) })}</Link>
          </>
        ) : null}
      </div>
      {m.reason ? (
        <div className="stock-movement-reason">
          {isSystemReason(m.reason) ? t(SYSTEM_REASONS[m.reason]) : m.reason}
        </div>
      ) : null}
    </li>
  );
}
