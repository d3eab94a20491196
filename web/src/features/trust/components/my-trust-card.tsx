import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useMyTrust } from '../api/trust';
import { TrustParts } from './trust-parts';

/** The promoter's own trust value on their earnings page, with what moves it. */
export function MyTrustCard() {
  const { t } = useTranslation();
  const trust = useMyTrust();
  return (
    <section className="card" data-testid="my-trust-card">
      <h2>{t('trust.cardTitle')}</h2>
      {trust.isPending ? <Spinner /> : null}
      <ErrorMessage error={trust.error} />
      {trust.data ? (
        <>
          <p className="stat-big" data-testid="my-trust-score" data-held={trust.data.held}>
            {trust.data.score}
            <small className="muted"> / 100</small>
          </p>
          <p className={trust.data.held ? 'text-danger' : 'muted'}>
            {trust.data.held
              ? t('trust.cardHeld', { threshold: trust.data.threshold })
              : t('trust.cardOk', { threshold: trust.data.threshold })}
          </p>
          <details>
            <summary>{t('trust.whatMoves')}</summary>
            <TrustParts parts={trust.data.parts} explain />
          </details>
        </>
      ) : null}
    </section>
  );
}
