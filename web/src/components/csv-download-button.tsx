import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../lib/api-error';
import { SESSION_CREDENTIALS } from '../lib/session';
import { ErrorMessage } from './error-message';

type Query = Record<string, string | number | boolean | undefined>;

/**
 * Downloads a CSV export with the list's filters. Fetched (rather than a plain link) so a refusal
 * shows as an error, then handed to the browser as a file named after the list and the day.
 */
async function download({ path, query, name }: { path: string; query: Query; name: string }) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const response = await fetch(`${path}${search.size > 0 ? `?${search}` : ''}`, {
    credentials: SESSION_CREDENTIALS,
  });
  if (!response.ok) throw await toApiError(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function CsvDownloadButton({
  path,
  query = {},
  name,
  testId,
}: {
  path: string;
  query?: Query;
  name: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const exporting = useMutation({ mutationFn: download });
  return (
    <>
      <button
        type="button"
        className="btn btn-outline"
        disabled={exporting.isPending}
        onClick={() => exporting.mutate({ path, query, name })}
        data-testid={testId}
      >
        {exporting.isPending ? t('catalogIo.exporting') : t('catalogIo.exportCsv')}
      </button>
      <ErrorMessage error={exporting.error} />
    </>
  );
}
