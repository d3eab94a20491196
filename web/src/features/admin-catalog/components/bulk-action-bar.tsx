import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { useCurrency } from '../../../lib/config';
import { minorDigits } from '../../../lib/money';
import { type BulkResult, useBulkProducts } from '../api/bulk-products';
import { type BulkForm, type BulkFormError, bulkBody, emptyBulkForm } from './bulk-form';

/**
 * The bar over the product list once products are ticked: archive, restore, set a category, or
 * change price or stock by a percentage or an amount. Each product changes on its own; the bar
 * then says how many changed and which were refused and why.
 */
export function BulkActionBar({
  selected,
  titles,
  onDone,
}: {
  selected: string[];
  titles: Map<string, string>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const currency = useCurrency();
  const bulk = useBulkProducts();
  const [form, setForm] = useState<BulkForm>(emptyBulkForm);
  const [fieldError, setFieldError] = useState<BulkFormError | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const set = (patch: Partial<BulkForm>) => setForm((f) => ({ ...f, ...patch }));
  const changes = form.action === 'price' || form.action === 'stock';

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = bulkBody(form, selected, minorDigits(currency));
    if ('error' in built) {
      setFieldError(built.error);
      return;
    }
    setFieldError(null);
    bulk.mutate(built.body, {
      onSuccess: (answer) => {
        setResult(answer);
        onDone();
      },
    });
  }

  const refused = result?.results.filter((r) => r.outcome !== 'changed' && r.outcome !== 'unchanged') ?? [];
  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      {selected.length > 0 ? (
        <form className="bulk-form" onSubmit={submit}>
          <strong>{t('catalogIo.bulk.selected', { count: selected.length })}</strong>
          <label>
            {t('catalogIo.bulk.action')}
            <select
              value={form.action}
              onChange={(e) => set({ action: e.target.value as BulkForm['action'] })}
              data-testid="bulk-action"
            >
              {(['archive', 'restore', 'set_category', 'price', 'stock'] as const).map((a) => (
                <option key={a} value={a}>
                  {t(`catalogIo.bulk.actions.${a}`)}
                </option>
              ))}
            </select>
          </label>
          {form.action === 'set_category' ? (
            <label>
              {t('catalogIo.bulk.category')}
              <input
                value={form.category}
                onChange={(e) => set({ category: e.target.value })}
                placeholder={t('catalogIo.bulk.categoryHint')}
                data-testid="bulk-category"
              />
            </label>
          ) : null}
          {changes ? (
            <>
              <label>
                {t('catalogIo.bulk.by')}
                <select
                  value={form.by}
                  onChange={(e) => set({ by: e.target.value as BulkForm['by'] })}
                  data-testid="bulk-by"
                >
                  <option value="percent">{t('catalogIo.bulk.percent')}</option>
                  <option value="amount">
                    {form.action === 'price'
                      ? t('catalogIo.bulk.amountPrice')
                      : t('catalogIo.bulk.amountStock')}
                  </option>
                </select>
              </label>
              <label>
                {t('catalogIo.bulk.value')}
                <input
                  inputMode="decimal"
                  value={form.value}
                  onChange={(e) => set({ value: e.target.value })}
                  aria-invalid={fieldError === 'value'}
                  placeholder={form.by === 'percent' ? '-10' : form.action === 'price' ? '-5.00' : '20'}
                  data-testid="bulk-value"
                />
              </label>
            </>
          ) : null}
          {form.action === 'stock' ? (
            <label>
              {t('catalogIo.bulk.reason')}
              <input
                value={form.reason}
                onChange={(e) => set({ reason: e.target.value })}
                aria-invalid={fieldError === 'reason'}
                data-testid="bulk-reason"
              />
            </label>
          ) : null}
          {fieldError ? (
            <p className="field-error" role="alert" data-testid="bulk-field-error">
              {t(`catalogIo.bulk.errors.${fieldError}`)}
            </p>
          ) : null}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={bulk.isPending}
            data-testid="bulk-apply"
          >
            {t('catalogIo.bulk.apply')}
          </button>
        </form>
      ) : null}
      <ErrorMessage error={bulk.error} />
      {result ? (
        <div className="bulk-result" role="status" data-testid="bulk-result">
          <p>{t('catalogIo.bulk.result', { changed: result.changed, refused: result.refused })}</p>
          {refused.length > 0 ? (
            <ul>
              {refused.map((r) => (
                <li key={r.productId} data-testid="bulk-refused">
                  {titles.get(r.productId) ?? r.productId}: {t(`catalogIo.bulk.outcomes.${r.outcome}`)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
