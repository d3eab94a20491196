import type { CompetitionRow } from './queries.js';
import { canonicalPrizes, phaseOf } from './rules.js';
import type { AdminCompetitionView, Competition } from './schemas.js';

export const presentCompetition = (c: CompetitionRow, now: Date): Competition => ({
  id: c.id,
  title: c.title,
  description: c.description,
  metric: c.metric,
  startsAt: c.starts_at.toISOString(),
  endsAt: c.ends_at.toISOString(),
  phase: phaseOf({ status: c.status, startsAt: c.starts_at, endsAt: c.ends_at }, now),
  prizes: canonicalPrizes(c.prizes),
  awardedAt: c.awarded_at?.toISOString() ?? null,
});

export const presentAdminCompetition = (
  c: CompetitionRow,
  now: Date,
  participants: number,
): AdminCompetitionView => ({
  ...presentCompetition(c, now),
  status: c.status,
  participants,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});
