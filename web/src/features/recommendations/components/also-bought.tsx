import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProductImage } from '../../../components/product-image';
import { useMoney } from '../../../lib/config';
import { useUser } from '../../auth';
import { recordActivity, useAlsoBought } from '../api/recommendations';

/** "People also bought" under a product; nothing at all until someone bought it with something else. */
export function AlsoBought({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { user } = useUser();
  const also = useAlsoBought(productId, 8);
  // A signed-in visit is a view the recommender learns from.
  useEffect(() => {
    if (user) recordActivity(productId, 'view');
  }, [productId, user]);
  const items = also.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section
      className="home-section also-bought"
      data-testid="also-bought"
      aria-label={t('recommendations.alsoBought')}
    >
      <header className="home-section-head">
        <h2>{t('recommendations.alsoBought')}</h2>
      </header>
      <div className="home-rail">
        {items.map((product) => (
          <Link
            key={product.id}
            to={`/products/${product.id}`}
            className="product-card"
            data-testid="also-bought-item"
          >
            <div className="product-card-media">
              <ProductImage src={product.images[0]} alt={product.title} />
            </div>
            <div className="product-card-body">
              <h3 className="product-card-title">{product.title}</h3>
              {product.minPrice !== null ? <span className="price">{money(product.minPrice)}</span> : null}
            </div>
          </Link>
        ))}
      </div>
    </section>
  );
}
