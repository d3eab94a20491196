import { type Clock, instantOrNull } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { type AuditContext, record } from '../audit/index.js';
import type { CatalogService } from '../catalog/index.js';
import { presentCampaign } from './present.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { campaignMachine, campaignProblems, groupMachine, platformMayComplete } from './rules.js';
import type { Campaign } from './schemas.js';
import { publishGroupSucceeded } from './seats.js';

export interface CampaignInput {
  variantId: string;
  groupSize: number;
  price: number;
  durationMinutes: number;
  perUserLimit?: number | null;
  leaderPrice?: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
  /** Its orders ship free (default: yes, the group price is the whole price). */
  freeShipping?: boolean;
  /** Limited to one community's members, collecting at its pickup point. */
  communityId?: string | null;
}

export type CampaignPatch = Partial<Omit<CampaignInput, 'variantId' | 'groupSize' | 'communityId'>>;

/** Whether a community exists (the communities module answers it): campaigns never join its table. */
export type CommunityExists = (conn: Queryable, communityId: string) => Promise<boolean>;

interface CampaignDeps {
  db: Database;
  clock: Clock;
  catalog: CatalogService;
  events: EventBus;
  communityExists?: CommunityExists;
}

function assertSound(row: q.CampaignRow, regularPrice: number) {
  const problems = campaignProblems({
    groupSize: row.group_size,
    price: row.price,
    leaderPrice: row.leader_price,
    regularPrice,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
  });
  if (problems.length > 0) throw new AppError('invalid_input', 'The campaign is invalid', problems);
}

/** The operator's side: campaigns on a variant, edits that apply to groups opened afterwards. */
export function campaignAdmin({ db, clock, catalog, events, communityExists }: CampaignDeps) {
  async function variantOf(variantId: string) {
    const [variant] = await catalog.sellableVariants(db, [variantId]);
    if (!variant) throw notFound(`Variant ${variantId}`);
    return variant;
  }

  async function present(row: q.CampaignRow): Promise<Campaign> {
    const product = await catalog.getProduct(row.product_id, true);
    return presentCampaign(row, product, clock.now());
  }

  async function createCampaign(input: CampaignInput, by?: AuditContext): Promise<Campaign> {
    const variant = await variantOf(input.variantId);
    const communityId = input.communityId ?? null;
    if (communityId !== null && !(await communityExists?.(db, communityId))) throw notFound('Community');
    const now = clock.now();
    const row: q.CampaignRow = {
      id: newId(),
      variant_id: variant.id,
      product_id: variant.product_id,
      group_size: input.groupSize,
      price: input.price,
      leader_price: input.leaderPrice ?? null,
      duration_minutes: input.durationMinutes,
      per_user_limit: input.perUserLimit ?? null,
      starts_at: instantOrNull(input.startsAt, '/startsAt'),
      ends_at: instantOrNull(input.endsAt, '/endsAt'),
      free_shipping: input.freeShipping ?? true,
      community_id: communityId,
      status: 'active',
      created_at: now,
      updated_at: now,
    };
    assertSound(row, variant.price);
    await db.transaction(async (tx) => {
      await q.insertCampaign(tx, row);
      const target = { type: 'group-buy', id: row.id };
      await record(tx, { by, at: now, action: 'group-buy.create', target, before: null, after: row });
    });
    return present(row);
  }

  async function updateCampaign(id: string, patch: CampaignPatch, by?: AuditContext): Promise<Campaign> {
    const row = await db.transaction(async (tx) => {
      const current = await q.lockCampaign(tx, id);
      if (!current) throw notFound('Group-buy campaign');
      const next: q.CampaignRow = {
        ...current,
        price: patch.price ?? current.price,
        leader_price: patch.leaderPrice === undefined ? current.leader_price : patch.leaderPrice,
        duration_minutes: patch.durationMinutes ?? current.duration_minutes,
        per_user_limit: patch.perUserLimit === undefined ? current.per_user_limit : patch.perUserLimit,
        starts_at:
          patch.startsAt === undefined ? current.starts_at : instantOrNull(patch.startsAt, '/startsAt'),
        ends_at: patch.endsAt === undefined ? current.ends_at : instantOrNull(patch.endsAt, '/endsAt'),
        free_shipping: patch.freeShipping ?? current.free_shipping,
        updated_at: clock.now(),
      };
      const [variant] = await catalog.sellableVariants(tx, [current.variant_id]);
      assertSound(next, variant?.price ?? next.price);
      await q.updateCampaign(tx, next);
      const target = { type: 'group-buy', id };
      await record(tx, {
        by,
        at: next.updated_at,
        action: 'group-buy.update',
        target,
        before: current,
        after: next,
      });
      return next;
    });
    return present(row);
  }

  /** No new groups; groups already open run to their deadline. */
  async function closeCampaign(id: string, by?: AuditContext): Promise<Campaign> {
    const row = await db.transaction(async (tx) => {
      const current = await q.lockCampaign(tx, id);
      if (!current) throw notFound('Group-buy campaign');
      // Closing a closed campaign changes nothing (the operator's second click).
      if (current.status === 'closed') return current;
      campaignMachine.assertTransition(current.status, 'closed');
      const next = { ...current, status: 'closed' as const, updated_at: clock.now() };
      await q.updateCampaign(tx, next);
      const target = { type: 'group-buy', id };
      await record(tx, {
        by,
        at: next.updated_at,
        action: 'group-buy.close',
        target,
        before: current,
        after: next,
      });
      return next;
    });
    return present(row);
  }

  /** Completes a nearly-full group at the platform's cost: it succeeds, marked as such, no fake members. */
  async function completeByPlatform(groupId: string, by?: AuditContext): Promise<void> {
    await db.transaction(async (tx) => {
      const group = await q.lockGroup(tx, groupId);
      if (!group) throw notFound('Group');
      const counts = {
        status: group.status,
        groupSize: group.group_size,
        taken: group.taken,
        paid: group.paid,
      };
      if (group.expires_at.getTime() <= clock.now().getTime() || !platformMayComplete(counts))
        throw refuse(
          'group_not_completable',
          { groupId, groupSize: group.group_size, paidMembers: group.paid },
          'Only an open group with paid members and at most a fifth of its seats missing can be completed',
        );
      groupMachine.assertTransition(group.status, 'succeeded');
      await q.saveGroupCounts(tx, {
        ...group,
        status: 'succeeded',
        completed_by_platform: true,
        decided_at: clock.now(),
      });
      await record(tx, {
        by,
        at: clock.now(),
        action: 'group.complete',
        target: { type: 'group', id: groupId },
        before: { status: group.status, completedByPlatform: false },
        after: { status: 'succeeded', completedByPlatform: true },
      });
      await publishGroupSucceeded(events, tx, group);
    });
  }

  return { createCampaign, updateCampaign, closeCampaign, completeByPlatform, present };
}
