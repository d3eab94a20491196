import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import type { CatalogService } from '../catalog/index.js';
import { presentCampaign, presentGroup, productRef, regularPriceOf } from './present.js';
import * as q from './queries.js';
import { completionCost, type GroupStatus, platformMayComplete } from './rules.js';
import type { AdminCampaign, AdminGroup } from './schemas.js';

type NamesOf = (conn: Queryable, ids: readonly string[]) => Promise<Map<string, string>>;

/** The operator's view of a campaign and its groups, members by full name (as the console shows people). */
export function adminGroups({
  db,
  clock,
  catalog,
  names,
}: {
  db: Database;
  clock: Clock;
  catalog: CatalogService;
  names: NamesOf;
}) {
  async function campaignForAdmin(id: string): Promise<AdminCampaign> {
    const row = await q.findCampaign(db, id);
    if (!row) throw notFound('Group-buy campaign');
    const product = await catalog.getProduct(row.product_id, true).catch(() => undefined);
    const [s] = await q.campaignStats(db, [row.id]);
    return {
      ...presentCampaign(row, product, clock.now()),
      product: productRef(product, row.product_id),
      stats: {
        open: s?.open ?? 0,
        succeeded: s?.succeeded ?? 0,
        failed: s?.failed ?? 0,
        members: s?.members ?? 0,
      },
    };
  }

  /** A campaign's groups, newest first, each with its members, counts and what completing it would cost. */
  async function groupsOfCampaign(
    campaignId: string,
    filter: { status?: GroupStatus; limit: number; cursor?: string },
  ): Promise<Page<AdminGroup>> {
    const campaign = await q.findCampaign(db, campaignId);
    if (!campaign) throw notFound('Group-buy campaign');
    const [beforeId] = decodeCursor(filter.cursor) ?? [];
    const rows = await q.groupsOfCampaign(db, {
      campaignId,
      status: filter.status,
      beforeId: beforeId === undefined ? undefined : String(beforeId),
      limit: filter.limit,
    });
    const visible = rows.slice(0, filter.limit);
    const seats = await q.seatsOfGroups(
      db,
      visible.map((g) => g.id),
    );
    const product = await catalog.getProduct(campaign.product_id, true).catch(() => undefined);
    const nameOf = await names(db, [...visible.map((g) => g.leader_id), ...seats.map((s) => s.user_id)]);
    const regularPrice = regularPriceOf(product, campaign.variant_id);
    const prices = { price: campaign.price, leaderPrice: campaign.leader_price };
    const now = clock.now();
    return toPage(
      rows,
      filter.limit,
      (g) => [g.id],
      (g): AdminGroup => {
        const own = seats.filter((s) => s.group_id === g.id);
        const completable =
          g.expires_at.getTime() > now.getTime() &&
          platformMayComplete({ status: g.status, groupSize: g.group_size, taken: g.taken, paid: g.paid });
        return {
          ...presentGroup(g, campaign, own, product, nameOf, { userId: null, fullNames: true }),
          joinedMembers: g.taken,
          completable,
          seatsMissing: g.status === 'open' ? g.group_size - g.paid : 0,
          completionCost: completable
            ? completionCost(
                own.map((s) => ({
                  role: s.role,
                  quantity: s.quantity,
                  paid: s.status === 'paid',
                  unitPrice: s.unit_price,
                })),
                prices,
                regularPrice,
              )
            : null,
        };
      },
    );
  }

  return { campaignForAdmin, groupsOfCampaign };
}
