import { useTranslation } from 'react-i18next';
import { srcSetOf } from '../../../lib/uploads';

/** A review's photos as a grid of small squares; each opens full size in a new tab. */
export function ReviewPhotos({ images }: { images: string[] }) {
  const { t } = useTranslation();
  if (images.length === 0) return null;
  return (
    <ul className="review-photos">
      {images.map((src, i) => (
        <li key={src}>
          <a href={src} target="_blank" rel="noreferrer">
            <img
              src={src}
              srcSet={srcSetOf(src)}
              sizes="96px"
              alt={t('reviews.photo', { n: i + 1 })}
              loading="lazy"
              data-testid="review-photo"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
