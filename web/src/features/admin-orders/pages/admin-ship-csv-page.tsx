import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ApiError } from '../../../lib/api-error';
import { useFieldErrors, useProblemText } from '../../../lib/use-problem-text';
import { type ImportRow, useImportShipments } from '../api/import-shipments';

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

type RefusedImportRow = Extract<ImportRow, { status: 'refused' }>;

/**
 * Why a row was refused, in the reader's language: the same reason (and params) the ship route
 * answers with, worded as any refusal is; a row with a field that does not pass names the field.
 */
function RefusedRow({ row }: { row: RefusedImportRow }) {
  const problem = new ApiError(0, row.message, {
    reason: row.reason,
    ...(row.params ? { params: row.params } : {}),
    ...(row.errors ? { errors: row.errors } : {}),
  });
  const describe = useProblemText();
  const fieldText = useFieldErrors(problem);
  const field = row.errors?.[0];
  return <span data-reason={row.reason}>{(field && fieldText(field.path)) || describe(problem)}</span>;
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
        <RefusedRow row={row} />
      )}
    </li>
  );
}
