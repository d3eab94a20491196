import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { isApiError } from '../../../lib/api-error';
import { useCurrency, useMoney } from '../../../lib/config';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { minorDigits, parseDecimal } from '../../../lib/money';
import { useProblemText } from '../../../lib/use-problem-text';
import { usePayoutDetails } from '../api/payout-details';
import { useRequestWithdrawal } from '../api/request-withdrawal';
import { PayoutSummary } from './payout-summary';

/** Asks for a payout of part of the available balance; the amount is typed in major units. */
export function WithdrawalForm({ available }: { available: number }) {
  const { t } = useTranslation();
  const money = useMoney();
  const currency = useCurrency();
  const withdraw = useRequestWithdrawal();
  const problemText = useProblemText();
  const payout = usePayoutDetails();
  const destination = payout.data?.details ?? null;
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  // One key per attempt: a double click or a retried request reuses it and withdraws once.
  const attemptKey = useRef(newIdempotencyKey());

  function submit(event: FormEvent) {
    event.preventDefault();
    if (withdraw.isPending) return;
    const amount = parseDecimal(text, minorDigits(currency));
    setInvalid(amount === null || amount <= 0);
    if (amount === null || amount <= 0) return;
    withdraw.mutate(
      { amount, idempotencyKey: attemptKey.current },
      {
        onSuccess: () => {
          setText('');
          attemptKey.current = newIdempotencyKey();
        },
        onError: (failure) => {
          // The server answered, so this attempt is over; a network failure keeps the key for a retry.
          if (isApiError(failure)) attemptKey.current = newIdempotencyKey();
        },
      },
    );
  }

  return (
    <form className="card" onSubmit={submit} noValidate data-testid="withdrawal-form">
      <h2>{t('promote.withdrawTitle')}</h2>
      <p className="muted">{t('promote.withdrawAvailable', { amount: money(available) })}</p>
      {destination ? (
        <p className="payout-destination" data-testid="withdrawal-destination">
          {t('payouts.paidTo')} <PayoutSummary details={destination} />{' '}
          <Link to="/promote/payout">{t('payouts.change')}</Link>
        </p>
      ) : payout.isSuccess ? (
        <div className="alert alert-warning" role="status" data-testid="withdrawal-needs-payout">
          {t('payouts.neededFirst')}{' '}
          <Link to="/promote/payout" data-testid="withdrawal-payout-link">
            {t('payouts.addDetails')}
          </Link>
        </div>
      ) : null}
      <Field
        label={t('promote.withdrawAmount', { currency })}
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={invalid ? t('promote.withdrawInvalid') : undefined}
      />
      {isApiError(withdraw.error, 422) ? (
        <div className="alert alert-warning" role="alert" data-testid="withdrawal-refused">
          <strong>{t('promote.withdrawRefused')}</strong> {problemText(withdraw.error)}
        </div>
      ) : (
        <ErrorMessage error={withdraw.error} />
      )}
      {withdraw.isSuccess ? (
        <p className="alert alert-success" role="status" data-testid="withdrawal-requested">
          {t('promote.withdrawRequested', { amount: money(withdraw.data.amount) })}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={withdraw.isPending || !destination}
        data-testid="withdrawal-submit"
      >
        {withdraw.isPending ? t('common.working') : t('promote.withdrawSubmit')}
      </button>
    </form>
  );
}
