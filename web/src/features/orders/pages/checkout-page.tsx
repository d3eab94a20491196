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
import { useFieldErrors } from '../../../lib/use-problem-text';
import {
  type AddressChoice,
  AddressPicker,
  draftErrors,
  EMPTY_DRAFT,
  type TypedAddress,
  toNewAddress,
  useAddresses,
  useCreateAddress,
} from '../../addresses';
import { cart, orderSourceFields, purchaseIntent } from '../../cart';
import { PickupChoice } from '../../communities';
import { type ChosenCoupon, CouponPicker } from '../../coupons';
import { type GiftChoice, GiftToggle } from '../../gifts';
import { MemberDiscountLine, useMemberDiscount } from '../../levels';
import { type ChosenPoints, PointsToggle } from '../../points';
import { ShippingFeeLine, useShippingQuote } from '../../shipping';
import { useCreateOrder } from '../api/create-order';
import { CheckoutLineTitle } from '../components/checkout-line-title';
import { useCheckoutLines } from '../components/checkout-lines';
import { checkoutTotals } from '../components/checkout-totals';

export function CheckoutPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const navigate = useNavigate();
  const { lines, fromCart, groupBuy, flashSale, bargain, requiredPickup, origin, intentId } =
    useCheckoutLines();
  // A flash sale's or a bargain's price is the whole deal: no coupon or points on top.
  const wholeDeal = Boolean(flashSale ?? bargain);
  // A new address is checked here first, as the server checks it, with the same words.
  const [checked, setChecked] = useState<FieldError[]>([]);
  const createOrder = useCreateOrder();
  const createAddress = useCreateAddress();
  const [addressChoice, setAddressChoice] = useState<AddressChoice>(null);
  // Collected at the buyer's community pickup point instead of delivered: no address, no fee.
  // A community group buy is always collected at its community's pickup point.
  const [pickupAt, setPickupAt] = useState<string | null>(requiredPickup ?? null);
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  // Sent as a gift: no address nor pickup point; the friend gives the address when claiming it.
  const [gift, setGift] = useState<GiftChoice | null>(null);
  // A group seat or a bargain is its members' or starter's own: not a gift (the server says 400).
  const giftable = !groupBuy && !bargain && !requiredPickup;
  const chooseGift = (choice: GiftChoice | null) => {
    setGift(choice);
    // A gift ships to its recipient: not collected at the buyer's pickup point.
    if (choice) setPickupAt(null);
  };
  // One key per attempt: a double click or a retried request reuses it and orders once.
  const attemptKey = useRef(newIdempotencyKey());
  const subtotal = lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
  const [coupon, setCoupon] = useState<ChosenCoupon | null>(null);
  const [points, setPoints] = useState<ChosenPoints | null>(null);
  // A deal's price (a group seat, a flash sale, a bargain) already is the discount: no member price on top.
  const member = useMemberDiscount(subtotal, Boolean(groupBuy ?? flashSale ?? bargain));
  // A preview of what the server will charge; the placed order's own total is what is paid.
  const totals = checkoutTotals({
    subtotal,
    memberDiscount: member.amount,
    couponDiscount: coupon?.discount ?? 0,
    pointsDiscount: points?.discount ?? 0,
  });
  const province = useChosenProvince(addressChoice, draft.province);
  // A gift's fee is quoted without a province, as the server quotes it (the recipient's is unknown yet).
  const shipping = useShippingQuote(lines, gift ? null : province, groupBuy);
  // A flash sale ships free; a bargain pays shipping like any order.
  const shippingFee = pickupAt || flashSale ? 0 : (shipping.data?.fee ?? 0);
  const error = createOrder.error ?? createAddress.error;
  const draftErrorAt = useFieldErrors(createAddress.error, checked);
  const pending = createOrder.isPending || createAddress.isPending;
  // A double click sends its second submit before `pending` re-renders: the address is saved once.
  const savingAddress = useRef(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    if (gift || pickupAt) return placeOrder(null);
    if (addressChoice === null) return;
    if (addressChoice.kind === 'saved') return placeOrder({ addressId: addressChoice.id });
    const problems = draftErrors(draft);
    setChecked(problems);
    if (problems.length > 0) return;
    // A full (or unloaded) book: the typed address goes with this order only.
    if (!addressChoice.save) return placeOrder(toNewAddress(draft));
    if (savingAddress.current) return;
    savingAddress.current = true;
    // A new address is saved to the account first; once saved it is chosen, so a retry reuses it.
    createAddress.mutate(toNewAddress(draft), {
      onSettled: () => {
        savingAddress.current = false;
      },
      onSuccess: (saved) => {
        setAddressChoice({ kind: 'saved', id: saved.id });
        setDraft(EMPTY_DRAFT);
        placeOrder({ addressId: saved.id });
      },
    });
  }

  function placeOrder(address: { addressId: string } | TypedAddress | null) {
    const order = {
      items: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      ...(gift
        ? { gift: gift.message ? { message: gift.message } : {} }
        : address
          ? { address }
          : { pickup: { communityId: pickupAt as string } }),
      ...(coupon ? { couponId: coupon.id } : {}),
      ...(points ? { points: points.points } : {}),
      ...(origin.storeSlug ? { storeSlug: origin.storeSlug } : {}),
      ...(origin.shareCode ? { shareCode: origin.shareCode } : {}),
      ...orderSourceFields(origin.source),
      ...(groupBuy ? { groupBuy } : {}),
      ...(flashSale ? { flashSale } : {}),
      ...(bargain ? { bargain } : {}),
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
      <form className="checkout-grid" onSubmit={submit} noValidate data-testid="checkout-form">
        <div className="checkout-receive">
          {giftable ? <GiftToggle value={gift} onChange={chooseGift} /> : null}
          {gift ? null : <PickupChoice value={pickupAt} onChange={setPickupAt} required={requiredPickup} />}
          {pickupAt || gift ? null : (
            <AddressPicker
              choice={addressChoice}
              onChoose={setAddressChoice}
              draft={draft}
              onDraftChange={setDraft}
              errorAt={draftErrorAt}
            />
          )}
        </div>
        <aside className="card order-summary">
          <h2>{t('checkout.summary')}</h2>
          <ul className="summary-lines">
            {lines.map((line) => (
              <li key={line.variantId}>
                <ProductImage src={line.image ?? undefined} alt={line.title} className="summary-thumb" />
                <CheckoutLineTitle line={line} />
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
          <MemberDiscountLine bps={member.bps} amount={totals.memberDiscount} />
          {wholeDeal ? null : (
            <CouponPicker
              lines={lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity }))}
              groupBuy={groupBuy}
              value={coupon}
              onChange={setCoupon}
            />
          )}
          {coupon ? (
            <div className="summary-total summary-discount">
              <span>{t('coupons.picker.discount')}</span>
              <strong className="price" data-testid="checkout-discount">
                −{money(totals.couponDiscount)}
              </strong>
            </div>
          ) : null}
          {wholeDeal ? null : <PointsToggle payable={totals.payable} value={points} onChange={setPoints} />}
          {points ? (
            <div className="summary-total summary-discount">
              <span>{t('pointsLedger.summary.pointsDiscount', { points: points.points })}</span>
              <strong className="price" data-testid="checkout-points-discount">
                −{money(totals.pointsDiscount)}
              </strong>
            </div>
          ) : null}
          {pickupAt || flashSale ? null : <ShippingFeeLine quote={shipping} />}
          {totals.discount > 0 || shippingFee > 0 ? (
            <div className="summary-total">
              <span>{t('coupons.picker.total')}</span>
              <strong className="price" data-testid="checkout-total">
                {money(totals.total + shippingFee)}
              </strong>
            </div>
          ) : null}
          {isApiError(error) && error.reason === 'conflict' && !coupon && !groupBuy ? (
            // The catalog's stock refusal before it had a reason of its own (`out_of_stock`).
            <p className="alert alert-error" role="alert" data-testid="checkout-stock-error">
              {t('checkout.notEnoughStock')}
            </p>
          ) : isApiError(error) && error.reason === 'invalid_input' && createAddress.error ? null : (
            // A new address's field errors show beneath its fields.
            <ErrorMessage error={error} />
          )}
          <button
            type="submit"
            className="btn btn-primary btn-block"
            disabled={pending || (addressChoice === null && !pickupAt && !gift)}
            data-testid="checkout-submit"
          >
            {pending ? t('common.working') : t('checkout.placeOrder')}
          </button>
        </aside>
      </form>
    </section>
  );
}

/** The province the order will ship to: the chosen saved address's, or the one being typed. */
function useChosenProvince(choice: AddressChoice, typed: string): string | null {
  const book = useAddresses().data?.items ?? [];
  if (choice?.kind === 'saved') return book.find((a) => a.id === choice.id)?.province ?? null;
  return typed.trim() || null;
}
