import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import type { FieldError } from '../../../lib/api-error';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useSignUp } from '../api/sign-up';
import { safeNext } from '../components/safe-next';

const MIN_PASSWORD = 8;
// Roughly what the server's `format: email` accepts; the server stays the judge.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The name and email as the server's schema checks them, as its field errors (worded the same). */
function checkContact(form: { name: string; email: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (!form.name.trim()) errors.push({ path: '/name', message: '', rule: 'required' });
  if (!form.email.trim()) errors.push({ path: '/email', message: '', rule: 'required' });
  else if (!EMAIL.test(form.email.trim())) errors.push({ path: '/email', message: '', rule: 'format' });
  return errors;
}

export function SignUpPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const [form, setForm] = useState({
    name: '',
    email: '',
    password: '',
    inviteCode: params.get('invite') ?? '',
  });
  const [tooShort, setTooShort] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const next = safeNext(params.get('next'));
  const fieldError = useFieldErrors(signUp.error, clientErrors);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const short = form.password.length < MIN_PASSWORD;
    const contact = checkContact(form);
    setTooShort(short);
    setClientErrors(contact);
    if (short || contact.length > 0) return;
    const inviteCode = form.inviteCode.trim();
    signUp.mutate(
      { name: form.name, email: form.email, password: form.password, ...(inviteCode ? { inviteCode } : {}) },
      { onSuccess: () => navigate(next, { replace: true }) },
    );
  }

  return (
    <section className="auth-card">
      <h1>{t('auth.signUpTitle')}</h1>
      <form onSubmit={submit} noValidate data-testid="signup-form">
        <Field
          label={t('auth.name')}
          name="name"
          autoComplete="name"
          value={form.name}
          onChange={set('name')}
          error={fieldError('/name')}
          required
        />
        <Field
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="email"
          value={form.email}
          onChange={set('email')}
          error={fieldError('/email')}
          required
        />
        <Field
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          hint={t('auth.passwordHint')}
          error={tooShort ? t('auth.passwordTooShort') : fieldError('/password')}
          required
        />
        <Field
          label={t('auth.inviteCode')}
          name="inviteCode"
          value={form.inviteCode}
          onChange={set('inviteCode')}
          hint={t('auth.inviteCodeHint')}
          error={fieldError('/inviteCode')}
        />
        <ErrorMessage error={signUp.error} />
        <button
          className="btn btn-primary btn-block"
          type="submit"
          disabled={signUp.isPending}
          data-testid="signup-submit"
        >
          {signUp.isPending ? t('common.working') : t('auth.createAccount')}
        </button>
      </form>
      <p className="auth-switch">
        {t('auth.haveAccount')}{' '}
        <Link to={`/signin?next=${encodeURIComponent(next)}`}>{t('auth.signIn')}</Link>
      </p>
    </section>
  );
}
