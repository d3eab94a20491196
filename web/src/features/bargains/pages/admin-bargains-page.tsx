import { useTranslation } from 'react-i18next';
import { useDurationText } from '../../../components/duration-input';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useMoney } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useAdminCampaigns, useCloseCampaign } from '../api/admin-bargains';
import { useBargainsAllowed } from '../api/bargains-allowed';
import { CampaignForm } from '../components/campaign-form';
import { FlaggedHelpsTable } from '../components/flagged-helps-table';
import type { AdminCampaign } from '../types';

/** The operator's bargains: a new campaign, every campaign with its figures, and the flagged helps. */
export function AdminBargainsPage() {
  const { t } = useTranslation();
  const allowed = useBargainsAllowed();
  const list = useAdminCampaigns();
  const campaigns = allItems(list.data);
  return (
    <section className="page" data-testid="admin-bargains">
      <h1>{t('adminBargains.title')}</h1>
      {allowed === false ? (
        <p className="alert alert-info" data-testid="bargains-not-available">
          {t('adminBargains.notAvailable')}
        </p>
      ) : (
        <CampaignForm />
      )}
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={list.isSuccess && campaigns.length === 0}
        emptyTitle={t('adminBargains.none')}
      />
      {campaigns.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked">
            <thead>
              <tr>
                <th>{t('adminBargains.product')}</th>
                <th>{t('adminBargains.terms')}</th>
                <th>{t('adminBargains.figures')}</th>
                <th>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => (
                <CampaignRow key={campaign.id} campaign={campaign} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={list} />
      <FlaggedHelpsTable />
    </section>
  );
}

function CampaignRow({ campaign }: { campaign: AdminCampaign }) {
  const { t } = useTranslation();
  const money = useMoney();
  const duration = useDurationText();
  const close = useCloseCampaign();
  const { figures } = campaign;
  return (
    <tr data-testid="admin-bargain-row" data-status={campaign.status}>
      <td data-label={t('adminBargains.product')}>
        {campaign.product.title}
        <small className="muted muted-block">{t(`adminBargains.status.${campaign.status}`)}</small>
      </td>
      <td data-label={t('adminBargains.terms')}>
        {t('adminBargains.termsText', {
          price: money(campaign.floorPrice),
          count: campaign.helpersNeeded,
          time: duration(campaign.durationMinutes),
        })}
        {campaign.regularPrice !== null ? (
          <small className="muted muted-block">{money(campaign.regularPrice)}</small>
        ) : null}
      </td>
      <td data-label={t('adminBargains.figures')} data-testid="admin-bargain-figures">
        {t('adminBargains.figuresText', figures)}
        <small className="muted muted-block" data-flagged={figures.flaggedHelps}>
          {t('adminBargains.flaggedCount', { count: figures.flaggedHelps })}
        </small>
      </td>
      <td data-label={t('admin.actions')}>
        {campaign.status === 'active' ? (
          <button
            type="button"
            className="btn btn-outline btn-small"
            disabled={close.isPending}
            onClick={() => close.mutate(campaign.id)}
            data-testid="bargain-campaign-close"
          >
            {t('adminBargains.close')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
