import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Spinner } from '../../../components/spinner';
import { BargainStrip } from '../../bargains';
import { FlashSaleStrip } from '../../flashsales';
import { LiveNowStrip } from '../../live';
import { ForYouSection } from '../../recommendations';
import { type ProductFilter, type ProductSort, useProducts } from '../api/get-products';
import { CategoryChips } from '../components/category-chips';
import { HomeSections } from '../components/home-sections';
import { ProductCard } from '../components/product-card';
import { SearchResults } from '../components/search-results';
import { sortsFor } from '../components/search-toolbar';

const MONEY_PARAM = /^\d{1,12}$/;

/** The list filter the address names (`/?q=&category=&sort=&minPrice=&maxPrice=`); unknown values are ignored. */
function filterOf(params: URLSearchParams): ProductFilter {
  const q = params.get('q')?.trim() || undefined;
  const sort = params.get('sort') as ProductSort | null;
  const money = (name: string) => {
    const text = params.get(name);
    return text && MONEY_PARAM.test(text) ? Number(text) : undefined;
  };
  return {
    q,
    category: params.get('category') || undefined,
    sort: sort && sortsFor(Boolean(q)).includes(sort) ? sort : undefined,
    minPrice: money('minPrice'),
    maxPrice: money('maxPrice'),
  };
}

function paramsOf(filter: ProductFilter): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') next.set(key, String(value));
  }
  return next;
}

/** Every product, newest first, under the sections (what the storefront showed before them). */
function AllProducts() {
  const { t } = useTranslation();
  const products = useProducts({});
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="home-all" aria-label={t('discovery.allProducts')}>
      <h2>{t('discovery.allProducts')}</h2>
      {products.isPending ? <Spinner /> : null}
      <ErrorMessage error={products.error} />
      {products.isSuccess && items.length === 0 ? (
        <EmptyState title={t('catalog.noProducts')} testId="empty-products" />
      ) : null}
      <div className="product-grid" data-testid="product-grid">
        {items.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </div>
      <LoadMore pages={products} />
    </section>
  );
}

/**
 * The storefront. With nothing asked: the hero, category chips, the sections (group deals, coupons,
 * new in, popular) and every product. With a search, a category, a sort or a price range: the results
 * view with its sort, price filter and count.
 */
export function HomePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const listing = Object.values(filter).some((v) => v !== undefined);

  const change = (next: ProductFilter) => setParams(paramsOf(next));
  const selectCategory = (slug: string | undefined) => change({ ...filter, category: slug });

  return (
    <section className="page">
      {filter.q ? (
        <h1 className="page-title" data-testid="search-heading">
          {t('catalog.resultsFor', { q: filter.q })}
        </h1>
      ) : listing ? null : (
        <div className="hero">
          <h1>{t('catalog.heroTitle')}</h1>
          <p>{t('catalog.heroText')}</p>
        </div>
      )}
      <CategoryChips selected={filter.category} onSelect={selectCategory} />
      {listing ? (
        <SearchResults filter={filter} onChange={change} />
      ) : (
        <>
          <LiveNowStrip />
          <FlashSaleStrip />
          <BargainStrip />
          <ForYouSection />
          <HomeSections />
          <AllProducts />
        </>
      )}
    </section>
  );
}
