import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';

/** The server's problem detail when there is one, a generic line otherwise. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = isApiError(error) && error.detail ? error.detail : t('common.error');
  return (
    <p className="alert alert-error" role="alert" data-testid="error-message">
      {text}
    </p>
  );
}
