import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProductImage } from '../../../components/product-image';
import type { MallItem } from '../types';
import { AvailabilityBadge } from './availability-badge';

/** One item in the mall's grid: its picture, kind, cost, units left and whether I may redeem it. */
export function MallItemCard({ item }: { item: MallItem }) {
  const { t } = useTranslation();
  return (
    <Link
      to={`/points-mall/${item.id}`}
      className={`card mall-card${item.availability === 'available' ? '' : ' mall-card-off'}`}
      data-testid="mall-item"
    >
      <ProductImage src={item.image ?? undefined} alt={item.title} className="mall-card-image" sizes="50vw" />
      <span className="badge badge-muted mall-kind">{t(`pointsMall.kinds.${item.kind}`)}</span>
      <strong className="mall-card-title">{item.title}</strong>
      <span className="mall-cost" data-testid="mall-item-cost">
        {t('pointsMall.cost', { count: item.costPoints })}
      </span>
      <small className="muted" data-testid="mall-item-stock">
        {t('pointsMall.stockLeft', { count: item.stock })}
      </small>
      <AvailabilityBadge availability={item.availability} />
    </Link>
  );
}
