import { initialOf, maskName } from '../../platform/privacy.js';
import type { Product } from '../catalog/index.js';
import type * as q from './queries.js';
import { campaignRunning } from './rules.js';
import type { Campaign, Group, GroupSummary, PersonRef, ProductRef } from './schemas.js';

/** Who is looking: `you` flags are theirs; only the operator's own endpoints show full names. */
export interface Viewer {
  userId: string | null;
  fullNames: boolean;
}

export const ANONYMOUS: Viewer = { userId: null, fullNames: false };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const personRef = (id: string, name: string, viewer: Viewer): PersonRef => ({
  name: viewer.fullNames ? name : maskName(name),
  initial: initialOf(name),
  you: viewer.userId === id,
});

export const productRef = (product: Product | undefined, productId: string): ProductRef => ({
  id: productId,
  title: product?.title ?? '',
  image: product?.images[0] ?? null,
});

export const regularPriceOf = (product: Product | undefined, variantId: string) =>
  product?.variants.find((v) => v.id === variantId)?.price ?? null;

export function presentCampaign(row: q.CampaignRow, product: Product | undefined, now: Date): Campaign {
  return {
    id: row.id,
    variantId: row.variant_id,
    productId: row.product_id,
    groupSize: row.group_size,
    price: row.price,
    leaderPrice: row.leader_price,
    regularPrice: regularPriceOf(product, row.variant_id),
    durationMinutes: row.duration_minutes,
    perUserLimit: row.per_user_limit,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    freeShipping: row.free_shipping,
    communityId: row.community_id,
    status: row.status,
    running: campaignRunning({ status: row.status, startsAt: row.starts_at, endsAt: row.ends_at }, now),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const presentGroupSummary = (
  g: q.GroupRow,
  names: ReadonlyMap<string, string>,
  viewer: Viewer,
): GroupSummary => ({
  id: g.id,
  leader: personRef(g.leader_id, names.get(g.leader_id) ?? '', viewer),
  groupSize: g.group_size,
  paidMembers: g.paid,
  seatsLeft: g.group_size - g.taken,
  expiresAt: g.expires_at.toISOString(),
});

export function presentGroup(
  g: q.GroupRow,
  campaign: q.CampaignRow,
  seats: readonly q.SeatRow[],
  product: Product | undefined,
  names: ReadonlyMap<string, string>,
  viewer: Viewer,
): Group {
  // Paid members; in a failed group, also those whose money went back because it failed.
  const members = seats.filter(
    (s) => s.status === 'paid' || (s.status === 'refunded' && g.status === 'failed'),
  );
  return {
    id: g.id,
    campaignId: g.campaign_id,
    status: g.status,
    groupSize: g.group_size,
    members: members.map((s) => ({
      ...personRef(s.user_id, names.get(s.user_id) ?? '', viewer),
      joinedAt: (s.paid_at ?? s.joined_at).toISOString(),
      leader: s.user_id === g.leader_id,
    })),
    paidMembers: g.paid,
    seatsLeft: g.status === 'open' ? g.group_size - g.taken : 0,
    expiresAt: g.expires_at.toISOString(),
    price: campaign.price,
    leaderPrice: campaign.leader_price,
    regularPrice: regularPriceOf(product, campaign.variant_id),
    product: productRef(product, campaign.product_id),
    variantId: campaign.variant_id,
    communityId: campaign.community_id,
    leader: personRef(g.leader_id, names.get(g.leader_id) ?? '', viewer),
    completedByPlatform: g.completed_by_platform,
    createdAt: g.created_at.toISOString(),
    decidedAt: iso(g.decided_at),
  };
}
