import { type FormEvent, type InputHTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useCurrency, useDateTime, useMoney } from '../../../lib/config';
import { minorDigits, parseDecimal } from '../../../lib/money';
import { allItems } from '../../../lib/paged-query';
import { useVariantChoices } from '../../groupbuy/admin';
import { useAdminFlashSales, useCloseFlashSale, useCreateFlashSale } from '../api/flash-sales';
import { StockBar } from '../components/stock-bar';
import type { FlashSale } from '../types';

/** The operator's flash sales: a new one, and every sale with what is left and a way to close it. */
export function AdminFlashSalesPage() {
  const { t } = useTranslation();
  const list = useAdminFlashSales();
  const sales = allItems(list.data);
  return (
    <section className="page" data-testid="admin-flash-sales">
      <h1>{t('adminFlashSales.title')}</h1>
      <SaleForm />
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={list.isSuccess && sales.length === 0}
        emptyTitle={t('adminFlashSales.none')}
      />
      {sales.length > 0 ? (
        <div className="table-wrap">
          <table className="table responsive-table">
            <thead>
              <tr>
                <th>{t('adminFlashSales.product')}</th>
                <th>{t('adminFlashSales.window')}</th>
                <th>{t('adminFlashSales.left')}</th>
                <th>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sales.map((sale) => (
                <SaleRow key={sale.id} sale={sale} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={list} />
    </section>
  );
}

function SaleRow({ sale }: { sale: FlashSale }) {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const close = useCloseFlashSale();
  return (
    <tr data-testid="admin-flash-sale-row" data-status={sale.status}>
      <td data-label={t('adminFlashSales.product')}>
        {sale.product.title}
        <small className="muted muted-block">
          {money(sale.price)} · {t('flashSale.limit', { count: sale.perUserLimit })}
        </small>
      </td>
      <td data-label={t('adminFlashSales.window')}>
        {dateTime(sale.startsAt)} – {dateTime(sale.endsAt)}
        <small className="muted muted-block">{t(`flashSale.status.${sale.status}`)}</small>
      </td>
      <td data-label={t('adminFlashSales.left')}>
        <StockBar quantity={sale.quantity} remaining={sale.remaining} />
      </td>
      <td data-label={t('admin.actions')}>
        {sale.status === 'ended' ? null : (
          <button
            type="button"
            className="btn btn-outline btn-small"
            disabled={close.isPending}
            onClick={() => close.mutate(sale.id)}
            data-testid="flash-sale-close"
          >
            {t('adminFlashSales.close')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** `datetime-local` text (the operator's own clock) as an instant, or null when it is not one. */
const instantOf = (local: string) => {
  const date = new Date(local);
  return local && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
};

interface SaleDraft {
  price: string;
  quantity: string;
  limit: string;
  startsAt: string;
  endsAt: string;
}

const NEW_SALE: SaleDraft = { price: '', quantity: '100', limit: '1', startsAt: '', endsAt: '' };

/** One labelled box of the form, bound to its field of the draft. */
function DraftInput({
  label,
  value,
  onChange,
  testId,
  ...input
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode'>) {
  return (
    <label>
      {label}
      <input {...input} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
}

function SaleForm() {
  const { t } = useTranslation();
  const digits = minorDigits(useCurrency());
  const money = useMoney();
  const [search, setSearch] = useState('');
  const variants = useVariantChoices(search);
  const [variantId, setVariantId] = useState('');
  const [draft, setDraft] = useState<SaleDraft>(NEW_SALE);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateFlashSale();
  const bind = (key: keyof SaleDraft) => ({
    value: draft[key],
    onChange: (value: string) => setDraft((d) => ({ ...d, [key]: value })),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const price = parseDecimal(draft.price, digits);
    const [startsAt, endsAt] = [instantOf(draft.startsAt), instantOf(draft.endsAt)];
    const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : null);
    const [quantity, perUserLimit] = [whole(draft.quantity), whole(draft.limit)];
    if (!variantId || price === null || !startsAt || !endsAt || quantity === null || perUserLimit === null) {
      setProblem(t('adminFlashSales.fillIn'));
      return;
    }
    setProblem(null);
    create.mutate({ variantId, price, quantity, perUserLimit, startsAt, endsAt });
  }

  return (
    <form className="card campaign-form" onSubmit={submit} noValidate data-testid="flash-sale-form">
      <h2>{t('adminFlashSales.new')}</h2>
      <label>
        {t('adminGroupBuys.findProduct')}
        <input value={search} onChange={(e) => setSearch(e.target.value)} data-testid="flash-search" />
      </label>
      <label>
        {t('adminGroupBuys.variant')}
        <select value={variantId} onChange={(e) => setVariantId(e.target.value)} data-testid="flash-variant">
          <option value="">—</option>
          {variants.data?.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label} ({money(v.price)})
            </option>
          ))}
        </select>
      </label>
      <div className="form-row">
        <DraftInput
          label={t('adminFlashSales.price')}
          inputMode="decimal"
          testId="flash-price-input"
          {...bind('price')}
        />
        <DraftInput
          label={t('adminFlashSales.quantity')}
          inputMode="numeric"
          testId="flash-quantity"
          {...bind('quantity')}
        />
        <DraftInput
          label={t('adminFlashSales.perUserLimit')}
          inputMode="numeric"
          testId="flash-limit"
          {...bind('limit')}
        />
      </div>
      <div className="form-row">
        <DraftInput
          label={t('adminFlashSales.startsAt')}
          type="datetime-local"
          testId="flash-starts"
          {...bind('startsAt')}
        />
        <DraftInput
          label={t('adminFlashSales.endsAt')}
          type="datetime-local"
          testId="flash-ends"
          {...bind('endsAt')}
        />
      </div>
      {problem ? <p className="alert alert-error">{problem}</p> : null}
      <ErrorMessage error={create.error} />
      {create.isSuccess ? (
        <p className="alert alert-success" role="status" data-testid="flash-sale-created">
          {t('adminFlashSales.created')}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={create.isPending}
        data-testid="flash-submit"
      >
        {create.isPending ? t('common.working') : t('adminFlashSales.create')}
      </button>
    </form>
  );
}
