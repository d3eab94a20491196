import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../../components/spinner';
import { ApiError } from '../../../lib/api-error';
import { useMoney } from '../../../lib/config';
import { useProblemText } from '../../../lib/use-problem-text';
import { useCouponChoices } from '../api/my-coupons';
import type { CouponChoice } from '../types';
import { bestCoupon } from './best-coupon';
import { useCouponConditions, useCouponValue } from './coupon-terms';

export interface ChosenCoupon {
  id: string;
  /** What the server priced it at for this cart; the order's own total is the authority. */
  discount: number;
}

interface CouponPickerProps {
  lines: readonly { variantId: string; quantity: number }[];
  /** A group order's group: its coupons are judged on the group price it pays. */
  groupBuy?: { campaignId: string; groupId?: string };
  value: ChosenCoupon | null;
  onChange: (chosen: ChosenCoupon | null) => void;
}

function ChoiceLabel({ choice }: { choice: CouponChoice }) {
  const { t } = useTranslation();
  const money = useMoney();
  const value = useCouponValue();
  const conditions = useCouponConditions();
  const problemText = useProblemText();
  // Why it does not apply, worded from the server's reason and params, never its English `reason`.
  const why = choice.refusal
    ? problemText(new ApiError(422, '', { reason: choice.refusal.reason, params: choice.refusal.params }))
    : conditions(choice.coupon);
  return (
    <span className="coupon-choice-text">
      <strong>
        {choice.coupon.title} · {value(choice.coupon)}
      </strong>
      <small className="muted">
        {choice.applicable ? t('coupons.picker.saves', { amount: money(choice.discount) }) : why}
      </small>
    </span>
  );
}

/**
 * One coupon for this order, chosen among the buyer's coupons as the server prices them for the cart.
 * It starts on the one that saves the most (`bestCoupon`); once the person picks, or removes it,
 * their choice stays.
 */
export function CouponPicker({ lines, groupBuy, value, onChange }: CouponPickerProps) {
  const { t } = useTranslation();
  const choices = useCouponChoices(lines, groupBuy);
  const items = choices.data?.items ?? [];
  const chosenByPerson = useRef(false);
  const choose = (chosen: ChosenCoupon | null) => {
    chosenByPerson.current = true;
    onChange(chosen);
  };
  useEffect(() => {
    if (!choices.data) return;
    if (!chosenByPerson.current) {
      const best = bestCoupon(choices.data.items);
      if (best?.coupon.id !== value?.id || best?.discount !== value?.discount)
        onChange(best ? { id: best.coupon.id, discount: best.discount } : null);
      return;
    }
    // The person's choice stays, priced as the server prices it now (the cart may have changed);
    // a coupon that no longer applies is let go.
    if (!value) return;
    const current = choices.data.items.find((c) => c.coupon.id === value.id);
    if (!current?.applicable) onChange(null);
    else if (current.discount !== value.discount) onChange({ id: value.id, discount: current.discount });
  }, [choices.data, onChange, value]);
  return (
    <fieldset className="coupon-picker" data-testid="coupon-picker">
      <legend>{t('coupons.picker.title')}</legend>
      {choices.isPending ? <Spinner /> : null}
      {choices.isSuccess && items.length === 0 ? (
        <p className="muted">
          {t('coupons.picker.nothingHeld')} <Link to="/coupons">{t('coupons.getCoupons')}</Link>
        </p>
      ) : null}
      {items.length > 0 ? (
        <>
          <label className="coupon-choice">
            <input
              type="radio"
              name="coupon"
              checked={value === null}
              onChange={() => choose(null)}
              data-testid="coupon-choice-none"
            />
            <span>{t('coupons.picker.none')}</span>
          </label>
          {items.map((choice) => (
            <label
              key={choice.coupon.id}
              className={`coupon-choice${choice.applicable ? '' : ' coupon-faded'}`}
            >
              <input
                type="radio"
                name="coupon"
                value={choice.coupon.id}
                disabled={!choice.applicable}
                checked={value?.id === choice.coupon.id}
                onChange={() => choose({ id: choice.coupon.id, discount: choice.discount })}
                data-testid="coupon-choice"
              />
              <ChoiceLabel choice={choice} />
            </label>
          ))}
          <small className="muted">{t('coupons.picker.serverDecides')}</small>
        </>
      ) : null}
    </fieldset>
  );
}
