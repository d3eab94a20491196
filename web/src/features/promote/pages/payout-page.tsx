import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PayoutDetailsForm } from '../components/payout-details-form';

export function PromotePayoutPage() {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">{t('payouts.intro')}</p>
      <PayoutDetailsForm />
      <Link className="btn btn-outline btn-block" to="/promote/withdrawals">
        {t('promote.withdrawTitle')}
      </Link>
    </>
  );
}
