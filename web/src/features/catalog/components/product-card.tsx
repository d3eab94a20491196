import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProductImage } from '../../../components/product-image';
import { useMoney } from '../../../lib/config';
import { FriendsBoughtBadge } from '../../recommendations';
import { useGroupPrice } from '../api/get-group-deals';
import type { Product } from '../types';
import { PriceRange } from './price-range';

/** "Group ¥39" on a product with a running group-buy campaign: its lowest group price. */
function GroupPriceBadge({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const price = useGroupPrice(productId);
  if (price === undefined) return null;
  return (
    <span className="badge group-price-badge" data-testid="group-price-badge">
      {t('discovery.groupPrice', { price: money(price) })}
    </span>
  );
}

/**
 * `extra`: shown under the price, e.g. what a share of it earns the viewer. `testId` tells a card of
 * a home-page section from one of a product list, which tests count.
 */
export function ProductCard({
  product,
  extra,
  testId = 'product-card',
}: {
  product: Product;
  extra?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Link to={`/products/${product.id}`} className="product-card" data-testid={testId}>
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
        <GroupPriceBadge productId={product.id} />
        <FriendsBoughtBadge productId={product.id} />
        {extra}
      </div>
    </Link>
  );
}
