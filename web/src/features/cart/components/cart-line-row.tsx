import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProductImage } from '../../../components/product-image';
import { useMoney } from '../../../lib/config';
import { type CartLine, cart, MAX_QUANTITY } from '../cart-store';

export function CartLineRow({ line }: { line: CartLine }) {
  const { t } = useTranslation();
  const money = useMoney();
  const max = Math.min(line.maxQuantity, MAX_QUANTITY);
  return (
    <li className="cart-line" data-testid="cart-line">
      <Link to={`/products/${line.productId}`} className="cart-line-image">
        <ProductImage src={line.image ?? undefined} alt={line.title} />
      </Link>
      <div className="cart-line-info">
        <Link to={`/products/${line.productId}`} className="cart-line-title">
          {line.title}
        </Link>
        <span className="muted">{line.variantTitle}</span>
        <span className="price">{money(line.price)}</span>
      </div>
      <div className="cart-line-actions">
        <div className="stepper stepper-small">
          <button
            type="button"
            onClick={() => cart.setQuantity(line.variantId, line.quantity - 1)}
            disabled={line.quantity <= 1}
            aria-label={t('catalog.decrease')}
          >
            −
          </button>
          <span data-testid="cart-line-quantity">{line.quantity}</span>
          <button
            type="button"
            onClick={() => cart.setQuantity(line.variantId, line.quantity + 1)}
            disabled={line.quantity >= max}
            aria-label={t('catalog.increase')}
          >
            +
          </button>
        </div>
        <button
          type="button"
          className="btn btn-link"
          onClick={() => cart.remove(line.variantId)}
          data-testid="cart-remove"
        >
          {t('cart.remove')}
        </button>
      </div>
    </li>
  );
}
