import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime, useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useMyTeam } from '../api/get-team';

export function PromoteTeamPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const team = useMyTeam();
  const items = allItems(team.data);
  return (
    <>
      <p className="muted">{t('promote.teamHint')}</p>
      <ListStatus
        pending={team.isPending}
        error={team.error}
        empty={items.length === 0}
        emptyTitle={t('promote.noTeam')}
        emptyTestId="team-empty"
      >
        <Link className="btn btn-primary" to="/account">
          {t('promote.inviteFriends')}
        </Link>
      </ListStatus>
      <ul className="plain-list">
        {items.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: team members carry no ids; pages only append
          <li key={i} className="list-row" data-testid="team-row">
            <span className="avatar avatar-small" aria-hidden="true">
              {m.initial}
            </span>
            <div className="list-row-main">
              <strong>{m.name}</strong>
              <span className="muted">{t('promote.joinedAt', { time: dateTime(m.joinedAt) })}</span>
            </div>
            <div className="list-row-side">
              <span>{t('promote.teamSales', { amount: money(m.sales) })}</span>
              <small className="muted">{t('promote.invitedCount', { count: m.invited })}</small>
            </div>
          </li>
        ))}
      </ul>
      <LoadMore pages={team} />
    </>
  );
}
