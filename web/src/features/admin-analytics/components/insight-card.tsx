import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvDownloadButton } from '../../../components/csv-download-button';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import type { PeriodFilter } from '../api/analytics';

/** A dashboard section read on its own: title, CSV export of its tables, a hint, loading and errors. */
export function InsightCard(props: {
  title: string;
  hint: string;
  csv: { path: string; name: string };
  period: PeriodFilter;
  query: { isPending: boolean; error: unknown };
  testId: string;
  children: ReactNode;
}) {
  return (
    <article className="card analytics-card" data-testid={props.testId}>
      <div className="page-heading">
        <h2>{props.title}</h2>
        <div className="page-actions">
          <CsvDownloadButton
            path={props.csv.path}
            query={{ ...props.period }}
            name={props.csv.name}
            testId={`${props.testId}-export`}
          />
        </div>
      </div>
      <p className="muted">{props.hint}</p>
      <ErrorMessage error={props.query.error} />
      {props.query.isPending ? <Spinner /> : props.children}
    </article>
  );
}

/** What a table says when the period has nothing for it. */
export function NoRows({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <p className="muted" data-testid={testId}>
      {t('analytics.insights.none')}
    </p>
  );
}

export const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
