import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ProductImage } from '../../../components/product-image';
import { Spinner } from '../../../components/spinner';
import { StatusPage } from '../../../components/status-page';
import { isApiError } from '../../../lib/api-error';
import { useDateTime, useMoney } from '../../../lib/config';
import { useUser } from '../../auth';
import { purchaseIntent } from '../../cart';
import { CommunityOnlyNote } from '../../communities';
import { EarnBadge, useShareEarning } from '../../share-earnings';
import { ShareButton } from '../../sharing';
import { useGroup } from '../api/get-group';
import { Countdown, useRemaining } from '../components/countdown';
import { groupPurchase } from '../components/group-checkout';
import { GroupProgress } from '../components/group-progress';
import { GroupStatusBadge } from '../components/group-status-badge';
import { MemberAvatars } from '../components/member-avatars';
import type { Group } from '../types';

export function GroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const group = useGroup(id);
  if (group.isPending) return <Spinner />;
  if (isApiError(group.error, 404)) {
    return (
      <StatusPage title={t('groupBuy.notFound')} testId="group-not-found">
        <Link className="btn btn-primary" to="/">
          {t('common.backHome')}
        </Link>
      </StatusPage>
    );
  }
  if (!group.data) return <ErrorMessage error={group.error} />;
  return <GroupDetails group={group.data} />;
}

function GroupDetails({ group }: { group: Group }) {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const open = group.status === 'open';
  const missing = Math.max(0, group.groupSize - group.paidMembers);
  const earn = useShareEarning(group.product.id, { campaignId: group.campaignId });
  return (
    <article className="page narrow group-page" data-testid="group-page">
      <header className="card group-deal">
        <ProductImage
          src={group.product.image ?? undefined}
          alt={group.product.title}
          className="group-thumb"
        />
        <div>
          <Link to={`/products/${group.product.id}`} className="group-product">
            {group.product.title}
          </Link>
          <p className="group-prices">
            <strong className="price price-large" data-testid="group-price">
              {money(group.price)}
            </strong>
            {group.regularPrice !== null && group.regularPrice > group.price ? (
              <s className="muted" data-testid="regular-price">
                {money(group.regularPrice)}
              </s>
            ) : null}
          </p>
          <p className="muted">{t('groupBuy.teamOf', { count: group.groupSize })}</p>
          {group.communityId ? <CommunityOnlyNote communityId={group.communityId} /> : null}
          {open ? <EarnBadge amount={earn} /> : null}
        </div>
      </header>

      <section className="card group-state">
        <GroupStatusBadge status={group.status} />
        {open ? <Countdown deadline={group.expiresAt} /> : null}
        <GroupProgress paid={group.paidMembers} size={group.groupSize} />
        <MemberAvatars members={group.members} size={open ? group.groupSize : group.members.length} />
        <p className="group-message" data-testid="group-message">
          {group.status === 'succeeded'
            ? t('groupBuy.succeededText')
            : group.status === 'failed'
              ? t('groupBuy.failedText')
              : t('groupBuy.missing', { count: missing })}
        </p>
        {group.completedByPlatform ? (
          <p className="alert alert-info" data-testid="completed-by-platform">
            {t('groupBuy.completedByPlatform')}
          </p>
        ) : null}
        {open ? <JoinOrShare group={group} /> : null}
      </section>

      {group.members.length > 0 ? (
        <section className="card">
          <h2>{t('groupBuy.members')}</h2>
          <ul className="member-list">
            {group.members.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: members carry no ids; join order is stable
              <li key={i}>
                <strong>{m.name}</strong>
                {m.you ? <span className="badge">{t('privacy.you')}</span> : null}
                {m.leader ? <span className="badge">{t('groupBuy.leader')}</span> : null}
                <small className="muted">{dateTime(m.joinedAt)}</small>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/** Members share the group to fill it; everyone else may take a free seat. */
function JoinOrShare({ group }: { group: Group }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { user } = useUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const remaining = useRemaining(group.expiresAt);
  const isMember = Boolean(user && group.members.some((m) => m.you));
  // A share of the group sells at the group price: that is what it earns on.
  const earn = useShareEarning(group.product.id, { campaignId: group.campaignId });
  const canJoin = !isMember && group.seatsLeft > 0 && remaining > 0;

  // A guest goes to checkout too: it sends them to sign in (or up) and back with the intent kept.
  function join() {
    const intent = groupPurchase({
      campaignId: group.campaignId,
      groupId: group.id,
      variantId: group.variantId,
      productId: group.product.id,
      title: group.product.title,
      image: group.product.image,
      unitPrice: group.price,
      shareCode: params.get('ref') ?? undefined,
      communityId: group.communityId,
    });
    navigate(purchaseIntent.save(intent));
  }

  if (isMember) {
    return (
      <div className="group-actions group-actions-member" data-testid="group-member-actions">
        <p className="group-youre-in" data-testid="group-youre-in">
          {t('shopper.youreIn')}
        </p>
        <ShareButton target={{ groupId: group.id }} earn={earn} />
      </div>
    );
  }

  return (
    <div className="group-actions">
      {canJoin ? (
        <button type="button" className="btn btn-primary" onClick={join} data-testid="join-group">
          {t('groupBuy.joinFor', { price: money(group.price) })}
        </button>
      ) : null}
      {group.seatsLeft === 0 ? <p className="muted">{t('groupBuy.seatsBeingPaid')}</p> : null}
      <ShareButton target={{ groupId: group.id }} earn={earn} />
    </div>
  );
}
