import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { Spinner } from '../../../components/spinner';
import { StatusPage } from '../../../components/status-page';
import { useUser } from '../api/get-me';
import { isStaff } from '../types';

/** Sends guests to sign in and brings them back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading } = useUser();
  const location = useLocation();
  if (loading) return <Spinner />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  return children;
}

export function RequireAdmin({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, loading } = useUser();
  if (loading) return <Spinner />;
  if (!isStaff(user)) {
    return (
      <RequireAuth>
        <StatusPage title={t('admin.notAllowed')} testId="not-allowed">
          <p>{t('admin.notAllowedHint')}</p>
          <Link className="btn btn-primary" to="/">
            {t('common.backHome')}
          </Link>
        </StatusPage>
      </RequireAuth>
    );
  }
  return children;
}
