import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ProductImage } from '../../../components/product-image';
import { Spinner } from '../../../components/spinner';
import { StatusPage } from '../../../components/status-page';
import { isApiError } from '../../../lib/api-error';
import { useMoney } from '../../../lib/config';
import { useRemaining } from '../../groupbuy';
import { useBargain } from '../api/bargain';
import { BargainActions } from '../components/bargain-actions';
import { BargainCountdown } from '../components/bargain-countdown';
import { BargainProgress } from '../components/bargain-progress';
import { shownStatus } from '../components/bargain-state';
import { BargainStatusBadge } from '../components/bargain-status-badge';
import { CutScheduleNote } from '../components/cut-schedule-note';
import { HelperList } from '../components/helper-list';
import type { Bargain } from '../types';

/** A bargain's page, what its share link opens: anyone may look, friends help, its starter buys. */
export function BargainPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const bargain = useBargain(id);
  if (bargain.isPending) return <Spinner />;
  if (isApiError(bargain.error, 404)) {
    return (
      <StatusPage title={t('bargain.notFound')} testId="bargain-not-found">
        <Link className="btn btn-primary" to="/bargains">
          {t('bargain.browse')}
        </Link>
      </StatusPage>
    );
  }
  if (!bargain.data) return <ErrorMessage error={bargain.error} />;
  return <BargainDetails bargain={bargain.data} />;
}

function BargainDetails({ bargain }: { bargain: Bargain }) {
  const { t } = useTranslation();
  const money = useMoney();
  const remaining = useRemaining(bargain.expiresAt);
  const status = shownStatus(bargain.status, remaining);
  const ordered = bargain.orderId !== null;
  return (
    <article className="page narrow bargain-page" data-testid="bargain-page" data-status={status}>
      <header className="card group-deal">
        <ProductImage
          src={bargain.product.image ?? undefined}
          alt={bargain.product.title}
          className="group-thumb"
        />
        <div>
          <Link to={`/products/${bargain.product.id}`} className="group-product">
            {bargain.product.title}
          </Link>
          <p className="group-prices">
            <strong className="price price-large" data-testid="bargain-price">
              {money(bargain.price)}
            </strong>
            {bargain.price < bargain.startPrice ? <s className="muted">{money(bargain.startPrice)}</s> : null}
          </p>
          <p className="muted">{t('bargain.startedBy', { name: bargain.starter.name })}</p>
        </div>
      </header>

      <section className="card group-state">
        <BargainStatusBadge status={status} ordered={ordered} />
        {status !== 'expired' && !ordered ? (
          <BargainCountdown remaining={remaining} atFloor={status === 'succeeded'} />
        ) : null}
        <BargainProgress bargain={bargain} />
        <BargainActions bargain={bargain} status={status} remaining={remaining} />
      </section>

      <HelperList helps={bargain.helps} />
      <CutScheduleNote bargain={bargain} />
    </article>
  );
}
