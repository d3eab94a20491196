import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { useUser } from '../../auth';
import { REPORT_REASONS, type ReportableType, type ReportReason, useReport } from '../api/moderation';

/**
 * "Report" under any public text (a post, comment, chat message or review): a small form with the
 * reason and an optional note. Reporting again is harmless (the server keeps one open report per
 * person and item). Signed out, it offers to sign in and come back.
 */
export function ReportButton({ type, id }: { type: ReportableType; id: string }) {
  const { t } = useTranslation();
  const { user } = useUser();
  const location = useLocation();
  const report = useReport();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');

  if (report.isSuccess)
    return (
      <p className="report-sent muted" role="status" data-testid="report-sent">
        {t('report.sent')}
      </p>
    );
  if (!user)
    return (
      <Link
        className="btn btn-ghost btn-small report-button"
        to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`}
        data-testid="report-sign-in"
      >
        {t('report.signIn')}
      </Link>
    );
  if (!open)
    return (
      <button
        type="button"
        className="btn btn-ghost btn-small report-button"
        onClick={() => setOpen(true)}
        data-testid="report-button"
      >
        {t('report.button')}
      </button>
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    report.mutate({ type, id, reason, ...(note.trim() ? { note: note.trim() } : {}) });
  }

  return (
    <form
      className="report-form"
      onSubmit={submit}
      aria-labelledby={`${formId}-title`}
      data-testid="report-form"
    >
      <p id={`${formId}-title`} className="report-title">
        {t('report.title')}
      </p>
      <fieldset>
        <legend>{t('report.reason')}</legend>
        {REPORT_REASONS.map((r) => (
          <label key={r} className="radio">
            <input
              type="radio"
              name={`${formId}-reason`}
              value={r}
              checked={reason === r}
              onChange={() => setReason(r)}
              data-testid={`report-reason-${r}`}
            />{' '}
            {t(`report.reasons.${r}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${formId}-note`}>{t('report.note')}</label>
        <input
          id={`${formId}-note`}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="report-note"
        />
      </div>
      <ErrorMessage error={report.error} />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary btn-small"
          disabled={report.isPending}
          data-testid="report-send"
        >
          {t('report.send')}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(false)}>
          {t('report.cancel')}
        </button>
      </div>
    </form>
  );
}
