import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import type { FieldError } from '../../../lib/api-error';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useResetPassword } from '../api/password-reset';

const MIN_PASSWORD = 8;

/** The emailed link's page: choose a new password (the sign-up policy applies). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const fieldError = useFieldErrors(reset.error, clientErrors);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldError[] =
      password.length < MIN_PASSWORD
        ? [{ path: '/password', message: '', rule: 'minLength', params: { limit: MIN_PASSWORD } }]
        : [];
    setClientErrors(errors);
    if (errors.length === 0) reset.mutate({ token, password });
  }

  return (
    <section className="auth-card" data-testid="reset-password">
      <h1>{t('passwordReset.resetTitle')}</h1>
      {!token ? (
        <p className="alert alert-error" role="alert" data-testid="reset-missing-token">
          {t('passwordReset.missingToken')}
        </p>
      ) : reset.isSuccess ? (
        <p className="alert alert-success" role="status" data-testid="reset-done">
          {t('passwordReset.done')}
        </p>
      ) : (
        <form onSubmit={submit} noValidate data-testid="reset-form">
          <Field
            label={t('passwordReset.newPassword')}
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError('/password')}
            required
          />
          <ErrorMessage error={reset.error} />
          <button
            className="btn btn-primary btn-block"
            type="submit"
            disabled={reset.isPending}
            data-testid="reset-submit"
          >
            {reset.isPending ? t('common.working') : t('passwordReset.save')}
          </button>
        </form>
      )}
      <p className="auth-switch">
        {reset.isSuccess ? (
          <Link to="/signin">{t('passwordReset.signIn')}</Link>
        ) : (
          <Link to="/forgot-password">{t('passwordReset.askAgain')}</Link>
        )}
      </p>
    </section>
  );
}
