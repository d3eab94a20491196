import { useTranslation } from 'react-i18next';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { allItems } from '../../../lib/paged-query';
import { useCompetitions } from '../api/list-competitions';
import { CompetitionCard } from '../components/competition-card';
import type { ListedPhase } from '../types';

function PhaseSection({ phase }: { phase: ListedPhase }) {
  const { t } = useTranslation();
  const competitions = useCompetitions(phase);
  const items = allItems(competitions.data);
  return (
    <section className="competition-section" data-testid={`competitions-${phase}`}>
      <h2>{t(`competitions.sections.${phase}`)}</h2>
      <ListStatus
        pending={competitions.isPending}
        error={competitions.error}
        empty={items.length === 0}
        emptyTitle={t(`competitions.none.${phase}`)}
      />
      <ul className="plain-list competition-list">
        {items.map((competition) => (
          <li key={competition.id}>
            <CompetitionCard competition={competition} />
          </li>
        ))}
      </ul>
      <LoadMore pages={competitions} />
    </section>
  );
}

/** Running, upcoming and ended competitions, each in its own section. */
export function CompetitionsPage() {
  const { t } = useTranslation();
  return (
    <section className="page narrow" data-testid="competitions-page">
      <h1>{t('competitions.title')}</h1>
      <p className="muted">{t('competitions.hint')}</p>
      <PhaseSection phase="running" />
      <PhaseSection phase="upcoming" />
      <PhaseSection phase="ended" />
    </section>
  );
}
