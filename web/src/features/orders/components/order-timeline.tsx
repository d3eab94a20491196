import { useTranslation } from 'react-i18next';
import { useDateTime } from '../../../lib/config';
import { ORDER_STATUSES, type Order, type OrderStatus } from '../types';

const isOrderStatus = (status: Order['timeline'][number]['status']): status is OrderStatus =>
  (ORDER_STATUSES as readonly string[]).includes(status);

/**
 * The notes the server writes for steps a buyer or a job takes (orders/delivery-rules.ts), and the
 * reason of a refund an after-sales approval makes (aftersales/service.ts), and a points-mall
 * redemption's paid step (orders/redemption-order.ts).
 */
const KNOWN_NOTES = {
  'confirmed by the buyer': 'fulfilment.notes.confirmedByBuyer',
  'confirmed automatically': 'fulfilment.notes.confirmedAutomatically',
  'cancelled by the buyer': 'fulfilment.notes.cancelledByBuyer',
  'not paid in time': 'fulfilment.notes.notPaidInTime',
  'after-sales refund': 'fulfilment.notes.afterSalesRefund',
  'after-sales return': 'fulfilment.notes.afterSalesReturn',
  'redeemed in the points mall': 'pointsMall.orderNote',
  'collected at the pickup point': 'fulfilment.notes.collectedAtPickup',
  'not collected at the pickup point in time': 'fulfilment.notes.notCollectedInTime',
  'gift not claimed in time': 'gifts.unclaimedRefunded',
} as const;

const isKnownNote = (note: string): note is keyof typeof KNOWN_NOTES => note in KNOWN_NOTES;

/** Notes the orders module writes with a name in them (who refunded): worded without the name. */
const NOTE_PREFIXES = [
  ['refunded by ', 'orderSteps.refundedByShop'],
  ['refunded at ', 'orderSteps.refundedAtProvider'],
  ['the payment could not be started', 'orderSteps.paymentNotStarted'],
] as const;

interface OrderTimelineProps {
  timeline: Order['timeline'];
  /** Shown on the "shipped" step: the carrier and tracking number, in the reader's language. */
  shipment?: Order['shipment'];
}

export function OrderTimeline({ timeline, shipment }: OrderTimelineProps) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const noteOf = (step: Order['timeline'][number]) => {
    if (step.status === 'shipped' && shipment)
      return t('fulfilment.shippedWith', {
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber,
      });
    if (!step.note) return null;
    if (isKnownNote(step.note)) return t(KNOWN_NOTES[step.note]);
    const prefixed = NOTE_PREFIXES.find(([prefix]) => step.note.startsWith(prefix));
    return prefixed ? t(prefixed[1]) : step.note;
  };
  return (
    <ol className="timeline" data-testid="order-timeline">
      {timeline.map((step) => {
        const note = noteOf(step);
        return (
          <li key={`${step.status}-${step.at}`} data-testid={`timeline-${step.status}`}>
            <span className="timeline-status">
              {step.status === 'pending_payment'
                ? t('fulfilment.placed')
                : isOrderStatus(step.status)
                  ? t(`orders.status.${step.status}`)
                  : step.status === 'partially_refunded'
                    ? t('afterSales.partiallyRefunded')
                    : t('orderSteps.payment_failed')}
            </span>
            {note ? <span className="muted">{note}</span> : null}
            <time dateTime={step.at}>{dateTime(step.at)}</time>
          </li>
        );
      })}
    </ol>
  );
}
