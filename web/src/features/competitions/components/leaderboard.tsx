import { useTranslation } from 'react-i18next';
import type { CompetitionDetail } from '../types';
import { usePrizeText, useScoreText } from './prize-text';

/** The ranked people, the viewer's own row highlighted; names come masked from the server. */
export function Leaderboard({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation();
  const scoreText = useScoreText();
  const prizeText = usePrizeText();
  if (competition.leaderboard.length === 0)
    return (
      <p className="muted" data-testid="leaderboard-empty">
        {competition.phase === 'upcoming' ? t('competitions.boardNotStarted') : t('competitions.boardEmpty')}
      </p>
    );
  return (
    <ol className="plain-list leaderboard" data-testid="leaderboard">
      {competition.leaderboard.map((entry) => (
        <li
          key={entry.rank}
          className={`leaderboard-row${entry.isMe ? ' leaderboard-me' : ''}${entry.rank <= 3 ? ` leaderboard-top${entry.rank}` : ''}`}
          data-testid={entry.isMe ? 'leaderboard-me' : 'leaderboard-row'}
        >
          <span className="leaderboard-rank">{entry.rank}</span>
          <span className="leaderboard-avatar" aria-hidden="true">
            {entry.initial}
          </span>
          <span className="leaderboard-name">
            {entry.name}
            {entry.isMe ? <span className="badge">{t('competitions.you')}</span> : null}
            {entry.prize ? <small className="muted muted-block">{prizeText(entry.prize)}</small> : null}
          </span>
          <span className="leaderboard-score">{scoreText(competition.metric, entry.score)}</span>
        </li>
      ))}
    </ol>
  );
}
