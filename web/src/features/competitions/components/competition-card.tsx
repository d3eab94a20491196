import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTime } from '../../../lib/config';
import type { Competition } from '../types';
import { usePrizeText } from './prize-text';

export function PhaseBadge({ phase }: { phase: Competition['phase'] }) {
  const { t } = useTranslation();
  const tone = phase === 'running' ? ' badge-success' : phase === 'upcoming' ? '' : ' badge-muted';
  return <span className={`badge${tone}`}>{t(`competitions.phase.${phase}`)}</span>;
}

/** A competition in a list: its title, what it counts, when, and its top prize. */
export function CompetitionCard({ competition }: { competition: Competition }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const prizeText = usePrizeText();
  const top = competition.prizes[0];
  return (
    <Link
      className="card competition-card"
      to={`/competitions/${competition.id}`}
      data-testid="competition-card"
    >
      <div className="competition-card-head">
        <strong>{competition.title}</strong>
        <PhaseBadge phase={competition.phase} />
      </div>
      <small className="muted">{t(`competitions.metric.${competition.metric}`)}</small>
      <small className="muted">
        {when(competition.startsAt)} – {when(competition.endsAt)}
      </small>
      {top ? <small>{t('competitions.topPrize', { prize: prizeText(top) })}</small> : null}
    </Link>
  );
}
