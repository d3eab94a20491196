import { ProductImage } from '../../../components/product-image';
import type { GiftItem } from '../types';

/** What is in the parcel, without what it cost: how a gift shows its contents. */
export function GiftItems({ items }: { items: readonly GiftItem[] }) {
  return (
    <ul className="gift-items" data-testid="gift-items">
      {items.map((item) => (
        <li key={`${item.productId}-${item.variantTitle}`}>
          <ProductImage src={item.image ?? undefined} alt={item.title} className="summary-thumb" />
          <span>
            {item.title}
            {item.variantTitle ? <small className="muted"> · {item.variantTitle}</small> : null}
          </span>
          <span className="muted">× {item.quantity}</span>
        </li>
      ))}
    </ul>
  );
}
