import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/copy-button';
import { useDateTime } from '../../../lib/config';
import type { Order } from '../types';

/** Where the parcel is: carrier, tracking number, when it shipped and when it confirms itself. */
export function ShipmentCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const { shipment } = order;
  if (!shipment) {
    return order.status === 'paid' && order.groupBuy?.status !== 'waiting' ? (
      <div className="card" data-testid="shipment-pending">
        <h2>{t('fulfilment.shipment')}</h2>
        <p className="muted">{t('fulfilment.notShippedYet')}</p>
      </div>
    ) : null;
  }
  return (
    <div className="card shipment-card" data-testid="shipment">
      <h2>{t('fulfilment.shipment')}</h2>
      <dl className="shipment-facts">
        <dt>{t('fulfilment.carrier')}</dt>
        <dd data-testid="shipment-carrier">{shipment.carrier}</dd>
        <dt>{t('fulfilment.trackingNumber')}</dt>
        <dd className="shipment-tracking">
          <code data-testid="shipment-tracking">{shipment.trackingNumber}</code>
          <CopyButton
            text={shipment.trackingNumber}
            label={t('fulfilment.copyTracking')}
            testId="copy-tracking"
          />
        </dd>
      </dl>
      <p className="muted">{t('fulfilment.shippedAt', { time: dateTime(shipment.shippedAt) })}</p>
      {order.status === 'shipped' ? (
        <p className="muted" data-testid="auto-confirm-at">
          {t('fulfilment.autoConfirmOn', { time: dateTime(shipment.autoConfirmAt) })}
        </p>
      ) : null}
    </div>
  );
}
