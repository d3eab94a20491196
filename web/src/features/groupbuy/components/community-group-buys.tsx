import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProductImage } from '../../../components/product-image';
import { useCommunityGroupBuys } from '../api/get-campaigns';
import { CampaignOffer } from './product-group-buys';

/** On a community page: the group buys limited to its members, each with its product and open groups. */
export function CommunityGroupBuys({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const campaigns = useCommunityGroupBuys(communityId);
  const running = campaigns.data?.items.filter((c) => c.running || c.openGroups.length > 0) ?? [];
  if (!campaigns.isSuccess) return null;
  return (
    <section className="community-group-buys" data-testid="community-group-buys">
      <h2>{t('communities.groupBuys')}</h2>
      {running.length === 0 ? <p className="muted">{t('communities.groupBuysEmpty')}</p> : null}
      {running.map((c) => (
        <div key={c.id} className="community-deal">
          <Link to={`/products/${c.product.id}`} className="community-deal-product">
            <ProductImage src={c.product.image ?? undefined} alt={c.product.title} className="group-thumb" />
            <strong>{c.product.title}</strong>
          </Link>
          <CampaignOffer campaign={c} showStart={c.running} />
        </div>
      ))}
    </section>
  );
}
