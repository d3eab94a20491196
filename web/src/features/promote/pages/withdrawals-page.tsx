import { useTranslation } from 'react-i18next';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { Spinner } from '../../../components/spinner';
import { useDateTime, useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useWallet } from '../api/get-wallet';
import { useMyWithdrawals } from '../api/get-withdrawals';
import { PayoutSummary } from '../components/payout-summary';
import { WithdrawalForm } from '../components/withdrawal-form';

export function PromoteWithdrawalsPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const wallet = useWallet();
  const withdrawals = useMyWithdrawals();
  const items = allItems(withdrawals.data);
  return (
    <>
      {wallet.data ? <WithdrawalForm available={wallet.data.available} /> : <Spinner />}
      <h2>{t('promote.withdrawHistory')}</h2>
      <ListStatus
        pending={withdrawals.isPending}
        error={withdrawals.error}
        empty={items.length === 0}
        emptyTitle={t('promote.noWithdrawals')}
        emptyTestId="withdrawals-empty"
      />
      <ul className="plain-list">
        {items.map((w) => (
          <li key={w.id} className="list-row" data-testid="withdrawal-row" data-status={w.status}>
            <div className="list-row-main">
              <strong>{money(w.amount)}</strong>
              <span className="muted">{dateTime(w.createdAt)}</span>
              {w.payout ? (
                <small className="muted">
                  <PayoutSummary details={w.payout} />
                </small>
              ) : null}
              {w.note ? <span className="muted">{w.note}</span> : null}
            </div>
            <div className="list-row-side">
              <span className={`badge status-withdrawal-${w.status}`}>
                {t(`promote.withdrawalStatus.${w.status}`)}
              </span>
              {w.decidedAt ? <small className="muted">{dateTime(w.decidedAt)}</small> : null}
            </div>
          </li>
        ))}
      </ul>
      <LoadMore pages={withdrawals} />
    </>
  );
}
