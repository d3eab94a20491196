import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCommunity } from '../api/community';

/** A community group buy's note: whose neighbours it is for, and where they collect. */
export function CommunityOnlyNote({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const community = useCommunity(communityId);
  if (!community.data) return null;
  const { name, pickupPoint } = community.data;
  return (
    <p className="badge-line" data-testid="community-only">
      <Link to={`/communities/${communityId}`}>
        {t('communities.onlyFor', { name, point: pickupPoint.name })}
      </Link>
    </p>
  );
}
