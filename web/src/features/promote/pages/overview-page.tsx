import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { MyEarnedBadges } from '../../honours';
import { MyTrustCard } from '../../trust';
import { useEarnings } from '../api/get-earnings';
import { CommissionExplainer } from '../components/commission-explainer';
import { EarningsChart, fillDays } from '../components/earnings-chart';
import { WalletCards } from '../components/wallet-cards';

const CHART_DAYS = 30;

export function PromoteOverviewPage() {
  const { t } = useTranslation();
  const earnings = useEarnings(CHART_DAYS);
  return (
    <>
      <WalletCards />
      <section className="card">
        <h2>{t('promote.earningsTitle')}</h2>
        {earnings.isPending ? <Spinner /> : null}
        <ErrorMessage error={earnings.error} />
        {earnings.data ? (
          <EarningsChart days={fillDays(earnings.data.items, CHART_DAYS, new Date())} />
        ) : null}
      </section>
      <div className="form-actions">
        <Link className="btn btn-primary" to="/">
          {t('promote.findSomething')}
        </Link>
        <Link className="btn btn-outline" to="/promote/withdrawals">
          {t('promote.withdrawTitle')}
        </Link>
      </div>
      <MyTrustCard />
      <MyEarnedBadges />
      <CommissionExplainer />
    </>
  );
}
