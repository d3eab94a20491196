import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import type { FieldError } from '../../../lib/api-error';
import { useCurrency } from '../../../lib/config';
import { minorDigits } from '../../../lib/money';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useSaveCoupon } from '../api/admin-coupons';
import type { CouponKind, CouponTemplate } from '../types';
import { type CouponDraft, type DraftProblem, draftOf, toInput } from './coupon-draft';

const PROBLEMS: readonly DraftProblem[] = ['invalidAmount', 'invalidPercent', 'invalidWhole', 'required'];

export function CouponForm({ template }: { template?: CouponTemplate }) {
  const { t } = useTranslation();
  const currency = useCurrency();
  const digits = minorDigits(currency);
  const navigate = useNavigate();
  const save = useSaveCoupon();
  const [draft, setDraft] = useState<CouponDraft>(() => draftOf(template, digits));
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const update = (patch: Partial<CouponDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const serverFieldError = useFieldErrors(save.error);
  function errorAt(path: string): string | undefined {
    const own = clientErrors.find((e) => e.path === path)?.message;
    const known = PROBLEMS.find((p) => p === own);
    if (known) return t(`adminCoupons.errors.${known}`);
    return serverFieldError(path);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const { input, errors } = toInput(draft, digits);
    setClientErrors(errors);
    if (!input) return;
    save.mutate({ id: template?.id, input }, { onSuccess: () => navigate('/admin/coupons') });
  }

  const text = (
    name: keyof CouponDraft,
    label: string,
    path: string,
    extra: { hint?: string; inputMode?: 'decimal' | 'numeric' } = {},
  ) => (
    <Field
      label={label}
      name={name}
      value={String(draft[name])}
      onChange={(e) => update({ [name]: e.target.value })}
      error={errorAt(path)}
      {...extra}
    />
  );

  return (
    <form className="admin-form card" onSubmit={submit} noValidate data-testid="coupon-form">
      {template ? <p className="muted">{t('adminCoupons.form.editNote')}</p> : null}
      {text('title', t('adminCoupons.form.title'), '/title')}
      {text('description', t('adminCoupons.form.description'), '/description')}
      <div className="field">
        <label htmlFor="coupon-kind">{t('adminCoupons.form.kind')}</label>
        <select
          id="coupon-kind"
          name="kind"
          value={draft.kind}
          onChange={(e) => update({ kind: e.target.value as CouponKind })}
        >
          <option value="amount_off">{t('adminCoupons.form.amountOffKind')}</option>
          <option value="percent_off">{t('adminCoupons.form.percentOffKind')}</option>
        </select>
      </div>
      {draft.kind === 'amount_off' ? (
        text('amountOff', t('adminCoupons.form.amountOff', { currency }), '/amountOff', {
          inputMode: 'decimal',
        })
      ) : (
        <div className="form-row">
          {text('percentOff', t('adminCoupons.form.percentOff'), '/percentOffBps', { inputMode: 'decimal' })}
          {text('maxDiscount', t('adminCoupons.form.maxDiscount', { currency }), '/maxDiscount', {
            inputMode: 'decimal',
          })}
        </div>
      )}
      {text('minSpend', t('adminCoupons.form.minSpend', { currency }), '/minSpend', { inputMode: 'decimal' })}
      <div className="form-row">
        <Field
          label={t('adminCoupons.form.startsAt')}
          name="startsAt"
          type="datetime-local"
          value={draft.startsAt}
          onChange={(e) => update({ startsAt: e.target.value })}
          error={errorAt('/startsAt')}
        />
        <Field
          label={t('adminCoupons.form.endsAt')}
          name="endsAt"
          type="datetime-local"
          value={draft.endsAt}
          onChange={(e) => update({ endsAt: e.target.value })}
          error={errorAt('/endsAt')}
          hint={t('adminCoupons.form.windowHint')}
        />
      </div>
      <div className="form-row">
        {text('validDays', t('adminCoupons.form.validDays'), '/validDays', { inputMode: 'numeric' })}
        {text('perUserLimit', t('adminCoupons.form.perUserLimit'), '/perUserLimit', { inputMode: 'numeric' })}
        {text('totalQuantity', t('adminCoupons.form.totalQuantity'), '/totalQuantity', {
          inputMode: 'numeric',
        })}
      </div>
      {text('shareToUnlock', t('adminCoupons.form.shareToUnlock'), '/shareToUnlock', {
        inputMode: 'numeric',
      })}
      <div className="field">
        <label htmlFor="coupon-products">{t('adminCoupons.form.productIds')}</label>
        <textarea
          id="coupon-products"
          name="productIds"
          rows={2}
          value={draft.productIds}
          onChange={(e) => update({ productIds: e.target.value })}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.claimable}
          onChange={(e) => update({ claimable: e.target.checked })}
        />
        {t('adminCoupons.form.claimable')}
      </label>
      {clientErrors.length > 0 ? (
        <p className="alert alert-error" role="alert">
          {t('adminCoupons.form.fixErrors')}
        </p>
      ) : null}
      <ErrorMessage error={save.error} />
      <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="save-coupon">
        {save.isPending ? t('common.working') : t('adminCoupons.form.save')}
      </button>
    </form>
  );
}
