import { useTranslation } from 'react-i18next';
import { DurationInput } from '../../../components/duration-input';
import { useMoney } from '../../../lib/config';
import type { CampaignTermsDraft } from './campaign-terms';

interface CampaignTermsFieldsProps {
  draft: CampaignTermsDraft;
  onChange: (draft: CampaignTermsDraft) => void;
  /** The variant's own price, shown beside the group price when known. */
  regularPrice: number | null;
  /** `<testId>-price` and `<testId>-duration`. */
  testId: string;
}

/** Group price, leader price, time to fill and per-person limit: the terms both campaign forms ask. */
export function CampaignTermsFields({ draft, onChange, regularPrice, testId }: CampaignTermsFieldsProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const set = (changes: Partial<CampaignTermsDraft>) => onChange({ ...draft, ...changes });
  return (
    <>
      <label>
        {t('adminGroupBuys.groupPrice')}
        <input
          inputMode="decimal"
          value={draft.price}
          onChange={(e) => set({ price: e.target.value })}
          data-testid={`${testId}-price`}
        />
        {regularPrice !== null ? (
          <small className="muted">{t('adminGroupBuys.regular', { price: money(regularPrice) })}</small>
        ) : null}
      </label>
      <label>
        {t('adminGroupBuys.leaderPrice')}
        <input
          inputMode="decimal"
          value={draft.leaderPrice}
          onChange={(e) => set({ leaderPrice: e.target.value })}
        />
      </label>
      <DurationInput
        label={t('adminGroupBuys.durationMinutes')}
        minutes={draft.minutes}
        onChange={(minutes) => set({ minutes })}
        testId={`${testId}-duration`}
      />
      <label>
        {t('adminGroupBuys.perUserLimit')}
        <input type="number" min={1} value={draft.limit} onChange={(e) => set({ limit: e.target.value })} />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.freeShipping ?? true}
          onChange={(e) => set({ freeShipping: e.target.checked })}
          data-testid={`${testId}-free-shipping`}
        />
        {t('adminGroupBuys.freeShipping')}
      </label>
    </>
  );
}
