import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useUser } from '../../auth';
import { CommunityGroupBuys } from '../../groupbuy';
import { useCommunity, useMembership } from '../api/community';
import { CommunityDetails } from '../components/community-details';

export function CommunityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useUser();
  const community = useCommunity(id);
  const { join, leave } = useMembership(id);
  if (community.isPending) return <Spinner />;
  if (!community.data) return <ErrorMessage error={community.error} />;
  const c = community.data;
  const busy = join.isPending || leave.isPending;
  return (
    <section className="page narrow" data-testid="community-page">
      <h1>{c.name}</h1>
      {c.description ? <p className="community-description">{c.description}</p> : null}
      <CommunityDetails community={c} />
      <ErrorMessage error={join.error ?? leave.error} />
      {!user ? (
        <Link
          className="btn btn-primary btn-block"
          to={`/signin?next=${encodeURIComponent(`/communities/${id}`)}`}
        >
          {t('communities.signInToJoin')}
        </Link>
      ) : c.viewer.member ? (
        <>
          <p className="alert alert-success" role="status" data-testid="member-badge">
            {t('communities.youAreMember')}
          </p>
          <button
            type="button"
            className="btn btn-secondary btn-block"
            disabled={busy}
            onClick={() => leave.mutate()}
            data-testid="leave-community"
          >
            {busy ? t('common.working') : t('communities.leave')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={busy}
          onClick={() => join.mutate()}
          data-testid="join-community"
        >
          {busy ? t('common.working') : t('communities.join')}
        </button>
      )}
      {c.viewer.leader || c.viewer.helper ? (
        <Link className="btn btn-secondary btn-block" to={`/leader/${c.id}`} data-testid="run-community">
          {t('communities.leader.run')}
        </Link>
      ) : null}
      <CommunityGroupBuys communityId={c.id} />
    </section>
  );
}
