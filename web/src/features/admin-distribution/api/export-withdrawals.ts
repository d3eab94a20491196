import { useMutation } from '@tanstack/react-query';
import { toApiError } from '../../../lib/api-error';
import { SESSION_CREDENTIALS } from '../../../lib/session';

/**
 * Downloads approved withdrawals as CSV for the bank or payment platform. Fetched (rather than a
 * plain link) so a refusal shows as an error, then handed to the browser as a file.
 */
async function downloadApprovedCsv(): Promise<void> {
  const response = await fetch('/api/admin/withdrawals/export.csv?status=approved', {
    credentials: SESSION_CREDENTIALS,
  });
  if (!response.ok) throw await toApiError(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `withdrawals-approved-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const useExportApprovedWithdrawals = () => useMutation({ mutationFn: downloadApprovedCsv });
