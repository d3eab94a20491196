import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { Spinner } from '../../../components/spinner';
import { isApiError } from '../../../lib/api-error';
import { useDateTime } from '../../../lib/config';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { usePayoutDetails, useSavePayoutDetails } from '../api/payout-details';
import { PAYOUT_METHODS, type PayoutMethod } from '../types';
import { PayoutSummary } from './payout-summary';

const FIELDS = ['holderName', 'account', 'bankName'] as const;
type FieldName = (typeof FIELDS)[number];

/**
 * Where withdrawals are paid to. What is saved is shown masked and never sent back to the browser
 * in full, so changing it means typing the whole account again.
 */
export function PayoutDetailsForm() {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const saved = usePayoutDetails();
  const save = useSavePayoutDetails();
  const serverError = useFieldErrors(save.error);
  const [method, setMethod] = useState<PayoutMethod>('alipay');
  const [values, setValues] = useState<Record<FieldName, string>>({
    holderName: '',
    account: '',
    bankName: '',
  });
  const [missing, setMissing] = useState<FieldName[]>([]);

  const current = saved.data?.details ?? null;
  const needed = (field: FieldName) => field !== 'bankName' || method === 'bank';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const empty = FIELDS.filter((f) => needed(f) && !values[f].trim());
    setMissing(empty);
    if (empty.length > 0) return;
    save.mutate(
      {
        method,
        holderName: values.holderName.trim(),
        account: values.account.trim(),
        ...(method === 'bank' ? { bankName: values.bankName.trim() } : {}),
      },
      { onSuccess: () => setValues({ holderName: '', account: '', bankName: '' }) },
    );
  }

  /** Checked here first (required); the server names the field and the rule it broke, worded here. */
  function errorOf(field: FieldName): string | undefined {
    if (missing.includes(field)) return t('payouts.errors.required');
    return serverError(`/${field}`);
  }

  if (saved.isPending) return <Spinner />;
  return (
    <form className="card payout-form" onSubmit={submit} noValidate data-testid="payout-details-form">
      <h2>{t('payouts.title')}</h2>
      {current ? (
        <p className="payout-current" data-testid="payout-current">
          {t('payouts.current')} <PayoutSummary details={current} />
          <small className="muted"> {t('payouts.updatedAt', { time: dateTime(current.updatedAt) })}</small>
        </p>
      ) : (
        <p className="muted" data-testid="payout-none">
          {t('payouts.none')}
        </p>
      )}
      <ErrorMessage error={saved.error} />
      <fieldset className="payout-methods">
        <legend>{t('payouts.methodLabel')}</legend>
        <div className="chips" role="radiogroup">
          {PAYOUT_METHODS.map((m) => (
            <label key={m} className={`chip${m === method ? ' chip-active' : ''}`}>
              <input
                type="radio"
                name="method"
                value={m}
                checked={m === method}
                onChange={() => setMethod(m)}
                className="visually-hidden"
                data-testid={`payout-method-${m}`}
              />
              {t(`payouts.method.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label={t('payouts.holderName')}
        hint={t('payouts.holderNameHint')}
        name="holderName"
        autoComplete="name"
        maxLength={80}
        value={values.holderName}
        onChange={(e) => setValues({ ...values, holderName: e.target.value })}
        error={errorOf('holderName')}
      />
      <Field
        label={t(`payouts.account.${method}`)}
        hint={t(`payouts.accountHint.${method}`)}
        name="account"
        autoComplete="off"
        inputMode={method === 'bank' ? 'numeric' : undefined}
        maxLength={80}
        value={values.account}
        onChange={(e) => setValues({ ...values, account: e.target.value })}
        error={errorOf('account')}
      />
      {method === 'bank' ? (
        <Field
          label={t('payouts.bankName')}
          hint={t('payouts.bankNameHint')}
          name="bankName"
          maxLength={100}
          value={values.bankName}
          onChange={(e) => setValues({ ...values, bankName: e.target.value })}
          error={errorOf('bankName')}
        />
      ) : null}
      {isApiError(save.error, 400) ? null : <ErrorMessage error={save.error} />}
      {save.isSuccess ? (
        <p className="alert alert-success" role="status" data-testid="payout-saved">
          {t('payouts.saved')}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={save.isPending}
        data-testid="payout-submit"
      >
        {save.isPending ? t('common.working') : current ? t('payouts.replace') : t('payouts.save')}
      </button>
    </form>
  );
}
