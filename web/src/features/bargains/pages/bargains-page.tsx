import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useBargainsAllowed } from '../api/bargains-allowed';
import { useCampaigns } from '../api/campaigns';
import { CampaignCard } from '../components/campaign-card';

/** Every campaign a bargain can be started on, newest first. */
export function BargainsPage() {
  const { t } = useTranslation();
  const allowed = useBargainsAllowed();
  const campaigns = useCampaigns();
  const items = campaigns.data?.items ?? [];
  if (allowed === false) {
    return (
      <section className="page narrow" data-testid="bargains-page">
        <h1>{t('bargain.title')}</h1>
        <EmptyState title={t('bargain.notAvailable')} testId="bargains-not-available" />
      </section>
    );
  }
  return (
    <section className="page narrow" data-testid="bargains-page">
      <h1>{t('bargain.title')}</h1>
      <p className="muted">{t('bargain.intro')}</p>
      {campaigns.isPending ? <Spinner /> : null}
      <ErrorMessage error={campaigns.error} />
      {campaigns.isSuccess && items.length === 0 ? (
        <EmptyState title={t('bargain.none')} testId="no-bargains" />
      ) : null}
      <div className="flash-sale-grid">
        {items.map((campaign) => (
          <CampaignCard key={campaign.id} campaign={campaign} />
        ))}
      </div>
    </section>
  );
}
