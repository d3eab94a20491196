import { useTranslation } from 'react-i18next';
import { ListStatus } from '../../../components/list-status';
import { useAdminHonours } from '../api/get-admin-honours';
import { BadgeMedal } from '../components/badge-medal';

/** /admin/honours: how many hold each badge and tier, and the latest to reach it. */
export function AdminHonoursPage() {
  const { t } = useTranslation();
  const honours = useAdminHonours();
  const items = honours.data?.items ?? [];
  return (
    <section data-testid="admin-honours">
      <div className="page-heading">
        <h1>{t('adminHonours.title')}</h1>
      </div>
      <p className="muted">{t('adminHonours.intro')}</p>
      <ListStatus
        pending={honours.isPending}
        error={honours.error}
        empty={items.length === 0}
        emptyTitle={t('adminHonours.nobody')}
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-honours-table">
            <thead>
              <tr>
                <th scope="col">{t('adminHonours.columns.badge')}</th>
                <th scope="col">{t('adminHonours.columns.tier')}</th>
                <th scope="col">{t('adminHonours.columns.holders')}</th>
                <th scope="col">{t('adminHonours.columns.recent')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={`${row.badge}-${row.tier}`} data-testid="admin-honours-row">
                  <td data-label={t('adminHonours.columns.badge')}>{t(`honours.names.${row.badge}`)}</td>
                  <td data-label={t('adminHonours.columns.tier')}>
                    <span className="admin-honours-tier">
                      <BadgeMedal badge={row.badge} tier={row.tier} size="small" />
                      {t(`honours.tiers.${row.tier}`)}
                    </span>
                  </td>
                  <td data-label={t('adminHonours.columns.holders')} data-testid="honour-holders">
                    {row.holders}
                  </td>
                  <td data-label={t('adminHonours.columns.recent')}>
                    {row.recent.length === 0
                      ? t('adminHonours.nobody')
                      : row.recent.map((person) => person.name).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
