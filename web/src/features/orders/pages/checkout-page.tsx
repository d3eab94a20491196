import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { ProductImage } from '../../../components/product-image';
import type { FieldError } from '../../../lib/api-error';
import { isApiError } from '../../../lib/api-error';
import { useMoney } from '../../../lib/config';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { fieldErrorText } from '../../../lib/problem-text';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { cart, purchaseIntent } from '../../cart';
import { type ChosenCoupon, CouponPicker } from '../../coupons';
import { useCreateOrder } from '../api/create-order';
import { AddressForm, toAddress } from '../components/address-form';
import { addressErrors } from '../components/address-rules';
import { useCheckoutLines } from '../components/checkout-lines';
import { savedAddress } from '../components/saved-address';

export function CheckoutPage() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const navigate = useNavigate();
  const { lines, fromCart, groupBuy, origin, intentId } = useCheckoutLines();
  // The address is checked here first, as the server checks it, with the same words.
  const [checked, setChecked] = useState<FieldError[]>([]);
  const createOrder = useCreateOrder();
  const [address, setAddress] = useState(savedAddress.load);
  // One key per attempt: a double click or a retried request reuses it and orders once.
  const attemptKey = useRef(newIdempotencyKey());
  const subtotal = lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
  const [coupon, setCoupon] = useState<ChosenCoupon | null>(null);
  // A preview of what the server will charge; the placed order's own total is what is paid.
  const discount = Math.min(coupon?.discount ?? 0, subtotal);
  const error = createOrder.error;
  const serverFieldError = useFieldErrors(error);
  const errorAt = (path: string) => {
    const found = checked.find((e) => e.path === path);
    return found ? fieldErrorText(found, { i18n, money }) : serverFieldError(path);
  };

  function placeOrder(event: FormEvent) {
    event.preventDefault();
    if (createOrder.isPending) return;
    const problems = addressErrors(address);
    setChecked(problems);
    if (problems.length > 0) return;
    savedAddress.save(address);
    const order = {
      items: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      address: toAddress(address),
      ...(coupon ? { couponId: coupon.id } : {}),
      ...(origin.storeSlug ? { storeSlug: origin.storeSlug } : {}),
      ...(origin.shareCode ? { shareCode: origin.shareCode } : {}),
      ...(groupBuy ? { groupBuy } : {}),
    };
    createOrder.mutate(
      { order, idempotencyKey: attemptKey.current },
      {
        onSuccess: (created) => {
          if (fromCart) cart.clear();
          if (intentId) purchaseIntent.forget(intentId);
          navigate(`/pay/${created.id}`, { replace: true });
        },
        onError: (failure) => {
          // The server answered, so this attempt is over; a network failure keeps the key for a retry.
          if (isApiError(failure)) attemptKey.current = newIdempotencyKey();
        },
      },
    );
  }

  if (lines.length === 0) {
    return (
      <section className="page narrow">
        <h1>{t('checkout.title')}</h1>
        <EmptyState title={intentId ? t('shopper.intentExpired') : t('cart.empty')}>
          <Link className="btn btn-primary" to="/">
            {t('cart.continueShopping')}
          </Link>
        </EmptyState>
      </section>
    );
  }

  return (
    <section className="page checkout">
      <h1>{t('checkout.title')}</h1>
      <form className="checkout-grid" onSubmit={placeOrder} noValidate data-testid="checkout-form">
        <AddressForm value={address} onChange={setAddress} errorAt={errorAt} />
        <aside className="card order-summary">
          <h2>{t('checkout.summary')}</h2>
          <ul className="summary-lines">
            {lines.map((line) => (
              <li key={line.variantId}>
                <ProductImage src={line.image ?? undefined} alt={line.title} className="summary-thumb" />
                <span className="summary-title">
                  {line.title}
                  <small className="muted">
                    {line.variantTitle} × {line.quantity}
                  </small>
                </span>
                <span className="price">{money(line.price * line.quantity)}</span>
              </li>
            ))}
          </ul>
          <div className="summary-total">
            <span>{t('orders.subtotal')}</span>
            <strong className="price" data-testid="checkout-subtotal">
              {money(subtotal)}
            </strong>
          </div>
          <CouponPicker
            lines={lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity }))}
            groupBuy={groupBuy}
            value={coupon}
            onChange={setCoupon}
          />
          {coupon ? (
            <>
              <div className="summary-total summary-discount">
                <span>{t('coupons.picker.discount')}</span>
                <strong className="price" data-testid="checkout-discount">
                  −{money(discount)}
                </strong>
              </div>
              <div className="summary-total">
                <span>{t('coupons.picker.total')}</span>
                <strong className="price" data-testid="checkout-total">
                  {money(subtotal - discount)}
                </strong>
              </div>
            </>
          ) : null}
          {isApiError(error) && error.reason === 'conflict' && !coupon && !groupBuy ? (
            // The catalog's stock refusal before it had a reason of its own (`out_of_stock`).
            <p className="alert alert-error" role="alert" data-testid="checkout-stock-error">
              {t('checkout.notEnoughStock')}
            </p>
          ) : (
            <ErrorMessage error={error} />
          )}
          <button
            type="submit"
            className="btn btn-primary btn-block"
            disabled={createOrder.isPending}
            data-testid="checkout-submit"
          >
            {createOrder.isPending ? t('common.working') : t('checkout.placeOrder')}
          </button>
        </aside>
      </form>
    </section>
  );
}
