import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProductImage } from '../../../components/product-image';
import type { Product } from '../types';
import { PriceRange } from './price-range';

/** `extra`: shown under the price, e.g. what a share of it earns the viewer. */
export function ProductCard({ product, extra }: { product: Product; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Link to={`/products/${product.id}`} className="product-card" data-testid="product-card">
      <div className="product-card-media">
        <ProductImage src={product.images[0]} alt={product.title} />
        {product.inStock ? null : (
          <span className="badge badge-muted product-card-badge" data-testid="out-of-stock">
            {t('catalog.outOfStock')}
          </span>
        )}
      </div>
      <div className="product-card-body">
        <h3 className="product-card-title" data-testid="product-card-title">
          {product.title}
        </h3>
        <PriceRange min={product.minPrice} max={product.maxPrice} />
        {extra}
      </div>
    </Link>
  );
}
