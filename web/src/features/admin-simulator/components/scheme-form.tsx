import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field';
import type { SchemeDraft } from './draft';

const PROFILES = ['default', 'wechat', 'cn-strict', 'us-ftc', 'eu'] as const;

/** One scheme's incentives: commission per level, group buy, invitation reward, coupon, profile. */
export function SchemeForm({
  draft,
  onChange,
  testId,
}: {
  draft: SchemeDraft;
  onChange: (next: SchemeDraft) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<SchemeDraft>) => onChange({ ...draft, ...patch });
  const level = (i: 0 | 1 | 2, value: string) => {
    const levels: SchemeDraft['levels'] = [...draft.levels];
    levels[i] = value;
    set({ levels });
  };
  return (
    <fieldset className="simulator-scheme" data-testid={testId}>
      <legend>{t('simulator.scheme', { name: draft.name })}</legend>
      <div className="simulator-grid">
        {([0, 1, 2] as const).map((i) => (
          <Field
            key={i}
            label={t('simulator.level', { level: i + 1 })}
            name={`level-${i + 1}`}
            inputMode="decimal"
            value={draft.levels[i]}
            onChange={(e) => level(i, e.target.value)}
          />
        ))}
        <Field
          label={t('simulator.groupSize')}
          hint={t('simulator.groupSizeHint')}
          name="groupSize"
          inputMode="numeric"
          value={draft.groupSize}
          onChange={(e) => set({ groupSize: e.target.value })}
        />
        <Field
          label={t('simulator.groupDiscount')}
          name="groupDiscount"
          inputMode="decimal"
          value={draft.groupDiscount}
          onChange={(e) => set({ groupDiscount: e.target.value })}
        />
        <Field
          label={t('simulator.invitationReward')}
          name="invitationReward"
          inputMode="decimal"
          value={draft.invitationReward}
          onChange={(e) => set({ invitationReward: e.target.value })}
        />
        <Field
          label={t('simulator.couponOff')}
          name="couponOff"
          inputMode="decimal"
          value={draft.couponOff}
          onChange={(e) => set({ couponOff: e.target.value })}
        />
        <Field
          label={t('simulator.couponMinSpend')}
          name="couponMinSpend"
          inputMode="decimal"
          value={draft.couponMinSpend}
          onChange={(e) => set({ couponMinSpend: e.target.value })}
        />
        <div className="field">
          <label>
            {t('simulator.policyProfile')}
            <select
              name="policyProfile"
              value={draft.policyProfile}
              onChange={(e) => set({ policyProfile: e.target.value as SchemeDraft['policyProfile'] })}
            >
              {PROFILES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
    </fieldset>
  );
}
