import { useTranslation } from 'react-i18next';
import type { BargainStatus } from '../types';

const tone: Record<BargainStatus, string> = {
  open: 'status-pending_payment',
  succeeded: 'badge-success',
  expired: 'badge-muted',
};

/** Open, at the floor or expired; "Bought" once its starter's order of it is placed. */
export function BargainStatusBadge({ status, ordered }: { status: BargainStatus; ordered?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${tone[status]}`} data-testid="bargain-status" data-status={status}>
      {ordered ? t('bargain.ordered') : t(`bargain.status.${status}`)}
    </span>
  );
}
