import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { Spinner } from '../../../components/spinner';
import { useDateTime, useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useAdminCampaign, useCampaignGroups, useCompleteGroup } from '../api/admin-campaigns';
import { CampaignEditForm } from '../components/campaign-edit-form';
import { GroupStatusBadge } from '../components/group-status-badge';
import type { AdminGroup, GroupStatus } from '../types';

const FILTERS: readonly (GroupStatus | undefined)[] = [undefined, 'open', 'succeeded', 'failed'];

/** One campaign in the console: its groups (with members and the platform's way to complete one) and its terms. */
export function AdminCampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const campaign = useAdminCampaign(id);
  const [status, setStatus] = useState<GroupStatus | undefined>(undefined);
  if (campaign.isPending) return <Spinner />;
  if (campaign.error) return <ErrorMessage error={campaign.error} />;
  const c = campaign.data;
  return (
    <section className="page admin-campaign" data-testid="admin-campaign">
      <p>
        <Link to="/admin/group-buys">← {t('campaignGroups.back')}</Link>
      </p>
      <h1>{t('campaignGroups.title', { product: c.product.title })}</h1>
      <p className="muted" data-testid="campaign-stats">
        {t('campaignGroups.stats', c.stats)}
      </p>
      <h2 className="section-title">{t('campaignGroups.groups')}</h2>
      <fieldset className="console-tabs">
        <legend className="visually-hidden">{t('campaignGroups.filter')}</legend>
        {FILTERS.map((f) => (
          <button
            key={f ?? 'all'}
            type="button"
            className={`btn btn-small ${status === f ? 'btn-primary' : 'btn-outline'}`}
            aria-pressed={status === f}
            onClick={() => setStatus(f)}
            data-testid={`groups-filter-${f ?? 'all'}`}
          >
            {f ? t(`groupBuy.status.${f}`) : t('campaignGroups.all')}
          </button>
        ))}
      </fieldset>
      <GroupsTable campaignId={c.id} status={status} />
      <CampaignEditForm campaign={c} />
    </section>
  );
}

function GroupsTable({ campaignId, status }: { campaignId: string; status: GroupStatus | undefined }) {
  const { t } = useTranslation();
  const groups = useCampaignGroups(campaignId, status);
  const items = allItems(groups.data);
  const [completing, setCompleting] = useState<AdminGroup | null>(null);
  const complete = useCompleteGroup();
  const money = useMoney();
  return (
    <>
      <ListStatus
        pending={groups.isPending}
        error={groups.error}
        empty={items.length === 0}
        emptyTitle={status ? t('campaignGroups.noneInState') : t('campaignGroups.none')}
        emptyTestId="campaign-groups-empty"
      />
      {complete.isSuccess ? (
        <p className="alert alert-success" role="status">
          {t('campaignGroups.completed')}
        </p>
      ) : null}
      <ErrorMessage error={complete.error} />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="campaign-groups-table">
            <thead>
              <tr>
                <th scope="col">{t('campaignGroups.leader')}</th>
                <th scope="col">{t('campaignGroups.status')}</th>
                <th scope="col">{t('campaignGroups.counts')}</th>
                <th scope="col">{t('campaignGroups.membersCol')}</th>
                <th scope="col">{t('campaignGroups.expires')}</th>
                <th scope="col">{t('shopkeeperApplications.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((g) => (
                <GroupRow key={g.id} group={g} onComplete={() => setCompleting(g)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={groups} />
      <ConfirmDialog
        open={completing !== null}
        title={t('campaignGroups.completeTitle')}
        message={
          completing
            ? `${t('campaignGroups.completeMessage', {
                missing: completing.seatsMissing,
                size: completing.groupSize,
                paid: completing.paidMembers,
              })} ${
                completing.completionCost === null
                  ? t('campaignGroups.completeCostUnknown')
                  : t('campaignGroups.completeCost', { cost: money(completing.completionCost) })
              }`
            : ''
        }
        confirmLabel={t('campaignGroups.complete')}
        busy={complete.isPending}
        onCancel={() => setCompleting(null)}
        onConfirm={() => {
          if (!completing) return;
          complete.mutate(completing.id, { onSettled: () => setCompleting(null) });
        }}
      />
    </>
  );
}

function GroupRow({ group, onComplete }: { group: AdminGroup; onComplete: () => void }) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <tr data-testid="campaign-group-row" data-group-id={group.id}>
      <td data-label={t('campaignGroups.leader')}>{group.leader.name}</td>
      <td data-label={t('campaignGroups.status')}>
        <GroupStatusBadge status={group.status} />
        {group.completedByPlatform ? (
          <small className="muted muted-block">{t('campaignGroups.byPlatform')}</small>
        ) : null}
      </td>
      <td data-label={t('campaignGroups.counts')} data-testid="group-counts">
        {t('campaignGroups.countsValue', {
          joined: group.joinedMembers,
          paid: group.paidMembers,
          size: group.groupSize,
        })}
      </td>
      <td data-label={t('campaignGroups.membersCol')}>
        {group.members.length === 0 ? (
          <span className="muted">{t('campaignGroups.noMembers')}</span>
        ) : (
          <ul className="console-members">
            {group.members.map((m) => (
              <li key={`${m.name}-${m.joinedAt}`}>
                {m.name}
                {m.leader ? <small className="muted"> · {t('groupBuy.leader')}</small> : null}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td data-label={t('campaignGroups.expires')}>
        {when(group.expiresAt)}
        {group.decidedAt ? (
          <small className="muted muted-block">
            {t('campaignGroups.decidedAt', { date: when(group.decidedAt) })}
          </small>
        ) : null}
      </td>
      <td data-label={t('shopkeeperApplications.actions')}>
        {group.completable ? (
          <button
            type="button"
            className="btn btn-outline btn-small"
            onClick={onComplete}
            data-testid="group-complete"
          >
            {t('campaignGroups.complete')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
