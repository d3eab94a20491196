import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import {
  useApproveShopkeeper,
  useRejectShopkeeper,
  useShopkeeperApplications,
} from '../api/admin-shopkeepers';
import type { ShopkeeperApplication } from '../types';

/** The operator's queue of shopkeeper applications, and the ones decided lately. */
export function AdminShopkeepersPage() {
  const { t } = useTranslation();
  const approve = useApproveShopkeeper();
  const reject = useRejectShopkeeper();
  const [approving, setApproving] = useState<ShopkeeperApplication | null>(null);
  const [rejecting, setRejecting] = useState<ShopkeeperApplication | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="page" data-testid="admin-shopkeepers">
      <h1>{t('shopkeeperApplications.title')}</h1>
      {done ? (
        <p className="alert alert-success" role="status" data-testid="shopkeeper-decided">
          {done}
        </p>
      ) : null}
      <ErrorMessage error={approve.error ?? reject.error} />
      <h2 className="section-title">{t('shopkeeperApplications.pending')}</h2>
      <Applications which="pending" onApprove={setApproving} onReject={setRejecting} />
      <h2 className="section-title">{t('shopkeeperApplications.decided')}</h2>
      <Applications which="decided" />
      <ConfirmDialog
        open={approving !== null}
        title={t('shopkeeperApplications.approveTitle', { name: approving?.name ?? '' })}
        message={t('shopkeeperApplications.approveMessage')}
        confirmLabel={t('shopkeeperApplications.approve')}
        busy={approve.isPending}
        onCancel={() => setApproving(null)}
        onConfirm={() => {
          if (!approving) return;
          const { name } = approving;
          // Only this decision's outcome shows: the last one's notice or error goes.
          reject.reset();
          setDone(null);
          approve.mutate(approving.userId, {
            onSuccess: () => setDone(t('shopkeeperApplications.approved', { name })),
            onSettled: () => setApproving(null),
          });
        }}
      />
      <ConfirmDialog
        open={rejecting !== null}
        title={t('shopkeeperApplications.rejectTitle', { name: rejecting?.name ?? '' })}
        confirmLabel={t('shopkeeperApplications.rejectConfirm')}
        danger
        note={{ label: t('shopkeeperApplications.rejectReason'), testId: 'reject-reason' }}
        testId="reject"
        busy={reject.isPending}
        onCancel={() => setRejecting(null)}
        onConfirm={(reason) => {
          if (!rejecting) return;
          const { name } = rejecting;
          approve.reset();
          setDone(null);
          reject.mutate(
            { userId: rejecting.userId, reason },
            {
              onSuccess: () => setDone(t('shopkeeperApplications.rejected', { name })),
              onSettled: () => setRejecting(null),
            },
          );
        }}
      />
    </section>
  );
}

function Applications({
  which,
  onApprove,
  onReject,
}: {
  which: 'pending' | 'decided';
  onApprove?: (a: ShopkeeperApplication) => void;
  onReject?: (a: ShopkeeperApplication) => void;
}) {
  const { t } = useTranslation();
  const when = useDateTime();
  const list = useShopkeeperApplications(which);
  const items = allItems(list.data);
  const pending = which === 'pending';
  return (
    <>
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={items.length === 0}
        emptyTitle={
          pending ? t('shopkeeperApplications.nonePending') : t('shopkeeperApplications.noneDecided')
        }
        emptyTestId={`shopkeepers-${which}-empty`}
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid={`shopkeepers-${which}`}>
            <thead>
              <tr>
                <th scope="col">{t('shopkeeperApplications.applicant')}</th>
                <th scope="col">{t('shopkeeperApplications.applied')}</th>
                {pending ? (
                  <th scope="col">{t('shopkeeperApplications.actions')}</th>
                ) : (
                  <>
                    <th scope="col">{t('shopkeeperApplications.decision')}</th>
                    <th scope="col">{t('shopkeeperApplications.decidedAt')}</th>
                    <th scope="col">{t('shopkeeperApplications.reason')}</th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.userId} data-testid="shopkeeper-application" data-user-id={a.userId}>
                  <td data-label={t('shopkeeperApplications.applicant')}>
                    {a.name}
                    <br />
                    <small className="muted">{a.email}</small>
                  </td>
                  <td data-label={t('shopkeeperApplications.applied')}>{when(a.createdAt)}</td>
                  {pending ? (
                    <td data-label={t('shopkeeperApplications.actions')}>
                      <button
                        type="button"
                        className="btn btn-primary btn-small"
                        onClick={() => onApprove?.(a)}
                        data-testid="shopkeeper-approve"
                      >
                        {t('shopkeeperApplications.approve')}
                      </button>{' '}
                      <button
                        type="button"
                        className="btn btn-outline btn-small"
                        onClick={() => onReject?.(a)}
                        data-testid="shopkeeper-reject"
                      >
                        {t('shopkeeperApplications.reject')}
                      </button>
                    </td>
                  ) : (
                    <>
                      <td data-label={t('shopkeeperApplications.decision')}>
                        <span
                          className={`badge ${a.status === 'approved' ? 'badge-success' : 'badge-muted'}`}
                          data-testid="shopkeeper-status"
                        >
                          {t(`shopkeeperApplications.status.${a.status}`)}
                        </span>
                      </td>
                      <td data-label={t('shopkeeperApplications.decidedAt')}>
                        {a.decidedAt ? when(a.decidedAt) : ''}
                      </td>
                      <td data-label={t('shopkeeperApplications.reason')}>{a.rejectReason ?? ''}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={list} />
    </>
  );
}
