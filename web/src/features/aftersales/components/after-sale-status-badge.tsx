import { useTranslation } from 'react-i18next';
import type { AfterSaleStatus } from '../types';

export function AfterSaleStatusBadge({ status }: { status: AfterSaleStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge after-sale-${status}`} data-testid="after-sale-status">
      {t(`afterSales.status.${status}`)}
    </span>
  );
}
