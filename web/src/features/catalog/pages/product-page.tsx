import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { StatusPage } from '../../../components/status-page';
import { isApiError } from '../../../lib/api-error';
import { useMoney } from '../../../lib/config';
import { type CartLine, cart, contentSourceFromParams, MAX_QUANTITY, purchaseIntent } from '../../cart';
import { leaderPriceOf, ProductGroupBuys, startGroupPurchase, useGroupDeal } from '../../groupbuy';
import { ReportButton } from '../../moderation';
import { AlsoBought, FriendsBoughtBadge, recordActivity } from '../../recommendations';
import { ProductReviews } from '../../reviews';
import { EarnBadge, useShareEarning } from '../../share-earnings';
import { ReferralDisclosure, ShareButton } from '../../sharing';
import { storeVisit } from '../../stores';
import { useProduct } from '../api/get-product';
import { ActionBar, PricedLabel } from '../components/action-bar';
import { CategoryName } from '../components/category-name';
import { Gallery } from '../components/gallery';
import { QuantityStepper } from '../components/quantity-stepper';
import { VariantPicker } from '../components/variant-picker';
import type { Product, Variant } from '../types';

export function ProductPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const product = useProduct(id);
  if (product.isPending) return <Spinner />;
  if (isApiError(product.error, 404)) {
    return (
      <StatusPage title={t('catalog.notFound')} testId="product-not-found">
        <Link className="btn btn-primary" to="/">
          {t('common.backHome')}
        </Link>
      </StatusPage>
    );
  }
  if (!product.data) return <ErrorMessage error={product.error} />;
  return <ProductDetails key={product.data.id} product={product.data} />;
}

function toCartLine(product: Product, variant: Variant, quantity: number): CartLine {
  return {
    variantId: variant.id,
    productId: product.id,
    title: product.title,
    variantTitle: variant.title || variant.sku,
    price: variant.price,
    image: product.images[0] ?? null,
    quantity,
    maxQuantity: variant.stock,
  };
}

function ProductDetails({ product }: { product: Product }) {
  const { t } = useTranslation();
  const money = useMoney();
  const navigate = useNavigate();
  const firstAvailable = product.variants.find((v) => v.stock > 0) ?? product.variants[0];
  const [variant, setVariant] = useState(firstAvailable);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(false);
  const stock = variant?.stock ?? 0;
  const sellable = product.status === 'active' && stock > 0;
  const earn = useShareEarning(product.id, { variantId: variant?.id });
  const deal = useGroupDeal(product.id, variant?.id);
  // The share link the visitor came through: it rides with a Buy now through sign-in to the order.
  const [params] = useSearchParams();
  const shareCode = params.get('ref') ?? undefined;
  // The post or live room it was opened from: remembered with the cart line or the Buy now.
  const source = contentSourceFromParams(params);

  function choose(next: Variant) {
    setVariant(next);
    setQuantity((q) => Math.max(1, Math.min(q, next.stock)));
    setAdded(false);
  }

  function addToCart() {
    if (!variant) return;
    cart.add({
      ...toCartLine(product, variant, quantity),
      ...(source ? { source, sourceAt: Date.now() } : {}),
    });
    recordActivity(product.id, 'cart');
    setAdded(true);
  }

  // A guest is sent to sign in (or up) by checkout and comes back to the same intent.
  function buyNow() {
    if (!variant) return;
    const line = toCartLine(product, variant, quantity);
    navigate(purchaseIntent.save({ line, shareCode, source, storeSlug: storeVisit.current() }));
  }

  function startGroup() {
    if (!deal) return;
    navigate(
      purchaseIntent.save({
        ...startGroupPurchase(deal, shareCode),
        source,
        storeSlug: storeVisit.current(),
      }),
    );
  }

  return (
    <article className="page product-page" data-testid="product-page">
      <ReferralDisclosure targetId={product.id} />
      <Gallery images={product.images} title={product.title} />
      <div className="product-info">
        {product.category ? (
          <span className="eyebrow" data-testid="product-category">
            <CategoryName slug={product.category} />
          </span>
        ) : null}
        <h1 data-testid="product-title">{product.title}</h1>
        <FriendsBoughtBadge productId={product.id} />
        <p className="price price-large" data-testid="product-price">
          {variant ? money(variant.price) : null} <EarnBadge amount={earn} />
        </p>
        {product.variants.length > 1 ? (
          <VariantPicker variants={product.variants} selectedId={variant?.id} onSelect={choose} />
        ) : null}
        <p className={sellable ? 'stock stock-in' : 'stock stock-out'} data-testid="stock-state">
          {sellable
            ? stock <= 5
              ? t('catalog.fewLeft', { count: stock })
              : t('catalog.inStock')
            : product.status === 'archived'
              ? t('catalog.unavailable')
              : t('catalog.outOfStock')}
        </p>
        {sellable ? (
          <QuantityStepper value={quantity} max={Math.min(stock, MAX_QUANTITY)} onChange={setQuantity} />
        ) : null}
        {sellable ? <ProductGroupBuys productId={product.id} inBar={deal?.id} /> : null}
        {product.status === 'active' ? <ShareButton target={{ productId: product.id }} earn={earn} /> : null}
        {product.description ? <p className="description">{product.description}</p> : null}
      </div>
      <ProductReviews productId={product.id} Report={ReportButton} />
      <AlsoBought productId={product.id} />
      {sellable && variant ? (
        <ActionBar
          notice={
            added ? (
              <p className="alert alert-success" role="status" data-testid="added-to-cart">
                {t('catalog.added')} <Link to="/cart">{t('catalog.viewCart')}</Link>
              </p>
            ) : null
          }
        >
          <button type="button" className="btn btn-outline" onClick={addToCart} data-testid="add-to-cart">
            {t('catalog.addToCart')}
          </button>
          {deal ? (
            <>
              <button type="button" className="btn btn-outline" onClick={buyNow} data-testid="buy-now">
                <PricedLabel label={t('shopper.buyAlone')} price={money(variant.price)} />
              </button>
              <button
                type="button"
                className="btn btn-primary"
                onClick={startGroup}
                data-testid="start-group"
              >
                <PricedLabel label={t('shopper.startGroup')} price={money(leaderPriceOf(deal))} />
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-primary" onClick={buyNow} data-testid="buy-now">
              {t('catalog.buyNow')}
            </button>
          )}
        </ActionBar>
      ) : null}
    </article>
  );
}
