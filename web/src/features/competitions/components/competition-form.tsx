import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { useCurrency } from '../../../lib/config';
import { minorDigits } from '../../../lib/money';
import { useCouponTemplates } from '../api/coupon-templates';
import { type AdminCompetition, type CompetitionInput, METRICS, type Prize } from '../types';
import {
  type CompetitionDraft,
  type DraftProblem,
  draftOf,
  emptyPrize,
  inputOf,
  type PrizeDraft,
} from './competition-draft';

const KINDS: readonly Prize['kind'][] = ['points', 'coupon', 'commission_bonus'];

interface Props {
  competition?: AdminCompetition;
  busy: boolean;
  error: unknown;
  /** Running: only the title and description may change. */
  locked?: boolean;
  onSave: (input: CompetitionInput) => void;
}

export function CompetitionForm({ competition, busy, error, locked = false, onSave }: Props) {
  const { t } = useTranslation();
  const digits = minorDigits(useCurrency());
  const [draft, setDraft] = useState<CompetitionDraft>(() => draftOf(competition, digits));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const coupons = useCouponTemplates();
  const problemAt = (path: string) => {
    const found = problems.find((p) => p.path === path);
    return found ? t(`adminCompetitions.problems.${found.problem}`) : undefined;
  };
  const set = <K extends keyof CompetitionDraft>(key: K, value: CompetitionDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setPrize = (i: number, patch: Partial<PrizeDraft>) =>
    set(
      'prizes',
      draft.prizes.map((p, k) => (k === i ? { ...p, ...patch } : p)),
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = inputOf(draft, digits);
    setProblems(result.problems);
    if (result.input) onSave(result.input);
  };
  const nextRank = () => Math.max(0, ...draft.prizes.map((p) => Number(p.toRank) || 0)) + 1;

  return (
    <form className="form competition-form" onSubmit={submit} noValidate data-testid="competition-form">
      <Field
        label={t('adminCompetitions.fields.title')}
        name="title"
        value={draft.title}
        maxLength={120}
        onChange={(e) => set('title', e.target.value)}
        error={problemAt('/title')}
      />
      <div className="field">
        <label htmlFor="competition-description">{t('adminCompetitions.fields.description')}</label>
        <textarea
          id="competition-description"
          value={draft.description}
          maxLength={2000}
          rows={3}
          onChange={(e) => set('description', e.target.value)}
        />
      </div>
      <fieldset disabled={locked} className="competition-locked-fields">
        {locked ? <p className="muted">{t('adminCompetitions.lockedHint')}</p> : null}
        <div className="field">
          <label htmlFor="competition-metric">{t('adminCompetitions.fields.metric')}</label>
          <select
            id="competition-metric"
            value={draft.metric}
            onChange={(e) => set('metric', e.target.value as CompetitionDraft['metric'])}
            data-testid="competition-metric"
          >
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`competitions.metric.${m}`)}
              </option>
            ))}
          </select>
          <small className="field-hint">{t(`competitions.metricHint.${draft.metric}`)}</small>
        </div>
        <Field
          label={t('adminCompetitions.fields.startsAt')}
          name="startsAt"
          type="datetime-local"
          value={draft.startsAt}
          onChange={(e) => set('startsAt', e.target.value)}
          error={problemAt('/startsAt')}
        />
        <Field
          label={t('adminCompetitions.fields.endsAt')}
          name="endsAt"
          type="datetime-local"
          value={draft.endsAt}
          onChange={(e) => set('endsAt', e.target.value)}
          error={problemAt('/endsAt')}
        />
        <h2>{t('competitions.prizes')}</h2>
        {draft.prizes.length === 0 ? <p className="muted">{t('competitions.noPrizes')}</p> : null}
        {draft.prizes.map((prize, i) => (
          // Prize lines have no identity of their own but their place in the list.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div className="card competition-prize-row" key={i} data-testid="prize-row">
            <Field
              label={t('adminCompetitions.fields.fromRank')}
              name={`fromRank-${i}`}
              inputMode="numeric"
              value={prize.fromRank}
              onChange={(e) => setPrize(i, { fromRank: e.target.value })}
              error={problemAt(`/prizes/${i}/fromRank`)}
            />
            <Field
              label={t('adminCompetitions.fields.toRank')}
              name={`toRank-${i}`}
              inputMode="numeric"
              value={prize.toRank}
              onChange={(e) => setPrize(i, { toRank: e.target.value })}
              error={problemAt(`/prizes/${i}/toRank`)}
            />
            <div className="field">
              <label htmlFor={`prize-kind-${i}`}>{t('adminCompetitions.fields.kind')}</label>
              <select
                id={`prize-kind-${i}`}
                value={prize.kind}
                onChange={(e) => setPrize(i, { kind: e.target.value as Prize['kind'] })}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`adminCompetitions.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            {prize.kind === 'points' ? (
              <Field
                label={t('adminCompetitions.fields.points')}
                name={`points-${i}`}
                inputMode="numeric"
                value={prize.points}
                onChange={(e) => setPrize(i, { points: e.target.value })}
                error={problemAt(`/prizes/${i}/points`)}
              />
            ) : prize.kind === 'coupon' ? (
              <div className="field">
                <label htmlFor={`prize-coupon-${i}`}>{t('adminCompetitions.fields.coupon')}</label>
                <select
                  id={`prize-coupon-${i}`}
                  value={prize.couponTemplateId}
                  onChange={(e) => setPrize(i, { couponTemplateId: e.target.value })}
                >
                  <option value="">{t('adminCompetitions.chooseCoupon')}</option>
                  {(coupons.data?.items ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.title}
                    </option>
                  ))}
                </select>
                {problemAt(`/prizes/${i}/couponTemplateId`) ? (
                  <small className="field-error">{problemAt(`/prizes/${i}/couponTemplateId`)}</small>
                ) : null}
              </div>
            ) : (
              <Field
                label={t('adminCompetitions.fields.amount')}
                name={`amount-${i}`}
                inputMode="decimal"
                value={prize.amount}
                onChange={(e) => setPrize(i, { amount: e.target.value })}
                error={problemAt(`/prizes/${i}/amount`)}
              />
            )}
            <button
              type="button"
              className="btn btn-outline btn-small"
              onClick={() =>
                set(
                  'prizes',
                  draft.prizes.filter((_, k) => k !== i),
                )
              }
            >
              {t('adminCompetitions.removePrize')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-outline btn-small"
          onClick={() => set('prizes', [...draft.prizes, emptyPrize(nextRank())])}
          data-testid="add-prize"
        >
          {t('adminCompetitions.addPrize')}
        </button>
      </fieldset>
      <ErrorMessage error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="save-competition">
        {busy ? t('common.working') : t('adminCompetitions.save')}
      </button>
    </form>
  );
}
