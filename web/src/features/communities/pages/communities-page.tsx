import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useUser } from '../../auth';
import { useCommunities, useMyCommunity } from '../api/community';

/** The member's own community first, then every community to find one's neighbours. */
export function CommunitiesPage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const mine = useMyCommunity(Boolean(user));
  const [q, setQ] = useState('');
  const list = useCommunities(q.trim());
  return (
    <section className="page narrow" data-testid="communities-page">
      <h1>{t('communities.title')}</h1>
      {mine.data ? (
        <Link className="card my-community" to={`/communities/${mine.data.id}`} data-testid="my-community">
          <p className="muted">{t('communities.myCommunity')}</p>
          <strong>{mine.data.name}</strong>
          <p>{mine.data.pickupPoint.name}</p>
        </Link>
      ) : null}
      <label className="field">
        <span>{t('communities.search')}</span>
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="community-search"
        />
      </label>
      {list.isPending ? <Spinner /> : null}
      <ErrorMessage error={list.error} />
      {list.data?.items.length === 0 ? <EmptyState title={t('communities.none')} /> : null}
      <ul className="plain-list">
        {list.data?.items.map((c) => (
          <li key={c.id} className="card">
            <Link to={`/communities/${c.id}`} data-testid="community-link">
              <strong>{c.name}</strong>
            </Link>
            <p className="muted">
              {c.pickupPoint.name} · {c.pickupPoint.address}
            </p>
            <p className="muted">{t('communities.members', { count: c.membersCount })}</p>
          </li>
        ))}
      </ul>
      <Link to="/leader">{t('communities.leader.becomeLink')}</Link>
    </section>
  );
}
