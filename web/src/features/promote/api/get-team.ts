import { usePagedQuery } from '../../../lib/paged-query';
import type { TeamMember } from '../types';

export const useMyTeam = () => usePagedQuery<TeamMember>(['my-team'], '/api/me/team');
