import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';

/** "Earn ¥3.90": what one sale through the viewer's link earns them; nothing when it earns nothing. */
export function EarnBadge({ amount, group = false }: { amount: number | undefined; group?: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  if (!amount || amount <= 0) return null;
  return (
    <span className="earn-badge" data-testid="earn-badge">
      {t(group ? 'earn.groupBadge' : 'earn.badge', { amount: money(amount) })}
    </span>
  );
}
