import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMoney } from '../../../lib/config';
import { purchaseIntent } from '../../cart';
import { useProductGroupBuys } from '../api/get-campaigns';
import type { GroupSummary, PublicCampaign } from '../types';
import { Countdown } from './countdown';
import { groupPurchase, leaderPriceOf, startGroupPurchase } from './group-checkout';

/**
 * On a product page: its group deals and open groups to join. "Start a group" of the campaign in
 * the page's action bar (`inBar`) is not repeated here.
 */
export function ProductGroupBuys({ productId, inBar }: { productId: string; inBar?: string }) {
  const campaigns = useProductGroupBuys(productId);
  const running = campaigns.data?.items.filter((c) => c.running || c.openGroups.length > 0) ?? [];
  if (running.length === 0) return null;
  return (
    <section className="group-deals" data-testid="group-deals">
      {running.map((c) => (
        <CampaignOffer key={c.id} campaign={c} showStart={c.running && c.id !== inBar} />
      ))}
    </section>
  );
}

export function CampaignOffer({ campaign, showStart }: { campaign: PublicCampaign; showStart: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const shareCode = params.get('ref') ?? undefined;
  const others = campaign.openGroups.filter((g) => !g.leader.you);

  // A guest goes to checkout too: it sends them to sign in (or up) and back with the intent kept.
  function join(groupId: string) {
    const intent = groupPurchase({
      campaignId: campaign.id,
      groupId,
      variantId: campaign.variantId,
      productId: campaign.productId,
      title: campaign.product.title,
      image: campaign.product.image,
      unitPrice: campaign.price,
      shareCode,
      communityId: campaign.communityId,
    });
    navigate(purchaseIntent.save(intent));
  }

  const leaderPrice = leaderPriceOf(campaign);
  return (
    <div className="card group-offer" data-testid="group-offer">
      <p className="group-offer-head">
        <strong className="price">{money(campaign.price)}</strong>
        <span>{t('groupBuy.teamOf', { count: campaign.groupSize })}</span>
        {campaign.leaderPrice !== null ? (
          <small className="muted">{t('groupBuy.leaderPriceNote', { price: money(leaderPrice) })}</small>
        ) : null}
      </p>
      {showStart ? (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => navigate(purchaseIntent.save(startGroupPurchase(campaign, shareCode)))}
          data-testid="start-group"
        >
          {t('groupBuy.startGroup', { price: money(leaderPrice) })}
        </button>
      ) : null}
      {others.length > 0 ? (
        <ul className="open-groups">
          {others.map((g) => (
            <OpenGroup key={g.id} group={g} onJoin={() => join(g.id)} />
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
