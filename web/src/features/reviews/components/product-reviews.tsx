import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { LoadMore } from '../../../components/load-more';
import { Spinner } from '../../../components/spinner';
import { allItems } from '../../../lib/paged-query';
import { useProductReviews, useRatingSummary } from '../api/reviews';
import { RatingSummaryView } from './rating-summary';
import { ReviewCard } from './review-card';

/**
 * The product page's reviews: the rating summary, then the reviews with photos first. `Report` is
 * the moderation feature's button, passed in by the page so the features stay apart.
 */
export function ProductReviews({
  productId,
  Report,
}: {
  productId: string;
  Report?: ComponentType<{ type: 'review'; id: string }>;
}) {
  const { t } = useTranslation();
  const pages = useProductReviews(productId);
  const reviews = allItems(pages.data);
  const summary = useRatingSummary(productId).data;
  return (
    <section className="product-reviews card" aria-labelledby="reviews-heading" data-testid="product-reviews">
      <h2 id="reviews-heading">{t('reviews.title')}</h2>
      {pages.isPending ? <Spinner /> : null}
      <ErrorMessage error={pages.error} />
      {summary ? <RatingSummaryView summary={summary} /> : null}
      {summary && pages.data && reviews.length === 0 ? (
        <p className="muted" data-testid="no-reviews">
          {t('reviews.noReviews')}
        </p>
      ) : null}
      <div className="review-list">
        {reviews.map((review) => (
          <ReviewCard
            key={review.id}
            review={review}
            actions={Report ? <Report type="review" id={review.id} /> : undefined}
          />
        ))}
      </div>
      <LoadMore pages={pages} />
    </section>
  );
}
