import { useTranslation } from 'react-i18next';
import { formatDecimal, parseDecimal } from './money';

/** Basis points carry two decimals of a percent: 1050 bps is 10.50 %. */
const PERCENT_DIGITS = 2;
export const MAX_BPS = 10_000;

/** Formats basis points as a percentage in the reader's language: 1050 → "10.5%". */
export function useBps(): (bps: number) => string {
  const { i18n } = useTranslation();
  return (bps) =>
    new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 2 }).format(
      bps / MAX_BPS,
    );
}

/** "10.5" (percent, as typed) → 1050 bps, by string arithmetic; null when not 0..100 with ≤ 2 decimals. */
export function percentToBps(text: string): number | null {
  const bps = parseDecimal(text, PERCENT_DIGITS);
  return bps !== null && bps <= MAX_BPS ? bps : null;
}

/** 1050 bps → "10.50", for prefilling a percent input. */
export const bpsToPercent = (bps: number): string => formatDecimal(bps, PERCENT_DIGITS);
