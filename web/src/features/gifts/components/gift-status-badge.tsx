import { useTranslation } from 'react-i18next';
import type { GiftStatus } from '../types';

export function GiftStatusBadge({ status }: { status: GiftStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge gift-status gift-status-${status}`}
      data-testid="gift-status"
      data-status={status}
    >
      {t(`gifts.status.${status}`)}
    </span>
  );
}
