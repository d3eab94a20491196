import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { CatalogService, Product } from '../catalog/index.js';
import type { OrdersService } from '../orders/index.js';
import { campaignAdmin } from './campaigns.js';
import { failExpiredGroups, settleFailedMember } from './expiry.js';
import {
  ANONYMOUS,
  type Campaign,
  type Group,
  type GroupSummary,
  type ProductRef,
  presentCampaign,
  presentGroup,
  presentGroupSummary,
  productRef,
  type Viewer,
} from './present.js';
import * as q from './queries.js';
import { campaignRunning, orderGroupStatus, unitPriceFor } from './rules.js';
import { SETTLE_MEMBER_JOB, seatReactions } from './seats.js';

export const FAIL_EXPIRED_JOB = 'groupbuy.fail-expired-groups';
const FAIL_EXPIRED_EVERY_MS = 60_000;
const OPEN_GROUPS_SHOWN = 10;

export type PublicCampaign = Campaign & { product: ProductRef; openGroups: GroupSummary[] };
export type AdminCampaign = Campaign & {
  product: ProductRef;
  stats: { open: number; succeeded: number; failed: number; members: number };
};
export interface MyGroupBuy {
  orderId: string;
  role: 'leader' | 'member';
  status: ReturnType<typeof orderGroupStatus>;
  group: Group;
}

export interface GroupBuyDeps {
  db: Database;
  clock: Clock;
  catalog: CatalogService;
  orders: OrdersService;
  events: EventBus;
  jobs: JobRunner;
}

/**
 * Group buying: campaigns, groups and seats. Seats follow their orders through the order events
 * (inside the order's transaction); a recurring job fails groups whose time ran out and settles
 * each member through the orders lifecycle, one job per member.
 */
export function createGroupBuyService(deps: GroupBuyDeps) {
  const { db, clock, catalog, orders, events, jobs } = deps;
  // Wired to the order events in src/reactions.ts, inside the order's transaction.
  const reactions = seatReactions({ clock, jobs, events });
  jobs.every(FAIL_EXPIRED_JOB, FAIL_EXPIRED_EVERY_MS, async (_payload, job) => {
    await failExpiredGroups(job.db, jobs, events, job.now);
  });
  jobs.register(SETTLE_MEMBER_JOB, (payload) => settleFailedMember(db, orders, String(payload.orderId)));

  const admin = campaignAdmin({ db, clock, catalog, events });

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
    const leaderName = seats.find((s) => s.user_id === group.leader_id)?.user_name ?? '';
    return presentGroup(group, campaign, seats, product, leaderName, viewer);
  }

  /**
   * The unit price a group order pays for the campaign's variant, as checkout will charge it: the
   * leader price when opening a group, the group price when joining one (see `unitPriceFor`).
   */
  async function quoteUnitPrice(campaignId: string, groupId?: string) {
    const campaign = await q.findCampaign(db, campaignId);
    if (!campaign) throw notFound('Group-buy campaign');
    const prices = { price: campaign.price, leaderPrice: campaign.leader_price };
    return { variantId: campaign.variant_id, unitPrice: unitPriceFor(prices, groupId ? 'member' : 'leader') };
  }

  /** The group price of each campaign of these products that is running now. */
  async function runningPrices(productIds: readonly string[]) {
    const now = clock.now();
    const rows = await q.activeCampaignsOf(db, productIds);
    return rows
      .filter((r) => campaignRunning({ status: r.status, startsAt: r.starts_at, endsAt: r.ends_at }, now))
      .map((r) => ({ campaignId: r.id, productId: r.product_id, variantId: r.variant_id, price: r.price }));
  }

  /** Running campaigns (of one product, or all), each with the open groups others can join. */
  async function listRunning(
    filter: { productId?: string; limit: number; cursor?: string },
    viewer: Viewer = ANONYMOUS,
  ) {
    const [beforeId] = decodeCursor(filter.cursor) ?? [];
    const rows = await q.listCampaigns(db, {
      productId: filter.productId,
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
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r): PublicCampaign => ({
        ...presentCampaign(r, products.get(r.product_id), now),
        product: productRef(products.get(r.product_id), r.product_id),
        openGroups: groups.filter((g) => g.campaign_id === r.id).map((g) => presentGroupSummary(g, viewer)),
      }),
    );
  }

  async function getCampaign(id: string, viewer: Viewer = ANONYMOUS): Promise<PublicCampaign> {
    const row = await q.findCampaign(db, id);
    if (!row) throw notFound('Group-buy campaign');
    const now = clock.now();
    const product = await catalog.getProduct(row.product_id, true).catch(() => undefined);
    const groups = await q.joinableGroups(db, [row.id], now, OPEN_GROUPS_SHOWN);
    return {
      ...presentCampaign(row, product, now),
      product: productRef(product, row.product_id),
      openGroups: groups.map((g) => presentGroupSummary(g, viewer)),
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
    getGroup,
    getCampaign,
    quoteUnitPrice,
    runningPrices,
    listRunning,
    listForAdmin,
    listMine,
    /** The expiry pass, as the recurring job runs it (tests run it twice at once). */
    failExpiredGroups: () => failExpiredGroups(db, jobs, events, clock.now()),
    reactions,
  };
}

export type GroupBuyService = ReturnType<typeof createGroupBuyService>;
