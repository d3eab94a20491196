import { useTranslation } from 'react-i18next';
import type { GroupStatus, OrderGroupStatus } from '../types';

const tone: Record<GroupStatus | OrderGroupStatus, string> = {
  open: 'status-pending_payment',
  waiting: 'status-pending_payment',
  succeeded: 'badge-success',
  failed: 'badge-muted',
  left: 'badge-muted',
};

export function GroupStatusBadge({ status }: { status: GroupStatus | OrderGroupStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${tone[status]}`} data-testid="group-status" data-status={status}>
      {t(`groupBuy.status.${status}`)}
    </span>
  );
}
