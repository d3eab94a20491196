import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import type { Upload } from '../../../lib/uploads';
import { useFollowUp, useWriteReview } from '../api/reviews';
import { PhotoPicker } from './photo-picker';
import { StarInput } from './stars';

/** The review of one order line: stars, text and photos. */
export function ReviewForm({ orderId, line }: { orderId: string; line: { id: string; title: string } }) {
  const { t } = useTranslation();
  const write = useWriteReview(orderId);
  const [rating, setRating] = useState(0);
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<Upload[]>([]);
  const [missingRating, setMissingRating] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rating === 0) return setMissingRating(true);
    write.mutate({ rating, body, orderItemId: line.id, images: photos.map((p) => p.id) });
  }

  return (
    <form className="review-form" onSubmit={submit} data-testid={`review-form-${line.id}`}>
      <h3>{t('reviews.writeFor', { title: line.title })}</h3>
      <StarInput
        name={`rating-${line.id}`}
        value={rating}
        onChange={(r) => {
          setRating(r);
          setMissingRating(false);
        }}
      />
      {missingRating ? <small className="field-error">{t('reviews.chooseRating')}</small> : null}
      <div className="field">
        <label htmlFor={`review-body-${line.id}`}>{t('reviews.body')}</label>
        <textarea
          id={`review-body-${line.id}`}
          rows={4}
          maxLength={2000}
          required
          value={body}
          onChange={(e) => setBody(e.target.value)}
          data-testid="review-body-input"
        />
      </div>
      <PhotoPicker photos={photos} onChange={setPhotos} testId="review-photo-input" />
      <ErrorMessage error={write.error} />
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={write.isPending}
        data-testid="review-submit"
      >
        {write.isPending ? t('reviews.submitting') : t('reviews.submit')}
      </button>
    </form>
  );
}

/** The one follow-up of a review, in text and photos. */
export function FollowUpForm({ orderId, reviewId }: { orderId: string; reviewId: string }) {
  const { t } = useTranslation();
  const follow = useFollowUp(orderId, reviewId);
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<Upload[]>([]);
  return (
    <form
      className="review-form"
      data-testid="follow-up-form"
      onSubmit={(event) => {
        event.preventDefault();
        follow.mutate({ body, images: photos.map((p) => p.id) });
      }}
    >
      <h3>{t('reviews.followUpTitle')}</h3>
      <div className="field">
        <label htmlFor={`follow-up-${reviewId}`}>{t('reviews.followUpBody')}</label>
        <textarea
          id={`follow-up-${reviewId}`}
          rows={3}
          maxLength={2000}
          required
          value={body}
          onChange={(e) => setBody(e.target.value)}
          data-testid="follow-up-input"
        />
      </div>
      <PhotoPicker photos={photos} onChange={setPhotos} testId="follow-up-photo-input" />
      <ErrorMessage error={follow.error} />
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={follow.isPending}
        data-testid="follow-up-submit"
      >
        {t('reviews.followUpSubmit')}
      </button>
    </form>
  );
}
