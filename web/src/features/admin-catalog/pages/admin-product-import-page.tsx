import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import {
  type DryRun,
  type ProductImport,
  useDryRun,
  useProductImport,
  useProductImports,
  useStartImport,
} from '../api/product-imports';
import { progressPercent } from '../components/bulk-form';

/**
 * Import products and variants from a CSV or XLSX file: check it first (every row's problem, in the
 * reader's language), then import it as a background job with a progress bar.
 */
export function AdminProductImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<DryRun | null>(null);
  const [importId, setImportId] = useState<string | undefined>();
  const dryRun = useDryRun();
  const start = useStartImport();
  const running = useProductImport(importId);
  const recent = useProductImports();

  function check(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setImportId(undefined);
    dryRun.mutate(file, { onSuccess: setReport });
  }

  return (
    <section className="product-import" data-testid="product-import-page">
      <div className="page-heading">
        <h1>{t('catalogIo.import.title')}</h1>
        <Link className="btn btn-outline" to="/admin/products">
          {t('catalogIo.import.back')}
        </Link>
      </div>
      <p className="hint">{t('catalogIo.import.columns')}</p>
      <form className="stack" onSubmit={check}>
        <label htmlFor="product-import-file">{t('catalogIo.import.file')}</label>
        <input
          id="product-import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
          }}
          data-testid="product-import-file"
        />
        <button
          type="submit"
          className="btn btn-outline"
          disabled={!file || dryRun.isPending}
          data-testid="product-import-check"
        >
          {t('catalogIo.import.check')}
        </button>
      </form>
      {dryRun.isPending ? <Spinner /> : null}
      <ErrorMessage error={dryRun.error} />
      {report ? <DryRunReport report={report} /> : null}
      {report && report.problems.length === 0 && report.rows > 0 && !importId ? (
        <button
          type="button"
          className="btn btn-primary"
          disabled={start.isPending || !file}
          onClick={() => file && start.mutate(file, { onSuccess: (started) => setImportId(started.id) })}
          data-testid="product-import-start"
        >
          {t('catalogIo.import.start', { count: report.products })}
        </button>
      ) : null}
      <ErrorMessage error={start.error} />
      {running.data ? <ImportProgress job={running.data} /> : null}
      <ErrorMessage error={running.error} />
      {recent.data && recent.data.items.length > 0 ? (
        <>
          <h2 className="section-title">{t('catalogIo.import.recent')}</h2>
          <ul className="import-list" data-testid="product-import-list">
            {recent.data.items.map((job) => (
              <li key={job.id}>
                <span>{job.fileName || job.id}</span>
                <span>{t(`catalogIo.import.status.${job.status}`)}</span>
                <span>{t('catalogIo.import.rowsDone', { done: job.doneRows, total: job.totalRows })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function DryRunReport({ report }: { report: DryRun }) {
  const { t } = useTranslation();
  if (report.problems.length === 0)
    return (
      <p className="notice notice-success" role="status" data-testid="product-import-clean">
        {t('catalogIo.import.clean', { rows: report.rows, creates: report.creates, updates: report.updates })}
      </p>
    );
  return (
    <div data-testid="product-import-problems">
      <p className="notice notice-error" role="alert">
        {t('catalogIo.import.problems', { count: report.problems.length })}
      </p>
      <div className="table-wrap">
        <table className="table table-stacked">
          <thead>
            <tr>
              <th scope="col">{t('catalogIo.import.row')}</th>
              <th scope="col">{t('catalogIo.import.column')}</th>
              <th scope="col">{t('catalogIo.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((p) => (
              <tr key={`${p.row}-${p.column}-${p.problem}`} data-testid="product-import-problem">
                <td data-label={t('catalogIo.import.row')}>{p.row}</td>
                <td data-label={t('catalogIo.import.column')}>{p.column}</td>
                <td data-label={t('catalogIo.import.problem')}>{t(`catalogIo.problems.${p.problem}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ImportProgress({ job }: { job: ProductImport }) {
  const { t } = useTranslation();
  const percent = progressPercent(job.doneRows, job.totalRows);
  return (
    <div className="import-progress" data-testid="product-import-progress" data-status={job.status}>
      <label htmlFor="product-import-bar">
        {job.status === 'done'
          ? t('catalogIo.import.done', { created: job.created, updated: job.updated })
          : t('catalogIo.import.running')}
      </label>
      <progress id="product-import-bar" max={100} value={percent} />
      <p>
        {t('catalogIo.import.rowsDone', { done: job.doneRows, total: job.totalRows })} · {percent}%
      </p>
      {job.failures.length > 0 ? (
        <ul data-testid="product-import-failures">
          {job.failures.map((f) => (
            <li key={`${f.row}-${f.column}`}>
              {t('catalogIo.import.rowColumn', { row: f.row, column: f.column })}:{' '}
              {t(`catalogIo.problems.${f.problem}`)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
