import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusPage } from '../components/status-page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StatusPage title={t('common.notFound')} testId="not-found">
      <Link className="btn btn-primary" to="/">
        {t('common.backHome')}
      </Link>
    </StatusPage>
  );
}
