import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { ProductImage } from '../../../components/product-image';
import { PriceRange, useProducts } from '../../catalog';
import { useStoreById } from '../api/get-store-page';
import { useSetListing } from '../api/set-listing';

/** The operator's catalog with a list/unlist switch per product, for the shopkeeper's store. */
export function ListingsEditor({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const catalog = useProducts({ q: q || undefined });
  const store = useStoreById(storeId);
  const setListing = useSetListing();
  const listed = new Set(store.data?.products.map((p) => p.id));
  const products = catalog.data?.pages.flatMap((p) => p.items) ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    setQ(search.trim());
  }

  return (
    <section className="card" data-testid="listings-editor">
      <h2>{t('stores.productsTitle')}</h2>
      <p className="muted">{t('stores.productsHint', { count: listed.size })}</p>
      <search>
        <form className="toolbar" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="listing-search">
            {t('common.search')}
          </label>
          <input
            id="listing-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('nav.searchPlaceholder')}
          />
          <button type="submit" className="btn btn-outline btn-small">
            {t('common.search')}
          </button>
        </form>
      </search>
      <ErrorMessage error={setListing.error} />
      <ListStatus
        pending={catalog.isPending || store.isPending}
        error={catalog.error ?? store.error}
        empty={products.length === 0}
        emptyTitle={t('catalog.noProducts')}
      />
      <ul className="plain-list">
        {products.map((product) => {
          const isListed = listed.has(product.id);
          const busy = setListing.isPending && setListing.variables?.productId === product.id;
          return (
            <li key={product.id} className="listing-row" data-testid="listing-row" data-listed={isListed}>
              <ProductImage src={product.images[0]} alt={product.title} className="listing-thumb" />
              <span className="listing-title">
                {product.title}
                <PriceRange min={product.minPrice} max={product.maxPrice} />
              </span>
              <button
                type="button"
                className={`btn btn-small ${isListed ? 'btn-outline' : 'btn-primary'}`}
                disabled={busy}
                aria-pressed={isListed}
                onClick={() => setListing.mutate({ storeId, productId: product.id, listed: !isListed })}
                data-testid="listing-toggle"
              >
                {isListed ? t('stores.unlist') : t('stores.list')}
              </button>
            </li>
          );
        })}
      </ul>
      <LoadMore pages={catalog} />
    </section>
  );
}
