import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { isApiError } from '../../../lib/api-client';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useShipOrder } from '../api/ship-order';

/** Carrier and tracking number for one paid order; the server tidies and checks both. */
export function ShipForm({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const ship = useShipOrder();
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const serverFieldError = useFieldErrors(ship.error);
  const fieldError = (path: string) => serverFieldError(path);

  function submit(event: FormEvent) {
    event.preventDefault();
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
        maxLength={60}
        required
        autoComplete="off"
        error={fieldError('/carrier')}
      />
      <Field
        label={t('fulfilment.trackingNumber')}
        name="trackingNumber"
        value={trackingNumber}
        onChange={(e) => setTrackingNumber(e.target.value)}
        maxLength={60}
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
