import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../cart';
import { useProduct } from '../../catalog';

/**
 * A checkout line named with its variant ("Jasmine Green Tea · 100 g tin × 1"). A group-buy line
 * arrives without the variant's title (the group names only its variant id), so it is read from the
 * product, which the product or group page has usually cached already.
 */
export function CheckoutLineTitle({ line }: { line: CartLine }) {
  const { t } = useTranslation();
  const product = useProduct(line.productId);
  const variant =
    line.variantTitle || product.data?.variants.find((v) => v.id === line.variantId)?.title || '';
  return (
    <span className="summary-title" data-testid="checkout-line-title">
      {variant ? t('checkoutLine.withVariant', { title: line.title, variant }) : line.title}
      <small className="muted">{t('checkoutLine.quantity', { count: line.quantity })}</small>
    </span>
  );
}
