import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import type { FieldError } from '../../../lib/api-error';
import { formatDecimal } from '../../../lib/money';
import { bpsToPercent } from '../../../lib/percent';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useSaveLevel } from '../api/admin-levels';
import { useCouponTemplates } from '../api/coupon-templates';
import type { MemberLevel } from '../types';
import { levelBenefits, MULTIPLIER_DIGITS } from './level-draft';

interface LevelFormProps {
  /** The level being edited; a new level otherwise, suggested one rank above the top. */
  level?: MemberLevel;
  nextRank: number;
  onDone: () => void;
}

/** Adds or edits a level: its rank (when new), name, threshold and benefits. */
export function LevelForm({ level, nextRank, onDone }: LevelFormProps) {
  const { t } = useTranslation();
  const save = useSaveLevel();
  const coupons = useCouponTemplates().data ?? [];
  const [rank, setRank] = useState(String(level?.rank ?? nextRank));
  const [name, setName] = useState(level?.name ?? '');
  const [threshold, setThreshold] = useState(String(level?.threshold ?? ''));
  const [discount, setDiscount] = useState(bpsToPercent(level?.discountBps ?? 0));
  const [multiplier, setMultiplier] = useState(
    formatDecimal(level?.commissionMultiplierBps ?? 10_000, MULTIPLIER_DIGITS),
  );
  const [freeShipping, setFreeShipping] = useState(level?.freeShipping ?? false);
  const [couponId, setCouponId] = useState(level?.monthlyCouponTemplateId ?? '');
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const errorAt = useFieldErrors(save.error, invalid);

  function submit(event: FormEvent) {
    event.preventDefault();
    const {
      discountBps,
      commissionMultiplierBps: multiplierBps,
      errors,
    } = levelBenefits(discount, multiplier);
    setInvalid(errors);
    if (discountBps === null || multiplierBps === null) return;
    save.mutate(
      {
        editing: level?.rank,
        input: {
          rank: Number(rank),
          name,
          threshold: Number(threshold),
          discountBps,
          commissionMultiplierBps: multiplierBps,
          freeShipping,
          monthlyCouponTemplateId: couponId === '' ? null : couponId,
        },
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="admin-form card" onSubmit={submit} noValidate data-testid="level-form">
      <h2>{level ? t('adminLevels.editTitle', { name: level.name }) : t('adminLevels.addTitle')}</h2>
      {level ? null : (
        <Field
          label={t('adminLevels.rank')}
          name="rank"
          inputMode="numeric"
          value={rank}
          onChange={(e) => setRank(e.target.value)}
          error={errorAt('/rank')}
        />
      )}
      <Field
        label={t('adminLevels.name')}
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errorAt('/name')}
      />
      <Field
        label={t('adminLevels.threshold')}
        name="threshold"
        inputMode="numeric"
        value={threshold}
        hint={t('adminLevels.thresholdHint')}
        onChange={(e) => setThreshold(e.target.value)}
        error={errorAt('/threshold')}
      />
      <Field
        label={t('adminLevels.discount')}
        name="discount"
        inputMode="decimal"
        value={discount}
        hint={t('adminLevels.discountHint')}
        onChange={(e) => setDiscount(e.target.value)}
        error={errorAt('/discountBps')}
      />
      <Field
        label={t('adminLevels.multiplier')}
        name="multiplier"
        inputMode="decimal"
        value={multiplier}
        hint={t('adminLevels.multiplierHint')}
        onChange={(e) => setMultiplier(e.target.value)}
        error={errorAt('/commissionMultiplierBps')}
      />
      <label className="checkbox">
        <input type="checkbox" checked={freeShipping} onChange={(e) => setFreeShipping(e.target.checked)} />
        {t('adminLevels.freeShipping')}
      </label>
      <div className={`field${errorAt('/monthlyCouponTemplateId') ? ' field-invalid' : ''}`}>
        <label htmlFor="level-coupon">{t('adminLevels.monthlyCoupon')}</label>
        <select id="level-coupon" value={couponId} onChange={(e) => setCouponId(e.target.value)}>
          <option value="">{t('adminLevels.noCoupon')}</option>
          {coupons.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        {errorAt('/monthlyCouponTemplateId') ? (
          <small className="field-error">{errorAt('/monthlyCouponTemplateId')}</small>
        ) : null}
      </div>
      <ErrorMessage error={save.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="save-level">
          {save.isPending ? t('common.working') : t('adminLevels.save')}
        </button>
        <button type="button" className="btn btn-outline" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
