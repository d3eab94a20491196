import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import type { FieldError } from '../../../lib/api-error';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useSignIn } from '../api/sign-in';
import { safeNext } from '../components/safe-next';

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const fieldError = useFieldErrors(signIn.error, clientErrors);

  function submit(event: FormEvent) {
    event.preventDefault();
    // Both are required by the server's schema: say so before asking it.
    const missing: FieldError[] = [];
    if (!email.trim()) missing.push({ path: '/email', message: '', rule: 'required' });
    if (!password) missing.push({ path: '/password', message: '', rule: 'required' });
    setClientErrors(missing);
    if (missing.length > 0) return;
    signIn.mutate({ email, password }, { onSuccess: () => navigate(next, { replace: true }) });
  }

  return (
    <section className="auth-card">
      <h1>{t('auth.signInTitle')}</h1>
      <form onSubmit={submit} noValidate data-testid="signin-form">
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
        <Field
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError('/password')}
          required
        />
        <ErrorMessage error={signIn.error} />
        <button
          className="btn btn-primary btn-block"
          type="submit"
          disabled={signIn.isPending}
          data-testid="signin-submit"
        >
          {signIn.isPending ? t('common.working') : t('auth.signIn')}
        </button>
      </form>
      <p className="auth-switch">
        <Link to="/forgot-password" data-testid="forgot-link">
          {t('passwordReset.forgotLink')}
        </Link>
      </p>
      <p className="auth-switch">
        {t('auth.noAccount')} <Link to={`/signup?next=${encodeURIComponent(next)}`}>{t('auth.signUp')}</Link>
      </p>
    </section>
  );
}
