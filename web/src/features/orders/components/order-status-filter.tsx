import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, type OrderStatus } from '../types';

interface OrderStatusFilterProps {
  value: OrderStatus | undefined;
  onChange: (status: OrderStatus | undefined) => void;
}

export function OrderStatusFilter({ value, onChange }: OrderStatusFilterProps) {
  const { t } = useTranslation();
  return (
    <div className="chips" role="toolbar" aria-label={t('orders.filterByStatus')}>
      {[undefined, ...ORDER_STATUSES].map((status) => (
        <button
          key={status ?? 'all'}
          type="button"
          className={`chip${status === value ? ' chip-active' : ''}`}
          aria-pressed={status === value}
          onClick={() => onChange(status)}
        >
          {status ? t(`orders.status.${status}`) : t('catalog.all')}
        </button>
      ))}
    </div>
  );
}

export const toOrderStatus = (text: string | null): OrderStatus | undefined =>
  ORDER_STATUSES.find((s) => s === text);
