import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { CatalogService, Product } from '../catalog/index.js';
import type { OrdersService } from '../orders/index.js';
import { adminGroups } from './admin-groups.js';
import { type CommunityExists, campaignAdmin } from './campaigns.js';
import { failExpiredGroups, settleFailedMember } from './expiry.js';
import {
  ANONYMOUS,
  presentCampaign,
  presentGroup,
  presentGroupSummary,
  productRef,
  type Viewer,
} from './present.js';
import { createGroupBuyPricing } from './pricing.js';
import * as q from './queries.js';
import { orderGroupStatus } from './rules.js';
import type { AdminCampaign, Group, MyGroupBuy, PublicCampaign } from './schemas.js';

export type { AdminCampaign, MyGroupBuy, PublicCampaign } from './schemas.js';

import { SETTLE_MEMBER_JOB, seatReactions } from './seats.js';

export const FAIL_EXPIRED_JOB = 'groupbuy.fail-expired-groups';
const FAIL_EXPIRED_EVERY_MS = 60_000;
const OPEN_GROUPS_SHOWN = 10;

/** Display names by user id (accounts' `namesOf`): members are shown by name, never joined to `users`. */
export type NamesOf = (conn: Queryable, ids: readonly string[]) => Promise<Map<string, string>>;

export interface GroupBuyDeps {
  db: Database;
  names: NamesOf;
  clock: Clock;
  catalog: CatalogService;
  orders: OrdersService;
  events: EventBus;
  jobs: JobRunner;
  communityExists?: CommunityExists;
}

/**
 * Group buying: campaigns, groups and seats. Seats follow their orders through the order events
 * (inside the order's transaction); a recurring job fails groups whose time ran out and settles
 * each member through the orders lifecycle, one job per member.
 */
export function createGroupBuyService(deps: GroupBuyDeps) {
  const { db, clock, catalog, orders, events, jobs, names } = deps;
  const pricing = createGroupBuyPricing({ db, clock });
  // Wired to the order events in src/reactions.ts, inside the order's transaction.
  const reactions = seatReactions({ clock, jobs, events });
  jobs.every(FAIL_EXPIRED_JOB, FAIL_EXPIRED_EVERY_MS, async (_payload, job) => {
    await failExpiredGroups(job.db, jobs, events, job.now);
  });
  jobs.register(SETTLE_MEMBER_JOB, (payload) => settleFailedMember(db, orders, String(payload.orderId)));

  const admin = campaignAdmin({ db, clock, catalog, events, communityExists: deps.communityExists });
  const groupsAdmin = adminGroups({ db, clock, catalog, names });

  async function productsOf(ids: readonly string[]): Promise<Map<string, Product>> {
    return new Map((await catalog.getProducts([...new Set(ids)])).map((p) => [p.id, p]));
  }

  async function getGroup(groupId: string, viewer: Viewer = ANONYMOUS): Promise<Group> {
    const group = await q.findGroup(db, groupId);
    if (!group) throw notFound('Group');
    return loadGroup(group, viewer);
  }

  async function loadGroup(group: q.GroupRow, viewer: Viewer): Promise<Group> {
    const campaign = (await q.findCampaign(db, group.campaign_id)) as q.CampaignRow;
    const seats = await q.seatsOfGroup(db, group.id);
    const product = await catalog.getProduct(campaign.product_id, true).catch(() => undefined);
    const nameOf = await names(db, [group.leader_id, ...seats.map((s) => s.user_id)]);
    return presentGroup(group, campaign, seats, product, nameOf, viewer);
  }

  /**
   * Running campaigns (of one product, or all), each with the open groups others can join: those
   * open to everyone, or with `communityId` that community's own.
   */
  async function listRunning(
    filter: { productId?: string; communityId?: string; limit: number; cursor?: string },
    viewer: Viewer = ANONYMOUS,
  ) {
    const [beforeId] = decodeCursor(filter.cursor) ?? [];
    const rows = await q.listCampaigns(db, {
      productId: filter.productId,
      communityId: filter.communityId ?? null,
      activeOnly: true,
      beforeId: beforeId === undefined ? undefined : String(beforeId),
      limit: filter.limit,
    });
    const now = clock.now();
    const visible = rows.slice(0, filter.limit);
    const products = await productsOf(visible.map((r) => r.product_id));
    const groups = await q.joinableGroups(
      db,
      visible.map((r) => r.id),
      now,
      OPEN_GROUPS_SHOWN,
    );
    const leaders = await names(
      db,
      groups.map((g) => g.leader_id),
    );
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r): PublicCampaign => ({
        ...presentCampaign(r, products.get(r.product_id), now),
        product: productRef(products.get(r.product_id), r.product_id),
        openGroups: groups
          .filter((g) => g.campaign_id === r.id)
          .map((g) => presentGroupSummary(g, leaders, viewer)),
      }),
    );
  }

  async function getCampaign(id: string, viewer: Viewer = ANONYMOUS): Promise<PublicCampaign> {
    const row = await q.findCampaign(db, id);
    if (!row) throw notFound('Group-buy campaign');
    const now = clock.now();
    const product = await catalog.getProduct(row.product_id, true).catch(() => undefined);
    const groups = await q.joinableGroups(db, [row.id], now, OPEN_GROUPS_SHOWN);
    const leaders = await names(
      db,
      groups.map((g) => g.leader_id),
    );
    return {
      ...presentCampaign(row, product, now),
      product: productRef(product, row.product_id),
      openGroups: groups.map((g) => presentGroupSummary(g, leaders, viewer)),
    };
  }

  async function listForAdmin(filter: { limit: number; cursor?: string }): Promise<Page<AdminCampaign>> {
    const [beforeId] = decodeCursor(filter.cursor) ?? [];
    const rows = await q.listCampaigns(db, {
      beforeId: beforeId === undefined ? undefined : String(beforeId),
      limit: filter.limit,
    });
    const visible = rows.slice(0, filter.limit);
    const stats = new Map(
      (
        await q.campaignStats(
          db,
          visible.map((r) => r.id),
        )
      ).map((s) => [s.campaign_id, s]),
    );
    const products = await productsOf(visible.map((r) => r.product_id));
    const now = clock.now();
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r) => {
        const s = stats.get(r.id);
        return {
          ...presentCampaign(r, products.get(r.product_id), now),
          product: productRef(products.get(r.product_id), r.product_id),
          stats: {
            open: s?.open ?? 0,
            succeeded: s?.succeeded ?? 0,
            failed: s?.failed ?? 0,
            members: s?.members ?? 0,
          },
        };
      },
    );
  }

  /** The signed-in person's seats, newest first, each with its group as the group page shows it. */
  async function listMine(
    userId: string,
    filter: { limit: number; cursor?: string },
  ): Promise<Page<MyGroupBuy>> {
    const [beforeId] = decodeCursor(filter.cursor) ?? [];
    const seats = await q.seatsOfUser(
      db,
      userId,
      beforeId === undefined ? undefined : String(beforeId),
      filter.limit,
    );
    const groups = new Map<string, Group>();
    for (const seat of seats.slice(0, filter.limit)) {
      if (!groups.has(seat.group_id)) {
        groups.set(seat.group_id, await getGroup(seat.group_id, { userId, fullNames: false }));
      }
    }
    return toPage(
      seats,
      filter.limit,
      (s) => [s.order_id],
      (s) => {
        const group = groups.get(s.group_id) as Group;
        return { orderId: s.order_id, role: s.role, status: orderGroupStatus(group.status, s.status), group };
      },
    );
  }

  return {
    ...admin,
    ...groupsAdmin,
    getGroup,
    getCampaign,
    ...pricing,
    listRunning,
    listForAdmin,
    listMine,
    /** The expiry pass, as the recurring job runs it (tests run it twice at once). */
    failExpiredGroups: () => failExpiredGroups(db, jobs, events, clock.now()),
    reactions,
  };
}

export type GroupBuyService = ReturnType<typeof createGroupBuyService>;
