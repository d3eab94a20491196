import type { BodyOf, ResponseOf } from '../../lib/api';

/** Competitions as the API shows them: derived from the generated API types, never copied. */
export type Competition = ResponseOf<'/api/competitions', 'get'>['items'][number];
export type CompetitionDetail = ResponseOf<'/api/competitions/{id}', 'get'>;
export type LeaderboardEntry = CompetitionDetail['leaderboard'][number];
export type Prize = Competition['prizes'][number];
export type Metric = Competition['metric'];
export type Phase = Competition['phase'];
export type AdminCompetition = ResponseOf<'/api/admin/competitions', 'get'>['items'][number];
export type AdminCompetitionDetail = ResponseOf<'/api/admin/competitions/{id}', 'get'>;
export type CompetitionInput = BodyOf<'/api/admin/competitions', 'post'>;
export type ListedPhase = 'running' | 'upcoming' | 'ended';

export const METRICS: readonly Metric[] = ['settled_sales', 'new_customers', 'team_growth'];
