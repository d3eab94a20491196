import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useDateTime } from '../../../lib/config';
import { useUser } from '../../auth';
import { useCompetition } from '../api/get-competition';
import { PhaseBadge } from '../components/competition-card';
import { Countdown } from '../components/countdown';
import { Leaderboard } from '../components/leaderboard';
import { ListedSwitch } from '../components/listed-switch';
import { MyStanding } from '../components/my-standing';
import { PrizeList } from '../components/prize-list';

/** One competition: countdown, prizes, the live leaderboard, the viewer's standing and the opt-out. */
export function CompetitionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useUser();
  const competition = useCompetition(id, user?.id);
  const when = useDateTime();
  if (competition.isPending) return <Spinner />;
  if (competition.error || !competition.data)
    return (
      <section className="page narrow">
        <ErrorMessage error={competition.error} />
        <Link to="/competitions">{t('competitions.back')}</Link>
      </section>
    );
  const c = competition.data;
  return (
    <section className="page narrow competition-page" data-testid="competition-page">
      <Link to="/competitions" className="muted">
        {t('competitions.back')}
      </Link>
      <div className="competition-card-head">
        <h1>{c.title}</h1>
        <PhaseBadge phase={c.phase} />
      </div>
      {c.description ? <p className="competition-description">{c.description}</p> : null}
      <p className="muted">
        {when(c.startsAt)} – {when(c.endsAt)}
      </p>
      <Countdown competition={c} />
      <p>
        <strong>{t(`competitions.metric.${c.metric}`)}</strong>
        <small className="muted muted-block">{t(`competitions.metricHint.${c.metric}`)}</small>
      </p>
      <h2>{t('competitions.prizes')}</h2>
      <PrizeList prizes={c.prizes} />
      {user ? (
        <MyStanding competition={c} />
      ) : (
        <p className="muted">
          <Link to={`/signin?next=${encodeURIComponent(`/competitions/${c.id}`)}`}>
            {t('competitions.signIn')}
          </Link>
        </p>
      )}
      <div className="competition-board-head">
        <h2>{t('competitions.leaderboard')}</h2>
        <small className="muted">
          {t('competitions.participants', { count: c.participants })}
          {c.phase === 'running' ? ` · ${t('competitions.live')}` : ''}
        </small>
      </div>
      <Leaderboard competition={c} />
      {user ? <ListedSwitch /> : null}
    </section>
  );
}
