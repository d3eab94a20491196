import { useTranslation } from 'react-i18next';

/** A posting's reason code in the reader's language; codes this page does not know read "Other". */
export function useReasonLabel(): (reason: string) => string {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    order: t('pointsLedger.reasons.order'),
    order_refund: t('pointsLedger.reasons.order_refund'),
    checkout: t('pointsLedger.reasons.checkout'),
    checkout_return: t('pointsLedger.reasons.checkout_return'),
    expired: t('pointsLedger.reasons.expired'),
    invitation: t('pointsLedger.reasons.invitation'),
    invitation_reversed: t('pointsLedger.reasons.invitationReversed'),
    checkin: t('pointsLedger.reasons.checkin'),
    task: t('pointsLedger.reasons.task'),
    mall: t('pointsLedger.reasons.mall'),
    competition: t('pointsLedger.reasons.competition'),
    review: t('pointsLedger.reasons.review'),
  };
  return (reason) => labels[reason] ?? t('pointsLedger.reasons.other');
}
