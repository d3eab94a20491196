import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/**
 * Shared links land on `…?ref=<code>`. Whoever shared the page may earn from a purchase made
 * through it, and the buyer is told so plainly before they buy.
 */
export function ReferralDisclosure() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (!params.get('ref')) return null;
  return (
    <p className="alert alert-info referral-disclosure" role="note" data-testid="referral-disclosure">
      {t('share.disclosure')}
    </p>
  );
}
