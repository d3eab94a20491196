import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDurationText } from '../../../components/duration-input';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useCurrency, useMoney } from '../../../lib/config';
import { minorDigits } from '../../../lib/money';
import { allItems } from '../../../lib/paged-query';
import { fieldErrorText } from '../../../lib/problem-text';
import { useAdminCommunities } from '../../communities/admin';
import { useAdminCampaigns, useCloseCampaign, useCreateCampaign } from '../api/admin-campaigns';
import { useVariantChoices } from '../api/variant-choices';
import { type CampaignTermsDraft, campaignFieldError, readCampaignTerms } from '../components/campaign-terms';
import { CampaignTermsFields } from '../components/campaign-terms-fields';
import type { AdminCampaign } from '../types';

const LIVE_MS = 5000;

export function AdminGroupBuysPage() {
  const { t } = useTranslation();
  const list = useAdminCampaigns();
  const items = allItems(list.data);
  const { refetch } = list;
  // Live group stats: groups fill and fail while the operator watches.
  useEffect(() => {
    const timer = setInterval(() => void refetch(), LIVE_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  return (
    <section className="page admin-group-buys" data-testid="admin-group-buys">
      <h1>{t('adminGroupBuys.title')}</h1>
      <CampaignForm />
      <ListStatus
        pending={list.isPending}
        error={list.error}
        empty={items.length === 0}
        emptyTitle={t('adminGroupBuys.none')}
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="admin-campaigns-table">
            <thead>
              <tr>
                <th scope="col">{t('adminGroupBuys.product')}</th>
                <th scope="col">{t('adminGroupBuys.deal')}</th>
                <th scope="col">{t('adminGroupBuys.open')}</th>
                <th scope="col">{t('adminGroupBuys.succeeded')}</th>
                <th scope="col">{t('adminGroupBuys.failed')}</th>
                <th scope="col">{t('adminGroupBuys.members')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <CampaignRow key={c.id} campaign={c} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={list} />
    </section>
  );
}

function CampaignRow({ campaign }: { campaign: AdminCampaign }) {
  const { t } = useTranslation();
  const money = useMoney();
  const close = useCloseCampaign();
  const duration = useDurationText();
  return (
    <tr data-testid="admin-campaign-row">
      <td data-label={t('adminGroupBuys.product')}>
        {campaign.product.title}
        {campaign.communityId ? (
          <span className="badge" data-testid="campaign-community-badge">
            {t('adminGroupBuys.communityOnly')}
          </span>
        ) : null}
      </td>
      <td data-label={t('adminGroupBuys.deal')}>
        {money(campaign.price)} · {t('groupBuy.teamOf', { count: campaign.groupSize })}
        <small className="muted muted-block">
          {t('campaignGroups.toFill', { duration: duration(campaign.durationMinutes) })}
          {campaign.leaderPrice !== null
            ? ` · ${t('groupBuy.leaderPriceNote', { price: money(campaign.leaderPrice) })}`
            : ''}
        </small>
      </td>
      <td data-label={t('adminGroupBuys.open')} data-testid="stat-open">
        {campaign.stats.open}
      </td>
      <td data-label={t('adminGroupBuys.succeeded')} data-testid="stat-succeeded">
        {campaign.stats.succeeded}
      </td>
      <td data-label={t('adminGroupBuys.failed')} data-testid="stat-failed">
        {campaign.stats.failed}
      </td>
      <td data-label={t('adminGroupBuys.members')} data-testid="stat-members">
        {campaign.stats.members}
      </td>
      <td data-label={t('admin.actions')}>
        <Link
          to={`/admin/group-buys/${campaign.id}`}
          className="btn btn-outline btn-small"
          data-testid="campaign-open"
        >
          {t('campaignGroups.view')}
        </Link>{' '}
        {campaign.status === 'active' ? (
          <button
            type="button"
            className="btn btn-outline btn-small"
            disabled={close.isPending}
            onClick={() => close.mutate(campaign.id)}
          >
            {t('adminGroupBuys.close')}
          </button>
        ) : (
          <span className="badge badge-muted">{t('adminGroupBuys.closed')}</span>
        )}
      </td>
    </tr>
  );
}

const NEW_TERMS: CampaignTermsDraft = { price: '', leaderPrice: '', minutes: 1440, limit: '' };

function CampaignForm() {
  const { t, i18n } = useTranslation();
  const digits = minorDigits(useCurrency());
  const money = useMoney();
  const [search, setSearch] = useState('');
  const variants = useVariantChoices(search);
  const [variantId, setVariantId] = useState('');
  const [groupSize, setGroupSize] = useState('3');
  // Empty: open to everyone; otherwise neighbours of that community, collecting at its pickup point.
  const [communityId, setCommunityId] = useState('');
  const communities = useAdminCommunities('');
  const [draft, setDraft] = useState<CampaignTermsDraft>(NEW_TERMS);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateCampaign();
  const chosen = variants.data?.find((v) => v.id === variantId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readCampaignTerms(draft, digits);
    if (!variantId || ('missing' in read && read.missing === 'price')) {
      setProblem(t('adminGroupBuys.fillIn'));
      return;
    }
    if ('missing' in read) {
      setProblem(t('duration.invalid'));
      return;
    }
    const campaign = {
      variantId,
      groupSize: Number(groupSize),
      ...read.terms,
      ...(communityId ? { communityId } : {}),
    };
    const invalid = campaignFieldError({ ...campaign, regularPrice: chosen?.price ?? null });
    if (invalid) {
      setProblem(fieldErrorText(invalid, { i18n, money }));
      return;
    }
    setProblem(null);
    create.mutate(campaign, { onSuccess: () => setDraft((d) => ({ ...d, price: '' })) });
  }

  return (
    <form className="card campaign-form" onSubmit={submit} noValidate data-testid="campaign-form">
      <h2>{t('adminGroupBuys.new')}</h2>
      <label>
        {t('adminGroupBuys.findProduct')}
        <input value={search} onChange={(e) => setSearch(e.target.value)} data-testid="campaign-search" />
      </label>
      <label>
        {t('adminGroupBuys.variant')}
        <select
          value={variantId}
          onChange={(e) => setVariantId(e.target.value)}
          data-testid="campaign-variant"
        >
          <option value="">—</option>
          {variants.data?.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label} ({money(v.price)})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('adminGroupBuys.community')}
        <select
          value={communityId}
          onChange={(e) => setCommunityId(e.target.value)}
          data-testid="campaign-community"
        >
          <option value="">{t('adminGroupBuys.everyone')}</option>
          {communities.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <div className="form-row">
        <label>
          {t('adminGroupBuys.groupSize')}
          <input
            type="number"
            min={2}
            max={100}
            value={groupSize}
            onChange={(e) => setGroupSize(e.target.value)}
            data-testid="campaign-size"
          />
        </label>
        <CampaignTermsFields
          draft={draft}
          onChange={setDraft}
          regularPrice={chosen?.price ?? null}
          testId="campaign"
        />
      </div>
      {problem ? <p className="alert alert-error">{problem}</p> : null}
      <ErrorMessage error={create.error} />
      {create.isSuccess ? (
        <p className="alert alert-success" role="status">
          {t('adminGroupBuys.created')}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={create.isPending}
        data-testid="campaign-submit"
      >
        {create.isPending ? t('common.working') : t('adminGroupBuys.create')}
      </button>
    </form>
  );
}
