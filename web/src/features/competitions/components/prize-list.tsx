import { useTranslation } from 'react-i18next';
import type { Prize } from '../types';
import { usePrizeText, useRanksText } from './prize-text';

export function PrizeList({ prizes }: { prizes: readonly Prize[] }) {
  const { t } = useTranslation();
  const prizeText = usePrizeText();
  const ranksText = useRanksText();
  if (prizes.length === 0) return <p className="muted">{t('competitions.noPrizes')}</p>;
  return (
    <ul className="plain-list competition-prizes" data-testid="competition-prizes">
      {prizes.map((prize) => (
        <li key={prize.fromRank}>
          <span className="competition-prize-ranks">{ranksText(prize)}</span>
          <span>{prizeText(prize)}</span>
        </li>
      ))}
    </ul>
  );
}
