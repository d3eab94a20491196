import { useTranslation } from 'react-i18next';
import { useMoney } from '../../../lib/config';
import type { Metric, Prize } from '../types';

/** A prize in words: "200 points", "A coupon", "¥50.00 bonus to the wallet". */
export function usePrizeText() {
  const { t } = useTranslation();
  const money = useMoney();
  return (prize: Prize) => {
    if (prize.kind === 'points') return t('competitions.prize.points', { count: prize.points });
    if (prize.kind === 'coupon') return t('competitions.prize.coupon');
    return t('competitions.prize.commission_bonus', { amount: money(prize.amount) });
  };
}

/** The ranks a prize covers: "Rank 1" or "Ranks 4–10". */
export function useRanksText() {
  const { t } = useTranslation();
  return (prize: Pick<Prize, 'fromRank' | 'toRank'>) =>
    prize.fromRank === prize.toRank
      ? t('competitions.rank', { rank: prize.fromRank })
      : t('competitions.ranks', { from: prize.fromRank, to: prize.toRank });
}

/** A score in the metric's unit: money for sales, people otherwise. */
export function useScoreText() {
  const { t } = useTranslation();
  const money = useMoney();
  return (metric: Metric, score: number) =>
    metric === 'settled_sales' ? money(score) : t(`competitions.unit.${metric}`, { count: score });
}
