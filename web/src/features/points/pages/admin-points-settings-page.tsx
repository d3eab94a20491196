import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { Spinner } from '../../../components/spinner';
import { useCurrency } from '../../../lib/config';
import { formatMoney } from '../../../lib/money';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { usePointsSettings, useSavePointsSettings } from '../api/points-settings';
import type { PointsSettings } from '../types';

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);
/** "12.5" % → 1250 basis points; anything else NaN. */
const percentToBps = (text: string) =>
  /^\d{1,3}(\.\d{1,2})?$/.test(text.trim()) ? Math.round(Number(text) * 100) : Number.NaN;

function SettingsForm({ settings }: { settings: PointsSettings }) {
  const { t, i18n } = useTranslation();
  const currency = useCurrency();
  const save = useSavePointsSettings();
  const [earn, setEarn] = useState(String(settings.earnPerUnit));
  const [redeem, setRedeem] = useState(String(settings.redeemPerUnit));
  const [share, setShare] = useState(String(settings.maxShareBps / 100));
  const [expires, setExpires] = useState(settings.expiryMonths !== null);
  const [months, setMonths] = useState(String(settings.expiryMonths ?? 12));
  // What this form checks itself, by field path; the server's field errors show otherwise.
  const [checked, setChecked] = useState<Record<string, string>>({});
  const serverErrorAt = useFieldErrors(save.error);
  const errorAt = (path: string) => checked[path] ?? serverErrorAt(path);
  // One major unit in the reader's words (¥1.00, $1.00).
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  const unit = formatMoney(10 ** (digits ?? 2), currency, i18n.language);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      earnPerUnit: wholeNumber(earn),
      redeemPerUnit: wholeNumber(redeem),
      maxShareBps: percentToBps(share),
      expiryMonths: expires ? wholeNumber(months) : null,
    };
    const problems: Record<string, string> = {};
    const bad = (path: string, message: string) => {
      problems[path] = message;
    };
    if (Number.isNaN(next.earnPerUnit)) bad('/earnPerUnit', t('adminPoints.invalidNumber'));
    if (Number.isNaN(next.redeemPerUnit)) bad('/redeemPerUnit', t('adminPoints.invalidNumber'));
    if (Number.isNaN(next.maxShareBps) || next.maxShareBps > 10_000)
      bad('/maxShareBps', t('adminPoints.invalidPercent'));
    if (next.expiryMonths !== null && Number.isNaN(next.expiryMonths))
      bad('/expiryMonths', t('adminPoints.invalidNumber'));
    setChecked(problems);
    if (Object.keys(problems).length === 0) save.mutate(next);
  }

  return (
    <form className="admin-form card" onSubmit={submit} noValidate data-testid="points-settings-form">
      <Field
        label={t('adminPoints.earnPerUnit', { unit })}
        name="earnPerUnit"
        inputMode="numeric"
        value={earn}
        onChange={(e) => setEarn(e.target.value)}
        error={errorAt('/earnPerUnit')}
      />
      <Field
        label={t('adminPoints.redeemPerUnit', { unit })}
        name="redeemPerUnit"
        inputMode="numeric"
        value={redeem}
        onChange={(e) => setRedeem(e.target.value)}
        error={errorAt('/redeemPerUnit')}
      />
      <Field
        label={t('adminPoints.maxSharePercent')}
        name="maxShareBps"
        inputMode="decimal"
        value={share}
        onChange={(e) => setShare(e.target.value)}
        error={errorAt('/maxShareBps')}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={expires}
          onChange={(e) => setExpires(e.target.checked)}
          data-testid="points-expire"
        />
        {t('adminPoints.expires')}
      </label>
      {expires ? (
        <Field
          label={t('adminPoints.expiryMonths')}
          name="expiryMonths"
          inputMode="numeric"
          value={months}
          onChange={(e) => setMonths(e.target.value)}
          error={errorAt('/expiryMonths')}
        />
      ) : null}
      <ErrorMessage error={save.error} />
      {save.isSuccess ? (
        <p className="alert alert-success" role="status">
          {t('adminPoints.saved')}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={save.isPending}
        data-testid="save-points-settings"
      >
        {save.isPending ? t('common.working') : t('adminPoints.save')}
      </button>
    </form>
  );
}

export function AdminPointsSettingsPage() {
  const { t } = useTranslation();
  const settings = usePointsSettings();
  return (
    <section>
      <h1>{t('adminPoints.title')}</h1>
      <p className="muted">{t('adminPoints.hint')}</p>
      {settings.isPending ? <Spinner /> : null}
      <ErrorMessage error={settings.error} />
      {settings.data ? <SettingsForm settings={settings.data} /> : null}
    </section>
  );
}
