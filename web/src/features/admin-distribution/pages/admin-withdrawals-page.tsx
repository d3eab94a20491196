import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { isApiError } from '../../../lib/api-error';
import { useDateTime, useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useExportApprovedWithdrawals } from '../api/export-withdrawals';
import { useAdminWithdrawals, useDecideWithdrawal, type WithdrawalDecision } from '../api/withdrawals';
import type { AdminWithdrawal } from '../types';

const STATUSES = ['requested', 'paid', 'rejected'] as const;

export function AdminWithdrawalsPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const [params, setParams] = useSearchParams();
  // The queue to work through is the default view.
  const status = STATUSES.find((s) => s === (params.get('status') ?? 'requested'));
  const withdrawals = useAdminWithdrawals(status);
  const decide = useDecideWithdrawal();
  const exportCsv = useExportApprovedWithdrawals();
  const [pending, setPending] = useState<{
    withdrawal: AdminWithdrawal;
    decision: WithdrawalDecision;
  } | null>(null);
  const items = allItems(withdrawals.data);

  function confirm(note: string) {
    if (!pending) return;
    decide.mutate(
      { id: pending.withdrawal.id, decision: pending.decision, note },
      { onSettled: () => setPending(null) },
    );
  }

  return (
    <section>
      <div className="page-heading">
        <h1>{t('adminDistribution.withdrawals')}</h1>
        <button
          type="button"
          className="btn btn-outline btn-small"
          disabled={exportCsv.isPending}
          onClick={() => exportCsv.mutate()}
          data-testid="export-approved"
        >
          {exportCsv.isPending ? t('common.working') : t('payouts.exportApproved')}
        </button>
      </div>
      <p className="muted">{t('payouts.exportHint')}</p>
      <ErrorMessage error={exportCsv.error} />
      <div className="chips" role="toolbar" aria-label={t('promote.filterByStatus')}>
        {[...STATUSES, undefined].map((s) => (
          <button
            key={s ?? 'all'}
            type="button"
            className={`chip${s === status ? ' chip-active' : ''}`}
            aria-pressed={s === status}
            onClick={() => setParams({ status: s ?? 'all' })}
          >
            {s ? t(`promote.withdrawalStatus.${s}`) : t('catalog.all')}
          </button>
        ))}
      </div>
      {isApiError(decide.error, 422) ? (
        <div className="alert alert-warning" role="alert" data-testid="approve-refused">
          {t('payouts.approveRefused')}
        </div>
      ) : (
        <ErrorMessage error={decide.error} />
      )}
      <ListStatus
        pending={withdrawals.isPending}
        error={withdrawals.error}
        empty={items.length === 0}
        emptyTitle={t('adminDistribution.noWithdrawals')}
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-withdrawals-table">
            <thead>
              <tr>
                <th scope="col">{t('adminDistribution.requestedAt')}</th>
                <th scope="col">{t('adminDistribution.promoter')}</th>
                <th scope="col">{t('adminDistribution.amount')}</th>
                <th scope="col">{t('payouts.payTo')}</th>
                <th scope="col">{t('payouts.balance')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((w) => (
                <tr key={w.id} data-testid="admin-withdrawal-row">
                  <td data-label={t('adminDistribution.requestedAt')}>{dateTime(w.createdAt)}</td>
                  <td data-label={t('adminDistribution.promoter')}>
                    {w.user?.name}
                    <br />
                    <small className="muted">{w.user?.email}</small>
                  </td>
                  <td data-label={t('adminDistribution.amount')}>{money(w.amount)}</td>
                  <td data-label={t('payouts.payTo')} data-testid="withdrawal-payout">
                    {w.payout ? (
                      <>
                        <strong>{t(`payouts.method.${w.payout.method}`)}</strong>
                        {w.payout.bankName ? ` · ${w.payout.bankName}` : ''}
                        <br />
                        {w.payout.holderName}
                        <br />
                        <code>{w.payout.account}</code>
                      </>
                    ) : (
                      <small className="muted">{t('payouts.noSnapshot')}</small>
                    )}
                  </td>
                  <td
                    data-label={t('payouts.balance')}
                    data-testid="withdrawal-balance"
                    data-covers={w.balance.covers}
                  >
                    {money(w.balance.available + w.balance.reserved)}
                    {w.status === 'requested' ? (
                      <>
                        <br />
                        <span className={`badge ${w.balance.covers ? 'badge-muted' : 'status-held'}`}>
                          {w.balance.covers ? t('payouts.covers') : t('payouts.doesNotCover')}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td data-label={t('admin.status')}>
                    <span className={`badge status-withdrawal-${w.status}`}>
                      {t(`promote.withdrawalStatus.${w.status}`)}
                    </span>
                    {w.note ? <small className="muted">{w.note}</small> : null}
                  </td>
                  <td data-label={t('admin.actions')} className="table-actions">
                    {w.status === 'requested'
                      ? (['approve', 'reject'] as const).map((decision) => (
                          <button
                            key={decision}
                            type="button"
                            className={`btn btn-small ${decision === 'reject' ? 'btn-outline' : 'btn-primary'}`}
                            // The server refuses it too (422): this only saves a click.
                            disabled={decision === 'approve' && !w.balance.covers}
                            onClick={() => setPending({ withdrawal: w, decision })}
                            data-testid={`withdrawal-${decision}`}
                          >
                            {t(`adminDistribution.decision.${decision}`)}
                          </button>
                        ))
                      : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={withdrawals} />
      <ConfirmDialog
        open={pending !== null}
        title={pending ? t(`adminDistribution.decision.${pending.decision}`) : ''}
        confirmLabel={pending ? t(`adminDistribution.decision.${pending.decision}`) : ''}
        danger={pending?.decision === 'reject'}
        note={{ label: t('adminDistribution.note') }}
        testId="decision"
        message={
          pending
            ? t('adminDistribution.decisionSummary', {
                name: pending.withdrawal.user?.name ?? '',
                amount: money(pending.withdrawal.amount),
              })
            : ''
        }
        busy={decide.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      />
    </section>
  );
}
