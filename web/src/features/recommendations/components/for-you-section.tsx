import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ProductImage } from '../../../components/product-image';
import { useMoney } from '../../../lib/config';
import { useUser } from '../../auth';
import { useForYou } from '../api/recommendations';
import type { Recommendation } from '../types';

const SHOWN = 12;

function ForYouCard({ item }: { item: Recommendation }) {
  const money = useMoney();
  const { product, reason } = item;
  return (
    <Link to={`/products/${product.id}`} className="product-card for-you-card" data-testid="for-you-item">
      <div className="product-card-media">
        <ProductImage src={product.images[0]} alt={product.title} />
      </div>
      <div className="product-card-body">
        <h3 className="product-card-title">{product.title}</h3>
        {product.minPrice !== null ? <span className="price">{money(product.minPrice)}</span> : null}
        <small
          className={`for-you-reason reason-${reason.type}`}
          data-testid="for-you-reason"
          data-type={reason.type}
        >
          {reason.text}
        </small>
      </div>
    </Link>
  );
}

/** The home page's "for you": the person's recommendations with why, or popular ones when signed out. */
export function ForYouSection() {
  const { t } = useTranslation();
  const { user } = useUser();
  const recommendations = useForYou(SHOWN);
  const items = recommendations.data?.items ?? [];
  const title = user ? t('recommendations.forYou') : t('recommendations.popular');
  if (recommendations.isPending || recommendations.isError) return null;
  return (
    <section className="home-section" data-testid="home-for-you" aria-label={title}>
      <header className="home-section-head">
        <h2>{title}</h2>
      </header>
      {items.length === 0 ? (
        <EmptyState title={t('recommendations.empty')} testId="for-you-empty" />
      ) : (
        <div className="home-rail">
          {items.map((item) => (
            <ForYouCard key={item.product.id} item={item} />
          ))}
        </div>
      )}
    </section>
  );
}
