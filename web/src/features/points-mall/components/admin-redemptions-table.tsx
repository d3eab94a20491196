import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { type RedemptionStatusFilter, useAdminRedemptions, useMarkPerkDone } from '../api/admin-redemptions';

/** Redemptions, the perks waiting first by default: who, what, when, and marking a perk done. */
export function AdminRedemptionsTable() {
  const { t } = useTranslation();
  const at = useDateTime();
  const [status, setStatus] = useState<RedemptionStatusFilter>('pending');
  const redemptions = useAdminRedemptions(status);
  const markDone = useMarkPerkDone();
  const list = allItems(redemptions.data);
  return (
    <>
      <div className="field">
        <label htmlFor="mall-redemption-status">{t('adminPointsMall.filter')}</label>
        <select
          id="mall-redemption-status"
          value={status ?? ''}
          onChange={(e) => setStatus((e.target.value || undefined) as RedemptionStatusFilter)}
          data-testid="admin-mall-redemption-status"
        >
          <option value="pending">{t('pointsMall.status.pending')}</option>
          <option value="done">{t('pointsMall.status.done')}</option>
          <option value="">{t('adminPointsMall.allStatuses')}</option>
        </select>
      </div>
      <ListStatus
        pending={redemptions.isPending}
        error={redemptions.error}
        empty={list.length === 0}
        emptyTitle={t('adminPointsMall.noRedemptions')}
      />
      <ErrorMessage error={markDone.error} />
      {list.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-mall-redemptions">
            <thead>
              <tr>
                <th scope="col">{t('adminPointsMall.columns.title')}</th>
                <th scope="col">{t('adminPointsMall.columns.buyer')}</th>
                <th scope="col">{t('adminPointsMall.columns.cost')}</th>
                <th scope="col">{t('adminPointsMall.columns.when')}</th>
                <th scope="col">{t('adminPointsMall.columns.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} data-testid="admin-mall-redemption">
                  <td data-label={t('adminPointsMall.columns.title')}>
                    {r.title}
                    <small className="muted muted-block">{t(`pointsMall.kinds.${r.kind}`)}</small>
                  </td>
                  <td data-label={t('adminPointsMall.columns.buyer')}>
                    {r.buyer.name}
                    <small className="muted muted-block">{r.buyer.email}</small>
                  </td>
                  <td data-label={t('adminPointsMall.columns.cost')}>
                    {t('pointsMall.cost', { count: r.costPoints })}
                  </td>
                  <td data-label={t('adminPointsMall.columns.when')}>{at(r.createdAt)}</td>
                  <td data-label={t('adminPointsMall.columns.status')}>
                    <span className={`badge${r.status === 'done' ? ' badge-success' : ' badge-muted'}`}>
                      {t(`pointsMall.status.${r.status}`)}
                    </span>
                  </td>
                  <td data-label={t('admin.actions')}>
                    {r.status === 'pending' ? (
                      <button
                        type="button"
                        className="btn btn-primary btn-small"
                        disabled={markDone.isPending}
                        onClick={() => markDone.mutate(r.id)}
                        data-testid="admin-mall-mark-done"
                      >
                        {t('adminPointsMall.markDone')}
                      </button>
                    ) : null}
                    {r.orderId ? (
                      <Link to={`/admin/orders/${r.orderId}`}>{t('pointsMall.viewOrder')}</Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={redemptions} />
    </>
  );
}
