import { useTranslation } from 'react-i18next';
import { useDateTime } from '../../../lib/config';
import { ORDER_STATUSES, type Order, type OrderStatus } from '../types';

const isOrderStatus = (status: string): status is OrderStatus =>
  (ORDER_STATUSES as readonly string[]).includes(status);

export function OrderTimeline({ timeline }: { timeline: Order['timeline'] }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  return (
    <ol className="timeline" data-testid="order-timeline">
      {timeline.map((step) => (
        <li key={`${step.status}-${step.at}`}>
          <span className="timeline-status">
            {isOrderStatus(step.status)
              ? t(`orders.status.${step.status}`)
              : step.status === 'partially_refunded'
                ? t('afterSales.partiallyRefunded')
                : step.status}
          </span>
          {step.note ? <span className="muted">{step.note}</span> : null}
          <time dateTime={step.at}>{dateTime(step.at)}</time>
        </li>
      ))}
    </ol>
  );
}
