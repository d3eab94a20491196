import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { useDateTime } from '../../../lib/config';
import { type OwnReview, useOrderReviews } from '../api/reviews';
import { ReviewCard } from './review-card';
import { FollowUpForm, ReviewForm } from './review-form';

interface ReviewableOrder {
  id: string;
  items: { id: string; title: string }[];
}

/**
 * The order page's reviews: a form for each line not reviewed yet, the buyer's reviews, and the
 * follow-up once it is due. Nothing shows for an order that cannot be reviewed and has no reviews.
 */
export function OrderReviews({ order }: { order: ReviewableOrder }) {
  const { t } = useTranslation();
  const reviews = useOrderReviews(order.id);
  if (reviews.isPending) return null;
  if (!reviews.data) return <ErrorMessage error={reviews.error} />;
  const { items, reviewableItemIds } = reviews.data;
  if (items.length === 0 && reviewableItemIds.length === 0) return null;
  const toReview = order.items.filter((line) => reviewableItemIds.includes(line.id));
  return (
    <section className="card order-reviews" data-testid="order-reviews">
      <h2>{t('reviews.writeTitle')}</h2>
      {toReview.map((line) => (
        <ReviewForm key={line.id} orderId={order.id} line={line} />
      ))}
      {items.map((review) => (
        <OwnReviewView key={review.id} orderId={order.id} review={review} />
      ))}
      {toReview.length === 0 ? <p className="muted">{t('reviews.allReviewed')}</p> : null}
    </section>
  );
}

function OwnReviewView({ orderId, review }: { orderId: string; review: OwnReview }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const due = review.followUpAvailableAt;
  return (
    <div className="own-review" data-testid="own-review">
      <p className="eyebrow">
        {t('reviews.yours')} · {review.items.map((i) => i.title).join(', ')}
      </p>
      {review.hidden ? (
        <p className="alert alert-info" data-testid="own-review-hidden">
          {t('reviews.hidden')}
        </p>
      ) : null}
      <ReviewCard review={review} />
      {due && new Date(due) <= new Date() ? <FollowUpForm orderId={orderId} reviewId={review.id} /> : null}
      {due && new Date(due) > new Date() ? (
        <p className="muted" data-testid="follow-up-later">
          {t('reviews.followUpFrom', { date: dateTime(due) })}
        </p>
      ) : null}
    </div>
  );
}
