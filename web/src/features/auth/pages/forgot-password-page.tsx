import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import type { FieldError } from '../../../lib/api-error';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useForgotPassword } from '../api/password-reset';

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const fieldError = useFieldErrors(forgot.error, clientErrors);

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = email.trim() ? [] : [{ path: '/email', message: '', rule: 'required' }];
    setClientErrors(missing);
    if (missing.length === 0) forgot.mutate(email.trim());
  }

  return (
    <section className="auth-card" data-testid="forgot-password">
      <h1>{t('passwordReset.forgotTitle')}</h1>
      {forgot.isSuccess ? (
        <p className="alert alert-success" role="status" data-testid="forgot-sent">
          {t('passwordReset.sent', { email: forgot.variables })}
        </p>
      ) : (
        <form onSubmit={submit} noValidate data-testid="forgot-form">
          <p className="muted">{t('passwordReset.forgotHint')}</p>
          <Field
            label={t('auth.email')}
            name="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError('/email')}
            required
          />
          <ErrorMessage error={forgot.error} />
          <button
            className="btn btn-primary btn-block"
            type="submit"
            disabled={forgot.isPending}
            data-testid="forgot-submit"
          >
            {forgot.isPending ? t('common.working') : t('passwordReset.send')}
          </button>
        </form>
      )}
      <p className="auth-switch">
        <Link to="/signin">{t('passwordReset.signIn')}</Link>
      </p>
    </section>
  );
}
