import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Spinner } from '../../../components/spinner';
import { type ProductFilter, type ProductSort, useProducts } from '../api/get-products';
import { ProductCard } from './product-card';
import { type PriceBounds, PriceFilter, SortSelect } from './search-toolbar';

/**
 * A product list with its sort, price filter and count: search results, a category, or "see all"
 * of a home-page section. `onChange` writes the new filter into the address, so results are linkable.
 */
export function SearchResults({
  filter,
  onChange,
}: {
  filter: ProductFilter;
  onChange: (next: ProductFilter) => void;
}) {
  const { t } = useTranslation();
  const products = useProducts(filter);
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];
  const total = products.data?.pages[0]?.total;
  const hasQuery = Boolean(filter.q);
  const sort: ProductSort = filter.sort ?? (hasQuery ? 'relevance' : 'newest');
  const bounds: PriceBounds = { minPrice: filter.minPrice, maxPrice: filter.maxPrice };

  return (
    <>
      <div className="results-toolbar">
        {total !== undefined ? (
          <p className="results-count" role="status" data-testid="result-count">
            {t('discovery.resultCount', { count: total })}
          </p>
        ) : null}
        <SortSelect
          value={sort}
          hasQuery={hasQuery}
          onChange={(next) => onChange({ ...filter, sort: next })}
        />
      </div>
      <PriceFilter value={bounds} onApply={(b) => onChange({ ...filter, ...b })} />
      {products.isPending ? <Spinner /> : null}
      <ErrorMessage error={products.error} />
      {products.isSuccess && items.length === 0 ? (
        <EmptyState
          title={filter.q ? t('catalog.noMatch', { q: filter.q }) : t('catalog.noProducts')}
          testId="empty-products"
        />
      ) : null}
      <div className="product-grid" data-testid="product-grid">
        {items.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </div>
      <LoadMore pages={products} />
    </>
  );
}
