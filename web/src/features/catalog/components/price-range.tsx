import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';

/** "¥12.90", or "from ¥12.90" when variants differ in price. */
export function PriceRange({ min, max }: { min: number | null; max: number | null }) {
  const { t } = useTranslation();
  const money = useMoney();
  if (min === null) return null;
  if (max === null || max === min) return <span className="price">{money(min)}</span>;
  return <span className="price">{t('catalog.fromPrice', { price: money(min) })}</span>;
}
