import { useTranslation } from 'react-i18next';
import type { CompetitionDetail } from '../types';
import { usePrizeText, useScoreText } from './prize-text';

/** Where the signed-in person stands, also when they are not listed. */
export function MyStanding({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation();
  const scoreText = useScoreText();
  const prizeText = usePrizeText();
  const me = competition.me;
  if (!me) return null;
  const ended = competition.phase === 'ended';
  return (
    <div className="card competition-me" data-testid="my-standing">
      <h2>{t('competitions.myStanding')}</h2>
      {me.rank === null ? (
        <p data-testid="my-rank">{me.score > 0 ? t('competitions.unranked') : t('competitions.noScore')}</p>
      ) : (
        <p data-testid="my-rank">
          <strong className="competition-my-rank">{t('competitions.myRank', { rank: me.rank })}</strong>{' '}
          <span className="muted">{scoreText(competition.metric, me.score)}</span>
        </p>
      )}
      {me.prize ? (
        <p data-testid="my-prize">
          {ended
            ? t('competitions.youWon', { prize: prizeText(me.prize) })
            : t('competitions.onTrack', { prize: prizeText(me.prize) })}
        </p>
      ) : null}
      {me.listed ? null : <p className="muted">{t('competitions.hiddenNote')}</p>}
    </div>
  );
}
