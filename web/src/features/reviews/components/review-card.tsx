import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateTime } from '../../../lib/config';
import type { Review } from '../api/reviews';
import { ReviewPhotos } from './review-photos';
import { Stars } from './stars';

/**
 * One review. Its text is rendered as React text (escaped), never as HTML: what a buyer typed,
 * markup included, shows as the characters they typed.
 */
export function ReviewCard({ review, actions }: { review: Review; actions?: ReactNode }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  return (
    <article className="review-card" data-testid="review-card" data-review-id={review.id}>
      <header className="review-head">
        <Stars rating={review.rating} testId="review-stars" />
        <span className="review-author">{review.author.name}</span>
        {review.verifiedPurchase ? (
          <span className="badge badge-verified" data-testid="verified-purchase">
            {t('reviews.verified')}
          </span>
        ) : null}
      </header>
      {review.variants.length > 0 ? (
        <p className="muted review-variants">{review.variants.join(' · ')}</p>
      ) : null}
      <p className="review-body" data-testid="review-body">
        {review.body}
      </p>
      <ReviewPhotos images={review.images} />
      {review.followUp ? (
        <div className="review-follow-up" data-testid="review-follow-up">
          <p className="eyebrow">
            {t('reviews.followUp')} · {dateTime(review.followUp.createdAt)}
          </p>
          <p className="review-body">{review.followUp.body}</p>
          <ReviewPhotos images={review.followUp.images} />
        </div>
      ) : null}
      <footer className="review-foot">
        <time className="muted" dateTime={review.createdAt}>
          {dateTime(review.createdAt)}
        </time>
        {actions}
      </footer>
    </article>
  );
}
