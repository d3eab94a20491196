import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useDateTime } from '../../../lib/config';
import { useUser } from '../../auth';
import { useAdminCommunities, useDecideLeader, useLeaderApplications } from '../api/admin';

/** The console's communities: every community with its leader and pickups, and leader applications. */
export function AdminCommunitiesPage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const [q, setQ] = useState('');
  const list = useAdminCommunities(q.trim());
  return (
    <section className="admin-page" data-testid="admin-communities">
      <h1>{t('communities.admin.title')}</h1>
      {user?.roles.includes('admin') ? <LeaderApplications /> : null}
      <label className="field">
        <span>{t('communities.search')}</span>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      {list.isPending ? <Spinner /> : null}
      <ErrorMessage error={list.error} />
      {list.data?.items.length === 0 ? <EmptyState title={t('communities.none')} /> : null}
      {list.data && list.data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('communities.admin.community')}</th>
              <th>{t('communities.admin.leader')}</th>
              <th className="num">{t('communities.admin.members')}</th>
              <th className="num">{t('communities.admin.awaiting')}</th>
              <th className="num">{t('communities.admin.collected')}</th>
              <th className="num">{t('communities.admin.returned')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr key={c.id} data-testid="admin-community-row">
                <td>
                  <strong>{c.name}</strong>
                  <br />
                  <span className="muted">{c.pickupPoint.address}</span>
                </td>
                <td>
                  {c.leader.name}
                  <br />
                  <span className="muted">{c.leader.email}</span>
                </td>
                <td className="num">{c.membersCount}</td>
                <td className="num">{c.awaitingCollection}</td>
                <td className="num">{c.collected}</td>
                <td className="num">{c.returned}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function LeaderApplications() {
  const { t } = useTranslation();
  const when = useDateTime();
  const applications = useLeaderApplications();
  const { approve, reject } = useDecideLeader();
  const items = applications.data?.items ?? [];
  return (
    <div className="card" data-testid="leader-applications">
      <h2>{t('communities.admin.applications')}</h2>
      <ErrorMessage error={applications.error ?? approve.error ?? reject.error} />
      {applications.isSuccess && items.length === 0 ? (
        <p className="muted">{t('communities.admin.noApplications')}</p>
      ) : null}
      <ul className="plain-list">
        {items.map((a) => (
          <li key={a.userId}>
            {a.name} ({a.email}) · {when(a.createdAt)}{' '}
            <button type="button" className="btn btn-primary" onClick={() => approve.mutate(a.userId)}>
              {t('communities.admin.approve')}
            </button>{' '}
            <button type="button" className="btn btn-secondary" onClick={() => reject.mutate(a.userId)}>
              {t('communities.admin.reject')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
