import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { isApiError } from '../../../lib/api-error';
import { useMoney } from '../../../lib/config';
import { fieldErrorText } from '../../../lib/problem-text';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useShipOrder } from '../api/ship-order';

/** As the server checks them (src/modules/fulfilment/rules.ts `checkShipment`), with the same rules. */
const CARRIER_MAX = 60;
const TRACKING_MAX = 40;
const TRACKING = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
const CONTROL = /[\u0000-\u001f\u007f]/;

type Rule = { rule: string; params?: Record<string, number> } | null;

function carrierRule(text: string): Rule {
  const carrier = text.trim().replace(/\s+/g, ' ');
  if (carrier === '') return { rule: 'required' };
  if (CONTROL.test(carrier)) return { rule: 'controlCharacters' };
  if ([...carrier].length > CARRIER_MAX) return { rule: 'maxLength', params: { limit: CARRIER_MAX } };
  return null;
}

function trackingRule(text: string): Rule {
  const tracking = text.replace(/\s+/g, '');
  if (tracking === '') return { rule: 'required' };
  if (tracking.length > TRACKING_MAX) return { rule: 'maxLength', params: { limit: TRACKING_MAX } };
  if (!TRACKING.test(tracking)) return { rule: 'pattern' };
  return null;
}

/** Carrier and tracking number for one paid order; the server tidies and checks both. */
export function ShipForm({ orderId }: { orderId: string }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const ship = useShipOrder();
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [checked, setChecked] = useState(false);
  const serverFieldError = useFieldErrors(ship.error);
  const rules: Record<string, Rule> = {
    '/carrier': carrierRule(carrier),
    '/trackingNumber': trackingRule(trackingNumber),
  };
  // Checked here as the server would, worded as its field errors are; shown once a send was tried.
  const fieldError = (path: string) => {
    const broken = checked ? rules[path] : null;
    return broken
      ? fieldErrorText({ path, message: '', ...broken }, { i18n, money })
      : serverFieldError(path);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.values(rules).some(Boolean)) return;
    ship.mutate({ id: orderId, carrier, trackingNumber });
  }

  return (
    <form className="card ship-form" onSubmit={submit} data-testid="ship-form" noValidate>
      <h2>{t('fulfilment.admin.shipTitle')}</h2>
      <p className="muted">{t('fulfilment.admin.shipHint')}</p>
      <Field
        label={t('fulfilment.carrier')}
        name="carrier"
        value={carrier}
        onChange={(e) => setCarrier(e.target.value)}
        placeholder={t('fulfilment.admin.carrierPlaceholder')}
        required
        autoComplete="off"
        error={fieldError('/carrier')}
      />
      <Field
        label={t('fulfilment.trackingNumber')}
        name="trackingNumber"
        value={trackingNumber}
        onChange={(e) => setTrackingNumber(e.target.value)}
        maxLength={80}
        required
        autoComplete="off"
        inputMode="text"
        error={fieldError('/trackingNumber')}
      />
      {isApiError(ship.error, 400) ? null : <ErrorMessage error={ship.error} />}
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={ship.isPending}
        data-testid="ship-submit"
      >
        {t('fulfilment.admin.ship')}
      </button>
    </form>
  );
}
