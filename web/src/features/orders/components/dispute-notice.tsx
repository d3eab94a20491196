import { useTranslation } from 'react-i18next';
import { useDateTime } from '../../../lib/config';
import type { Order } from '../types';

/** A chargeback on the order's payment: open (commissions held), won or lost. */
export function DisputeNotice({ order }: { order: Order }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const dispute = order.dispute;
  if (!dispute) return null;
  return (
    <p
      className={`alert ${dispute.status === 'lost' ? 'alert-error' : 'alert-warning'}`}
      data-testid="order-dispute"
      data-status={dispute.status}
    >
      {t(`dispute.${dispute.status}`)}{' '}
      <span className="muted">{dateTime(dispute.closedAt ?? dispute.openedAt)}</span>
    </p>
  );
}
