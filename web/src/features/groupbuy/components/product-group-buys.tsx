import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMoney } from '../../../lib/config';
import { useUser } from '../../auth';
import { useProductGroupBuys } from '../api/get-campaigns';
import type { GroupSummary, PublicCampaign } from '../types';
import { Countdown } from './countdown';
import { groupCheckoutState } from './group-checkout';

/** On a product page: its group deals, "Start a group", and open groups to join. */
export function ProductGroupBuys({ productId }: { productId: string }) {
  const campaigns = useProductGroupBuys(productId);
  const running = campaigns.data?.items.filter((c) => c.running || c.openGroups.length > 0) ?? [];
  if (running.length === 0) return null;
  return (
    <section className="group-deals" data-testid="group-deals">
      {running.map((c) => (
        <CampaignOffer key={c.id} campaign={c} />
      ))}
    </section>
  );
}

function CampaignOffer({ campaign }: { campaign: PublicCampaign }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { user } = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  const others = campaign.openGroups.filter((g) => !g.leader.you);

  function checkout(unitPrice: number, groupId?: string) {
    if (!user) {
      navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
      return;
    }
    navigate('/checkout', {
      state: groupCheckoutState({
        campaignId: campaign.id,
        groupId,
        variantId: campaign.variantId,
        productId: campaign.productId,
        title: campaign.product.title,
        image: campaign.product.image,
        unitPrice,
      }),
    });
  }

  const leaderPrice = campaign.leaderPrice ?? campaign.price;
  return (
    <div className="card group-offer" data-testid="group-offer">
      <p className="group-offer-head">
        <strong className="price">{money(campaign.price)}</strong>
        <span>{t('groupBuy.teamOf', { count: campaign.groupSize })}</span>
        {campaign.leaderPrice !== null ? (
          <small className="muted">{t('groupBuy.leaderPriceNote', { price: money(leaderPrice) })}</small>
        ) : null}
      </p>
      {campaign.running ? (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => checkout(leaderPrice)}
          data-testid="start-group"
        >
          {t('groupBuy.startGroup', { price: money(leaderPrice) })}
        </button>
      ) : null}
      {others.length > 0 ? (
        <ul className="open-groups">
          {others.map((g) => (
            <OpenGroup key={g.id} group={g} onJoin={() => checkout(campaign.price, g.id)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function OpenGroup({ group, onJoin }: { group: GroupSummary; onJoin: () => void }) {
  const { t } = useTranslation();
  const missing = group.groupSize - group.paidMembers;
  return (
    <li className="open-group" data-testid="open-group">
      <span className="avatar" aria-hidden="true">
        {group.leader.initial}
      </span>
      <span className="open-group-text">
        <Link to={`/groups/${group.id}`}>{t('groupBuy.groupOf', { name: group.leader.name })}</Link>
        <small className="muted">
          {t('groupBuy.missing', { count: missing })} · <Countdown deadline={group.expiresAt} />
        </small>
      </span>
      <button
        type="button"
        className="btn btn-outline btn-small"
        onClick={onJoin}
        data-testid="join-open-group"
      >
        {t('groupBuy.join')}
      </button>
    </li>
  );
}
