import { useTranslation } from 'react-i18next';
import { usePolicyRules } from '../api/policy';

/**
 * The affiliate disclosure a market policy requires (us-ftc, eu) wherever a promoter's link or
 * content is shown: a store, a post, a product reached through a share link. Nothing elsewhere.
 */
export function PolicyDisclosure() {
  const { t } = useTranslation();
  const rules = usePolicyRules();
  if (!rules?.disclosure) return null;
  return (
    <p className="policy-disclosure muted" data-testid="policy-disclosure">
      {t('policy.disclosure')}
    </p>
  );
}
