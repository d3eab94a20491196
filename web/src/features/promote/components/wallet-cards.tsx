import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useMoney } from '../../../lib/config';
import { useWallet } from '../api/get-wallet';
import type { Wallet } from '../types';

const BALANCES = [
  'pending',
  'held',
  'available',
  'reserved',
  'withdrawn',
] as const satisfies readonly (keyof Wallet)[];

/** The four balances of the promoter's wallet, each with what it means. */
export function WalletCards() {
  const { t } = useTranslation();
  const money = useMoney();
  const wallet = useWallet();
  if (wallet.isPending) return <Spinner />;
  if (!wallet.data) return <ErrorMessage error={wallet.error} />;
  const balances = wallet.data;
  return (
    <ul className="wallet-cards" data-testid="wallet">
      {BALANCES.filter((b) => b !== 'held' || balances.held !== 0).map((balance) => (
        <li key={balance} className={`wallet-card wallet-${balance}`}>
          <span className="wallet-label">{t(`promote.wallet.${balance}`)}</span>
          <strong className="wallet-amount" data-testid={`wallet-${balance}`} data-amount={balances[balance]}>
            {money(balances[balance])}
          </strong>
          <small className="muted">{t(`promote.wallet.${balance}Hint`)}</small>
        </li>
      ))}
    </ul>
  );
}
