import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DurationInput } from '../../../components/duration-input';
import { ErrorMessage } from '../../../components/error-message';
import { useCurrency, useMoney } from '../../../lib/config';
import { formatDecimal, minorDigits, parseDecimal } from '../../../lib/money';
import { fieldErrorText } from '../../../lib/problem-text';
import { useUpdateCampaign } from '../api/admin-campaigns';
import { campaignFieldError } from '../pages/admin-group-buys-page';
import type { AdminCampaign } from '../types';

/**
 * What PATCH /api/admin/group-buys/:id allows: prices, time to fill and the per-person limit. The
 * product and the group size are fixed, and open groups keep their size and deadline.
 */
export function CampaignEditForm({ campaign }: { campaign: AdminCampaign }) {
  const { t, i18n } = useTranslation();
  const digits = minorDigits(useCurrency());
  const money = useMoney();
  const [price, setPrice] = useState(formatDecimal(campaign.price, digits));
  const [leaderPrice, setLeaderPrice] = useState(
    campaign.leaderPrice === null ? '' : formatDecimal(campaign.leaderPrice, digits),
  );
  const [minutes, setMinutes] = useState<number | null>(campaign.durationMinutes);
  const [limit, setLimit] = useState(campaign.perUserLimit === null ? '' : String(campaign.perUserLimit));
  const [problem, setProblem] = useState<string | null>(null);
  const update = useUpdateCampaign(campaign.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    const groupPrice = parseDecimal(price, digits);
    const leader = leaderPrice.trim() ? parseDecimal(leaderPrice, digits) : null;
    if (groupPrice === null || (leaderPrice.trim() && leader === null)) {
      setProblem(t('adminGroupBuys.fillIn'));
      return;
    }
    if (minutes === null) {
      setProblem(t('duration.invalid'));
      return;
    }
    const patch = {
      price: groupPrice,
      leaderPrice: leader,
      durationMinutes: minutes,
      perUserLimit: limit.trim() ? Number(limit) : null,
    };
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
        <label>
          {t('adminGroupBuys.groupPrice')}
          <input
            inputMode="decimal"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            data-testid="edit-price"
          />
          {campaign.regularPrice !== null ? (
            <small className="muted">
              {t('adminGroupBuys.regular', { price: money(campaign.regularPrice) })}
            </small>
          ) : null}
        </label>
        <label>
          {t('adminGroupBuys.leaderPrice')}
          <input inputMode="decimal" value={leaderPrice} onChange={(e) => setLeaderPrice(e.target.value)} />
        </label>
        <DurationInput
          label={t('adminGroupBuys.durationMinutes')}
          minutes={minutes}
          onChange={setMinutes}
          testId="edit-duration"
        />
        <label>
          {t('adminGroupBuys.perUserLimit')}
          <input type="number" min={1} value={limit} onChange={(e) => setLimit(e.target.value)} />
        </label>
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
