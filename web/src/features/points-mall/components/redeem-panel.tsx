import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import type { FieldError } from '../../../lib/api-error';
import { useFieldErrors } from '../../../lib/use-problem-text';
import {
  type AddressChoice,
  AddressPicker,
  draftErrors,
  EMPTY_DRAFT,
  type TypedAddress,
  toNewAddress,
  useCreateAddress,
} from '../../addresses';
import { useRedeem } from '../api/redeem';
import type { MallItem, RedeemBody, Redemption } from '../types';

function Redeemed({ redemption }: { redemption: Redemption }) {
  const { t } = useTranslation();
  const text = {
    coupon: t('pointsMall.redeemedCoupon'),
    product: t('pointsMall.redeemedProduct'),
    perk: t('pointsMall.redeemedPerk'),
  }[redemption.kind];
  return (
    <p className="alert alert-success" role="status" data-testid="mall-redeemed">
      {text} {redemption.couponId ? <Link to="/my-coupons">{t('pointsMall.viewCoupons')}</Link> : null}
      {redemption.orderId ? (
        <Link to={`/orders/${redemption.orderId}`}>{t('pointsMall.viewOrder')}</Link>
      ) : null}
    </p>
  );
}

/**
 * Redeeming: a product asks where to ship (a saved address, or a new one saved to the book first,
 * as checkout does), then every kind asks to confirm the points it spends.
 */
export function RedeemPanel({ item }: { item: MallItem }) {
  const { t } = useTranslation();
  const redeem = useRedeem();
  const createAddress = useCreateAddress();
  const [confirming, setConfirming] = useState(false);
  const [choice, setChoice] = useState<AddressChoice>(null);
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [checked, setChecked] = useState<FieldError[]>([]);
  const errorAt = useFieldErrors(createAddress.error ?? redeem.error, checked);
  const savingAddress = useRef(false);
  const ships = item.kind === 'product';
  const busy = redeem.isPending || createAddress.isPending;

  function ask() {
    if (ships && choice?.kind === 'new') {
      const problems = draftErrors(draft);
      setChecked(problems);
      if (problems.length > 0) return;
    }
    setConfirming(true);
  }

  const send = (body: RedeemBody) =>
    redeem.mutate({ itemId: item.id, body }, { onSettled: () => setConfirming(false) });

  function confirm() {
    if (!ships || choice === null) return send({});
    if (choice.kind === 'saved') return send({ address: { addressId: choice.id } });
    // A full (or unloaded) book: the typed address goes with this redemption only.
    const typed: TypedAddress = toNewAddress(draft);
    if (!choice.save) return send({ address: typed });
    if (savingAddress.current) return;
    savingAddress.current = true;
    createAddress.mutate(toNewAddress(draft), {
      onSettled: () => {
        savingAddress.current = false;
      },
      onSuccess: (saved) => {
        setChoice({ kind: 'saved', id: saved.id });
        setDraft(EMPTY_DRAFT);
        send({ address: { addressId: saved.id } });
      },
      onError: () => setConfirming(false),
    });
  }

  return (
    <div className="mall-redeem">
      {ships && item.availability === 'available' ? (
        <AddressPicker
          choice={choice}
          onChoose={setChoice}
          draft={draft}
          onDraftChange={setDraft}
          errorAt={errorAt}
        />
      ) : null}
      {redeem.data ? <Redeemed redemption={redeem.data} /> : null}
      <ErrorMessage error={redeem.error ?? createAddress.error} />
      <button
        type="button"
        className="btn btn-primary btn-block"
        disabled={item.availability !== 'available' || busy || (ships && choice === null)}
        onClick={ask}
        data-testid="mall-redeem"
      >
        {item.availability === 'available'
          ? t('pointsMall.redeem')
          : t(`pointsMall.availability.${item.availability}`)}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('pointsMall.redeemTitle', { title: item.title })}
        message={t('pointsMall.redeemMessage', { count: item.costPoints })}
        confirmLabel={t('pointsMall.redeem')}
        busy={busy}
        testId="mall-redeem-confirm"
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
