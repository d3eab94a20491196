import type { Database, Queryable } from '../../platform/db.js';
import type { AccountsService } from '../accounts/index.js';
import type { DistributionService } from '../distribution/index.js';

/**
 * A community's people, from the communities module, owned here so the dependency points this way
 * (the composition root wires `communities.directory.membersOf`). `null`: no such community (404).
 */
export interface CommunityMembership {
  membersOf(
    conn: Queryable,
    communityId: string,
  ): Promise<{ name: string; leaderId: string; memberIds: readonly string[] } | null>;
}

export interface StructureContext {
  db: Database;
  accounts: Pick<AccountsService, 'inviteesAmong' | 'namesOf' | 'contactsOf'>;
  distribution: Pick<DistributionService, 'boundBuyersOf' | 'busiestPromoters'>;
  communities: CommunityMembership;
}

/** A drawing past this many people is unreadable, and the walk stops there (`truncated`). */
export const MAX_PEOPLE = 500;
