import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Spinner } from '../../../components/spinner';
import { useProducts } from '../api/get-products';
import { CategoryChips } from '../components/category-chips';
import { ProductCard } from '../components/product-card';

export function HomePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const category = params.get('category') || undefined;
  const products = useProducts({ q, category });
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];

  function selectCategory(slug: string | undefined) {
    const next = new URLSearchParams(params);
    if (slug) next.set('category', slug);
    else next.delete('category');
    setParams(next);
  }

  return (
    <section className="page">
      {q ? (
        <h1 className="page-title" data-testid="search-heading">
          {t('catalog.resultsFor', { q })}
        </h1>
      ) : (
        <div className="hero">
          <h1>{t('catalog.heroTitle')}</h1>
          <p>{t('catalog.heroText')}</p>
        </div>
      )}
      <CategoryChips selected={category} onSelect={selectCategory} />
      {products.isPending ? <Spinner /> : null}
      <ErrorMessage error={products.error} />
      {products.isSuccess && items.length === 0 ? (
        <EmptyState
          title={q ? t('catalog.noMatch', { q }) : t('catalog.noProducts')}
          testId="empty-products"
        />
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
