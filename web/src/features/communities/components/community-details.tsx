import { useTranslation } from 'react-i18next';
import { useDateTime } from '../../../lib/config';
import { type Community, mapLink } from '../types';

/** A community's pickup point, opening hours, members and the next wave's cut-off. */
export function CommunityDetails({ community }: { community: Community }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const point = community.pickupPoint;
  return (
    <div className="card community-details">
      <h2>{t('communities.pickupPoint')}</h2>
      <p>
        <strong>{point.name}</strong>
      </p>
      <p>
        <a href={mapLink(point)} target="_blank" rel="noreferrer noopener" data-testid="map-link">
          {point.address} ↗
        </a>
      </p>
      {point.openingHours ? <p>{t('communities.openingHours', { hours: point.openingHours })}</p> : null}
      <p data-testid="members-count">{t('communities.members', { count: community.membersCount })}</p>
      <p className="muted">{t('communities.leaderName', { name: community.leader.name })}</p>
      <p className="muted">{t('communities.nextCutoff', { time: when(community.nextCutoffAt) })}</p>
    </div>
  );
}
