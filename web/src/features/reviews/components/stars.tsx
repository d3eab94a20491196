import { useTranslation } from 'react-i18next';
import { RATINGS } from './ratings';

/** A rating drawn as five stars, read out as "4 stars". */
export function Stars({ rating, testId }: { rating: number; testId?: string }) {
  const { t } = useTranslation();
  const whole = Math.round(rating);
  return (
    <span className="stars" role="img" aria-label={t('reviews.starsLabel', { rating })} data-testid={testId}>
      {RATINGS.map((r) => (
        <span key={r} className={r <= whole ? 'star star-on' : 'star'} aria-hidden="true">
          ★
        </span>
      ))}
    </span>
  );
}

/** Five radio buttons drawn as stars: big enough to tap on a phone. */
export function StarInput({
  value,
  onChange,
  name,
}: {
  value: number;
  onChange: (rating: number) => void;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="star-input" data-testid="star-input">
      <legend>{t('reviews.rating')}</legend>
      {RATINGS.map((r) => (
        <label key={r} className={r <= value ? 'star star-on' : 'star'}>
          <input
            type="radio"
            className="visually-hidden"
            name={name}
            value={r}
            checked={value === r}
            onChange={() => onChange(r)}
            aria-label={t('reviews.ratingOption', { rating: r })}
            data-testid={`star-${r}`}
          />
          <span aria-hidden="true">★</span>
        </label>
      ))}
    </fieldset>
  );
}
