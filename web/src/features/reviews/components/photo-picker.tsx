import { useTranslation } from 'react-i18next';
import { ImageUploadButton } from '../../../components/image-upload-button';
import type { Upload } from '../../../lib/uploads';
import { MAX_REVIEW_PHOTOS } from './ratings';

/** The photos of a review being written: uploaded one by one, each removable before posting. */
export function PhotoPicker({
  photos,
  onChange,
  testId,
}: {
  photos: Upload[];
  onChange: (photos: Upload[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="photo-picker">
      {photos.length > 0 ? (
        <ul className="review-photos">
          {photos.map((photo, i) => (
            <li key={photo.id}>
              <img src={photo.urls['320'] ?? photo.url} alt={t('reviews.photo', { n: i + 1 })} />
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={t('reviews.removePhoto', { n: i + 1 })}
                onClick={() => onChange(photos.filter((p) => p.id !== photo.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {photos.length < MAX_REVIEW_PHOTOS ? (
        <ImageUploadButton
          purpose="review"
          label={t('reviews.addPhoto')}
          testId={testId}
          onUploaded={(upload) => onChange([...photos, upload])}
        />
      ) : null}
      <small className="field-hint">{t('reviews.photosLimit', { max: MAX_REVIEW_PHOTOS })}</small>
    </div>
  );
}
