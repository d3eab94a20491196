import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useDurationText } from '../../../components/duration-input';
import { ErrorMessage } from '../../../components/error-message';
import { ProductImage } from '../../../components/product-image';
import { type ApiError, isApiError } from '../../../lib/api-error';
import { useMoney } from '../../../lib/config';
import { useUser } from '../../auth';
import { useStartBargain } from '../api/campaigns';
import type { Campaign } from '../types';

/** One campaign: its product, the regular price down to the floor, how many helps, and "Start bargain". */
export function CampaignCard({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const money = useMoney();
  const duration = useDurationText();
  return (
    <article className="card flash-sale bargain-campaign" data-testid="bargain-campaign">
      <Link to={`/products/${campaign.productId}`} className="flash-sale-product">
        <ProductImage
          src={campaign.product.image ?? undefined}
          alt={campaign.product.title}
          className="group-thumb"
        />
        <strong>{campaign.product.title}</strong>
      </Link>
      <p className="flash-sale-prices">
        <strong className="price price-large" data-testid="bargain-floor">
          {t('bargain.downTo', { price: money(campaign.floorPrice) })}
        </strong>
        {campaign.regularPrice !== null ? <s className="muted">{money(campaign.regularPrice)}</s> : null}
      </p>
      <p className="muted bargain-terms">
        {t('bargain.helpersNeeded', { count: campaign.helpersNeeded })} ·{' '}
        {t('bargain.runs', { time: duration(campaign.durationMinutes) })}
      </p>
      {campaign.regularPrice === null ? (
        <button type="button" className="btn btn-secondary btn-block" disabled>
          {t('bargain.offSale')}
        </button>
      ) : (
        <StartButton campaignId={campaign.id} />
      )}
    </article>
  );
}

const alreadyOpen = (error: unknown): error is ApiError =>
  isApiError(error) && error.reason === 'bargain_already_open';

/** Starts the bargain and opens its page; an open one of the same campaign is opened instead. */
function StartButton({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const { user } = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const start = useStartBargain();
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Link className="btn btn-primary btn-block" to={`/signin?next=${next}`} data-testid="bargain-start">
        {t('bargain.signInToStart')}
      </Link>
    );
  }
  function begin() {
    start.mutate(campaignId, {
      onSuccess: (bargain) => navigate(`/bargains/${bargain.id}`),
      // One open bargain per campaign: the person is sent to share the one they have.
      onError: (error) => {
        if (alreadyOpen(error)) navigate(`/bargains/${String(error.params.bargainId)}`);
      },
    });
  }
  return (
    <>
      <button
        type="button"
        className="btn btn-primary btn-block"
        disabled={start.isPending}
        onClick={begin}
        data-testid="bargain-start"
      >
        {start.isPending ? t('common.working') : t('bargain.start')}
      </button>
      {alreadyOpen(start.error) ? null : <ErrorMessage error={start.error} />}
    </>
  );
}
