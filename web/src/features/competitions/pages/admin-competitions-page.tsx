import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useAdminCompetitions } from '../api/admin-competitions';
import { PhaseBadge } from '../components/competition-card';

/** The console's list of competitions: each with its period, what it counts and how many take part. */
export function AdminCompetitionsPage() {
  const { t } = useTranslation();
  const competitions = useAdminCompetitions();
  const when = useDateTime();
  const items = allItems(competitions.data);
  return (
    <section data-testid="admin-competitions">
      <div className="page-heading">
        <h1>{t('adminCompetitions.title')}</h1>
        <Link className="btn btn-primary" to="/admin/competitions/new" data-testid="admin-new-competition">
          {t('adminCompetitions.new')}
        </Link>
      </div>
      <ListStatus
        pending={competitions.isPending}
        error={competitions.error}
        empty={items.length === 0}
        emptyTitle={t('adminCompetitions.none')}
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-competitions-table">
            <thead>
              <tr>
                <th scope="col">{t('adminCompetitions.columns.title')}</th>
                <th scope="col">{t('adminCompetitions.columns.metric')}</th>
                <th scope="col">{t('adminCompetitions.columns.period')}</th>
                <th scope="col">{t('adminCompetitions.columns.participants')}</th>
                <th scope="col">{t('adminCompetitions.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-testid="admin-competition-row">
                  <td data-label={t('adminCompetitions.columns.title')}>
                    <Link to={`/admin/competitions/${c.id}`}>{c.title}</Link>
                  </td>
                  <td data-label={t('adminCompetitions.columns.metric')}>
                    {t(`competitions.metric.${c.metric}`)}
                  </td>
                  <td data-label={t('adminCompetitions.columns.period')}>
                    {when(c.startsAt)} – {when(c.endsAt)}
                  </td>
                  <td data-label={t('adminCompetitions.columns.participants')}>{c.participants}</td>
                  <td data-label={t('adminCompetitions.columns.status')}>
                    <PhaseBadge phase={c.phase} />
                    {c.awardedAt ? (
                      <small className="muted muted-block">{t('adminCompetitions.awarded')}</small>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={competitions} />
    </section>
  );
}
