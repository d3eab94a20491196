import { useTranslation } from 'react-i18next';
import { useBps } from '../../../lib/percent';
import type { Benefit } from '../types';

/** 15000 bps → "1.5": a commission multiplier as people say it. */
export const multiplierText = (bps: number, language: string) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(bps / 10_000);

/** One benefit in the reader's words. */
export function useBenefitText() {
  const { t, i18n } = useTranslation();
  const percent = useBps();
  return (b: Benefit): string => {
    switch (b.kind) {
      case 'discount':
        return t('levels.benefit.discount', { percent: percent(b.bps) });
      case 'commission_multiplier':
        return t('levels.benefit.commission', { factor: multiplierText(b.bps, i18n.language) });
      case 'free_shipping':
        return t('levels.benefit.freeShipping');
      case 'monthly_coupon':
        return t('levels.benefit.monthlyCoupon');
    }
  };
}

export function BenefitList({ benefits, testId }: { benefits: readonly Benefit[]; testId?: string }) {
  const { t } = useTranslation();
  const text = useBenefitText();
  if (benefits.length === 0) return <p className="muted">{t('levels.noBenefits')}</p>;
  return (
    <ul className="level-benefits" data-testid={testId}>
      {benefits.map((b) => (
        <li key={b.kind}>{text(b)}</li>
      ))}
    </ul>
  );
}
