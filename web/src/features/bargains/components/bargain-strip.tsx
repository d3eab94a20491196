import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBargainsAllowed } from '../api/bargains-allowed';
import { useCampaigns } from '../api/campaigns';
import { CampaignCard } from './campaign-card';

/** The home page's bargain section: a couple of campaigns, or nothing where none runs or the policy forbids. */
export function BargainStrip() {
  const { t } = useTranslation();
  const allowed = useBargainsAllowed();
  const campaigns = useCampaigns();
  const shown = campaigns.data?.items.slice(0, 2) ?? [];
  if (allowed !== true || shown.length === 0) return null;
  return (
    <section className="home-flash" aria-label={t('bargain.title')} data-testid="home-bargains">
      <h2>
        <Link to="/bargains">{t('bargain.title')} ›</Link>
      </h2>
      <div className="flash-sale-grid">
        {shown.map((campaign) => (
          <CampaignCard key={campaign.id} campaign={campaign} />
        ))}
      </div>
    </section>
  );
}
