import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProductImage } from '../../../components/product-image';
import { useMoney } from '../../../lib/config';
import { purchaseIntent } from '../../cart';
import { formatRemaining, useRemaining } from '../../groupbuy';
import type { FlashSale } from '../types';
import { StockBar } from './stock-bar';

/** One sale: its product, the price against the regular one, what is left, and a countdown. */
export function SaleCard({ sale }: { sale: FlashSale }) {
  const { t } = useTranslation();
  const money = useMoney();
  const navigate = useNavigate();
  // Before it opens, the time to the start; while it runs, the time to the end.
  const toStart = useRemaining(sale.startsAt);
  const toEnd = useRemaining(sale.endsAt);
  const status = sale.status === 'upcoming' && toStart <= 0 ? 'live' : sale.status;

  // A guest goes to checkout too: it sends them to sign in (or up) and back with the intent kept.
  function buy() {
    const intent = {
      line: {
        variantId: sale.variantId,
        productId: sale.productId,
        title: sale.product.title,
        variantTitle: '',
        price: sale.price,
        image: sale.product.image,
        quantity: 1,
        maxQuantity: sale.perUserLimit,
      },
      flashSale: { saleId: sale.id },
    };
    navigate(purchaseIntent.save(intent));
  }

  return (
    <article className="card flash-sale" data-testid="flash-sale" data-status={status}>
      <Link to={`/products/${sale.productId}`} className="flash-sale-product">
        <ProductImage
          src={sale.product.image ?? undefined}
          alt={sale.product.title}
          className="group-thumb"
        />
        <strong>{sale.product.title}</strong>
      </Link>
      <p className="flash-sale-prices">
        <strong className="price price-large" data-testid="flash-price">
          {money(sale.price)}
        </strong>
        {sale.regularPrice !== null ? <s className="muted">{money(sale.regularPrice)}</s> : null}
        <small className="muted">{t('flashSale.limit', { count: sale.perUserLimit })}</small>
      </p>
      <StockBar quantity={sale.quantity} remaining={sale.remaining} />
      <p className="countdown" data-testid="flash-countdown">
        {status === 'upcoming'
          ? t('flashSale.startsIn', { time: formatRemaining(toStart) })
          : status === 'ended'
            ? t('flashSale.ended')
            : t('flashSale.endsIn', { time: formatRemaining(toEnd) })}
      </p>
      {status === 'live' ? (
        <button type="button" className="btn btn-primary btn-block" onClick={buy} data-testid="flash-buy">
          {t('flashSale.buy', { price: money(sale.price) })}
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          disabled
          data-testid="flash-unavailable"
        >
          {t(`flashSale.status.${status}`)}
        </button>
      )}
    </article>
  );
}
