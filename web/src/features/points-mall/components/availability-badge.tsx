import { useTranslation } from 'react-i18next';
import type { Availability } from '../types';

/** Sold out, over my limit or too dear for my balance; nothing when I may redeem. */
export function AvailabilityBadge({ availability }: { availability: Availability }) {
  const { t } = useTranslation();
  if (availability === 'available') return null;
  return (
    <span
      className={`badge mall-availability mall-availability-${availability}`}
      data-testid="mall-item-availability"
      data-availability={availability}
    >
      {t(`pointsMall.availability.${availability}`)}
    </span>
  );
}
