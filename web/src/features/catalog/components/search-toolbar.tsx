import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrency } from '../../../lib/config';
import { formatDecimal, minorDigits, parseDecimal } from '../../../lib/money';
import type { ProductSort } from '../api/get-products';

const SORT_LABELS: Record<ProductSort, string> = {
  relevance: 'discovery.sortRelevance',
  popular: 'discovery.sortPopular',
  price_asc: 'discovery.sortPriceAsc',
  price_desc: 'discovery.sortPriceDesc',
  newest: 'discovery.sortNewest',
};

export interface PriceBounds {
  minPrice?: number;
  maxPrice?: number;
}

/** Relevance only means something with a query; without one the list is newest first. */
export const sortsFor = (hasQuery: boolean): ProductSort[] =>
  (Object.keys(SORT_LABELS) as ProductSort[]).filter((s) => hasQuery || s !== 'relevance');

/** Sort choice of a product list. */
export function SortSelect({
  value,
  hasQuery,
  onChange,
}: {
  value: ProductSort;
  hasQuery: boolean;
  onChange: (sort: ProductSort) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="sort-select">
      <span className="visually-hidden">{t('discovery.sort')}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as ProductSort)}
        data-testid="sort-select"
      >
        {sortsFor(hasQuery).map((sort) => (
          <option key={sort} value={sort}>
            {t(SORT_LABELS[sort] as 'discovery.sortNewest')}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The price filter: amounts typed in the currency's units ("39.5"), sent in minor units. A top below
 * the bottom is caught here, so the server's 400 for it is only a backstop.
 */
export function PriceFilter({ value, onApply }: { value: PriceBounds; onApply: (b: PriceBounds) => void }) {
  const { t } = useTranslation();
  const digits = minorDigits(useCurrency());
  const shown = (minor: number | undefined) => (minor === undefined ? '' : formatDecimal(minor, digits));
  const [min, setMin] = useState(shown(value.minPrice));
  const [max, setMax] = useState(shown(value.maxPrice));
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill only when the applied bounds change
  useEffect(() => {
    setMin(shown(value.minPrice));
    setMax(shown(value.maxPrice));
  }, [value.minPrice, value.maxPrice]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parse = (text: string) => (text.trim() === '' ? undefined : parseDecimal(text, digits));
    const bounds = { minPrice: parse(min), maxPrice: parse(max) };
    if (bounds.minPrice === null || bounds.maxPrice === null) return setError(t('discovery.priceInvalid'));
    if (bounds.minPrice !== undefined && bounds.maxPrice !== undefined && bounds.maxPrice < bounds.minPrice)
      return setError(t('discovery.priceOrder'));
    setError(null);
    onApply({ minPrice: bounds.minPrice, maxPrice: bounds.maxPrice });
  }

  return (
    <form
      className="price-filter"
      onSubmit={submit}
      aria-label={t('discovery.price')}
      data-testid="price-filter"
    >
      <input
        inputMode="decimal"
        placeholder={t('discovery.minPrice')}
        aria-label={t('discovery.minPrice')}
        value={min}
        onChange={(e) => setMin(e.target.value)}
        data-testid="min-price"
      />
      <span aria-hidden="true">–</span>
      <input
        inputMode="decimal"
        placeholder={t('discovery.maxPrice')}
        aria-label={t('discovery.maxPrice')}
        value={max}
        onChange={(e) => setMax(e.target.value)}
        data-testid="max-price"
      />
      <button type="submit" className="btn btn-outline btn-small" data-testid="apply-price">
        {t('discovery.applyPrice')}
      </button>
      {error ? (
        <p className="field-error" role="alert" data-testid="price-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
