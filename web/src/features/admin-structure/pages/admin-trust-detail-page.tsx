import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { TrustParts, useTrustDetail } from '../../trust';

/** One person's trust value with every part, for the operator. */
export function AdminTrustDetailPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const trust = useTrustDetail(userId);
  return (
    <section data-testid="admin-trust-detail">
      <p>
        <Link to="/admin/trust">{t('trust.back')}</Link>
      </p>
      {trust.isPending ? <Spinner /> : null}
      <ErrorMessage error={trust.error} />
      {trust.data ? (
        <>
          <h1>{t('trust.detailTitle', { name: trust.data.user.name })}</h1>
          <p className="muted">{trust.data.user.email}</p>
          <p className="stat-big" data-testid="admin-trust-score">
            {trust.data.score}
            <small className="muted"> / 100</small>
          </p>
          <p className={trust.data.held ? 'text-danger' : 'muted'}>
            {t('trust.threshold')}: {trust.data.threshold} —{' '}
            {trust.data.held ? t('trust.held') : t('trust.notHeld')}
          </p>
          <TrustParts parts={trust.data.parts} />
          <p>
            <Link to={`/admin/structure?promoter=${encodeURIComponent(trust.data.user.id)}`}>
              {t('structure.title')}
            </Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
