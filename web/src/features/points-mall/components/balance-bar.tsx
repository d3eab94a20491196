import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyBalance } from '../api/my-balance';

/** My points at the top of the mall, or an invitation to sign in. */
export function BalanceBar({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const balance = useMyBalance(signedIn);
  if (!signedIn) {
    return (
      <p className="mall-balance">
        <Link to={`/signin?next=${encodeURIComponent('/points-mall')}`}>
          {t('pointsMall.signInForBalance')}
        </Link>
      </p>
    );
  }
  return (
    <p className="mall-balance" data-testid="mall-balance">
      <strong>{t('pointsMall.balance', { count: balance.data ?? 0 })}</strong>
      <Link to="/points-mall/redemptions">{t('pointsMall.mine')}</Link>
    </p>
  );
}
