import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { useCurrency, useMoney } from '../../../lib/config';
import { formatDecimal, minorDigits } from '../../../lib/money';
import { fieldErrorText } from '../../../lib/problem-text';
import { useUpdateCampaign } from '../api/admin-campaigns';
import type { AdminCampaign } from '../types';
import { type CampaignTermsDraft, campaignFieldError, readCampaignTerms } from './campaign-terms';
import { CampaignTermsFields } from './campaign-terms-fields';

/**
 * What PATCH /api/admin/group-buys/:id allows: prices, time to fill and the per-person limit. The
 * product and the group size are fixed, and open groups keep their size and deadline.
 */
export function CampaignEditForm({ campaign }: { campaign: AdminCampaign }) {
  const { t, i18n } = useTranslation();
  const digits = minorDigits(useCurrency());
  const money = useMoney();
  const [draft, setDraft] = useState<CampaignTermsDraft>({
    price: formatDecimal(campaign.price, digits),
    leaderPrice: campaign.leaderPrice === null ? '' : formatDecimal(campaign.leaderPrice, digits),
    freeShipping: campaign.freeShipping,
    minutes: campaign.durationMinutes,
    limit: campaign.perUserLimit === null ? '' : String(campaign.perUserLimit),
  });
  const [problem, setProblem] = useState<string | null>(null);
  const update = useUpdateCampaign(campaign.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readCampaignTerms(draft, digits);
    if ('missing' in read) {
      setProblem(read.missing === 'price' ? t('adminGroupBuys.fillIn') : t('duration.invalid'));
      return;
    }
    const patch = read.terms;
    const invalid = campaignFieldError({
      ...patch,
      groupSize: campaign.groupSize,
      regularPrice: campaign.regularPrice,
    });
    if (invalid) {
      setProblem(fieldErrorText(invalid, { i18n, money }));
      return;
    }
    setProblem(null);
    update.mutate(patch);
  }

  return (
    <form className="card campaign-form" onSubmit={submit} noValidate data-testid="campaign-edit-form">
      <h2>{t('campaignGroups.edit')}</h2>
      <p className="muted">{t('campaignGroups.editHint')}</p>
      {campaign.stats.open > 0 ? (
        <p className="alert alert-warning">
          {t('campaignGroups.openGroupsNow', { count: campaign.stats.open })}
        </p>
      ) : null}
      <p>
        {campaign.product.title} · {t('groupBuy.teamOf', { count: campaign.groupSize })}
      </p>
      <div className="form-row">
        <CampaignTermsFields
          draft={draft}
          onChange={setDraft}
          regularPrice={campaign.regularPrice}
          testId="edit"
        />
      </div>
      {problem ? <p className="alert alert-error">{problem}</p> : null}
      <ErrorMessage error={update.error} />
      {update.isSuccess ? (
        <p className="alert alert-success" role="status">
          {t('campaignGroups.saved')}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={update.isPending} data-testid="edit-save">
        {update.isPending ? t('common.working') : t('campaignGroups.save')}
      </button>
    </form>
  );
}
