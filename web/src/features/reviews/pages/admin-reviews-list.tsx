import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { type AdminReview, useAdminReviews, useModerateReview } from '../api/reviews';
import { ReviewCard } from '../components/review-card';

/** Every review, newest first, for support staff to hide (with a reason) or restore. */
export function AdminReviewsList() {
  const { t } = useTranslation();
  const [hiddenOnly, setHiddenOnly] = useState(false);
  const pages = useAdminReviews(hiddenOnly);
  const reviews = allItems(pages.data);
  return (
    <section data-testid="admin-reviews">
      <label className="checkbox">
        <input type="checkbox" checked={hiddenOnly} onChange={(e) => setHiddenOnly(e.target.checked)} />{' '}
        {t('adminReviews.showHidden')}
      </label>
      <ListStatus
        pending={pages.isPending}
        error={pages.error}
        empty={reviews.length === 0}
        emptyTitle={t('adminReviews.empty')}
      />
      <div className="review-list">
        {reviews.map((review) => (
          <ReviewCard key={review.id} review={review} actions={<ReviewModeration review={review} />} />
        ))}
      </div>
      <LoadMore pages={pages} />
    </section>
  );
}

function ReviewModeration({ review }: { review: AdminReview }) {
  const { t } = useTranslation();
  const moderate = useModerateReview();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  function hide(event: FormEvent) {
    event.preventDefault();
    moderate.mutate({ id: review.id, hide: true, reason }, { onSuccess: () => setAsking(false) });
  }
  return (
    <div className="review-moderation" data-testid="review-moderation">
      <span className="muted">{t('adminReviews.by', { name: review.author.name })}</span>
      {review.hidden ? (
        <>
          <span className="badge" data-testid="review-hidden-reason">
            {t('adminReviews.hiddenBecause', { reason: review.hiddenReason ?? '' })}
          </span>
          <button
            type="button"
            className="btn btn-outline btn-small"
            disabled={moderate.isPending}
            onClick={() => moderate.mutate({ id: review.id, hide: false, reason: '' })}
            data-testid="review-restore"
          >
            {t('adminReviews.restore')}
          </button>
        </>
      ) : asking ? (
        <form onSubmit={hide} className="inline-form">
          <label htmlFor={`hide-${review.id}`}>{t('adminReviews.hideReason')}</label>
          <input
            id={`hide-${review.id}`}
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="review-hide-reason"
          />
          <button
            type="submit"
            className="btn btn-danger btn-small"
            disabled={moderate.isPending}
            data-testid="review-hide-confirm"
          >
            {t('adminReviews.confirmHide')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="btn btn-outline btn-small"
          onClick={() => setAsking(true)}
          data-testid="review-hide"
        >
          {t('adminReviews.hide')}
        </button>
      )}
      <ErrorMessage error={moderate.error} />
    </div>
  );
}
