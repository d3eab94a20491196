import type { Database, Queryable } from '../../platform/db.js';
import type { AccountsService } from '../accounts/index.js';
import type { DistributionService } from '../distribution/index.js';

/**
 * A community's people, from the communities module (built beside this one), owned here so the
 * dependency points this way. Answers `null` for every community until the composition root wires
 * it, so a community's structure is 404 until then.
 */
export interface CommunityMembership {
  membersOf(
    conn: Queryable,
    communityId: string,
  ): Promise<{ name: string; leaderId: string; memberIds: readonly string[] } | null>;
}

export const NO_COMMUNITIES: CommunityMembership = { membersOf: async () => null };

export interface StructureContext {
  db: Database;
  accounts: Pick<AccountsService, 'inviteesAmong' | 'namesOf' | 'contactsOf'>;
  distribution: Pick<DistributionService, 'boundBuyersOf' | 'busiestPromoters'>;
  communities: CommunityMembership;
}

/** A drawing past this many people is unreadable, and the walk stops there (`truncated`). */
export const MAX_PEOPLE = 500;
