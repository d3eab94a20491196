import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { type ImportRow, useImportShipments } from '../api/import-shipments';

const REASONS = [
  'malformed_row',
  'invalid_row',
  'order_not_found',
  'not_paid',
  'already_shipped',
  'already_completed',
  'refunded',
  'cancelled',
  'group_waiting',
  'group_failed',
  'failed',
] as const;
type Reason = (typeof REASONS)[number];
const isReason = (reason: string): reason is Reason => (REASONS as readonly string[]).includes(reason);

/** Ships many orders at once from a CSV (a file or pasted text) and shows what happened to each row. */
export function AdminShipCsvPage() {
  const { t } = useTranslation();
  const importing = useImportShipments();
  const [csv, setCsv] = useState('');
  const [empty, setEmpty] = useState(false);

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setCsv(await file.text());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setEmpty(csv.trim() === '');
    if (csv.trim() !== '') importing.mutate(csv);
  }

  const result = importing.data;
  return (
    <section className="ship-csv" data-testid="ship-csv-page">
      <h1>{t('fulfilment.admin.importTitle')}</h1>
      <p className="muted">{t('fulfilment.admin.importHint')}</p>
      <form className="card" onSubmit={submit}>
        <div className="field">
          <label htmlFor="ship-csv-file">{t('fulfilment.admin.file')}</label>
          <input
            id="ship-csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={readFile}
            data-testid="ship-csv-file"
          />
        </div>
        <div className="field">
          <label htmlFor="ship-csv-text">{t('fulfilment.admin.paste')}</label>
          <textarea
            id="ship-csv-text"
            rows={8}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            placeholder={'orderId,carrier,trackingNumber\n…'}
            spellCheck={false}
            data-testid="ship-csv-text"
          />
        </div>
        {empty ? (
          <p className="alert alert-error" role="alert">
            {t('fulfilment.admin.nothingToImport')}
          </p>
        ) : null}
        <ErrorMessage error={importing.error} />
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={importing.isPending}
          data-testid="ship-csv-submit"
        >
          {importing.isPending ? t('common.working') : t('fulfilment.admin.importSubmit')}
        </button>
      </form>
      {result ? (
        <div className="card" data-testid="ship-csv-result">
          <p className={`alert ${result.refused > 0 ? 'alert-warning' : 'alert-success'}`}>
            {t('fulfilment.admin.summary', { shipped: result.shipped, refused: result.refused })}
          </p>
          <ul className="ship-csv-rows">
            {result.rows.map((row) => (
              <ResultRow key={row.line} row={row} />
            ))}
          </ul>
        </div>
      ) : null}
      <Link to="/admin/orders">{t('fulfilment.admin.backToOrders')}</Link>
    </section>
  );
}

function ResultRow({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  return (
    <li className={`ship-csv-row ship-csv-${row.status}`} data-testid="ship-csv-row" data-status={row.status}>
      <span className="ship-csv-line">
        {t('fulfilment.admin.line')} {row.line}
      </span>
      <code className="ship-csv-order">{row.orderId || '—'}</code>
      {row.status === 'shipped' ? (
        <span>
          {t('fulfilment.admin.rowShipped')}: {row.carrier} · {row.trackingNumber}
        </span>
      ) : (
        <span title={row.message}>
          {isReason(row.reason) ? t(`fulfilment.admin.reasons.${row.reason}`) : row.reason}
          <small className="muted"> — {row.message}</small>
        </span>
      )}
    </li>
  );
}
