import type { Queryable, Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { AuditContext } from '../audit/index.js';
import { ORDERS_WINDOW, type TrustContext } from './context.js';
import { holdsNewCommissions, scoreTrust, type TrustFacts } from './rules.js';
import { type TrustSettings, trustSettings, updateTrustSettings } from './settings.js';

/** Gathers the counts behind someone's trust value from the modules that own them. */
async function factsOf(ctx: TrustContext, conn: Queryable, userId: string): Promise<TrustFacts> {
  const brought = await ctx.distribution.broughtOrders(conn, userId, ORDERS_WINDOW);
  const orderIds = brought.map((o) => o.orderId);
  const [afterSales, reviews, complaints, pickups] = [
    await ctx.afterSales.ordersWithRequests(conn, orderIds),
    await ctx.sources.reviewsOfOrders(conn, orderIds),
    await ctx.sources.complaintsAbout(conn, userId),
    await ctx.sources.pickupRecordOf(conn, userId),
  ];
  return {
    orders: brought.length,
    refunded: brought.filter((o) => o.refunded).length,
    afterSales: afterSales.size,
    reviews: reviews && reviews.count > 0 ? reviews : null,
    complaints,
    pickups,
  };
}

async function trustOf(ctx: TrustContext, conn: Queryable, userId: string, settings: TrustSettings) {
  const scored = scoreTrust(await factsOf(ctx, conn, userId));
  return {
    ...scored,
    threshold: settings.threshold,
    held: holdsNewCommissions(scored.score, settings.threshold),
  };
}

export function createTrustService(ctx: TrustContext) {
  async function detail(userId: string) {
    const contacts = await ctx.accounts.contactsOf(ctx.db, [userId]);
    const person = contacts.get(userId);
    if (!person) throw notFound('User');
    const trust = await trustOf(ctx, ctx.db, userId, await trustSettings(ctx.db));
    return { user: { id: userId, name: person.name, email: person.email }, ...trust };
  }

  /**
   * The operator's list: shopkeepers, leaders and the busiest promoters, lowest trust first. The
   * population is bounded (each score is computed on the fly), so pages are slices of it.
   */
  async function list(page: { limit: number; offset: number }) {
    const [shopkeepers, leaders, busiest] = [
      await ctx.accounts.roleHolders(ctx.db, 'shopkeeper'),
      await ctx.accounts.roleHolders(ctx.db, 'leader'),
      await ctx.distribution.busiestPromoters(ctx.db, 200),
    ];
    const roles = new Map<string, Set<string>>();
    const mark = (id: string, role: string) => roles.set(id, (roles.get(id) ?? new Set()).add(role));
    for (const s of shopkeepers) mark(s.id, 'shopkeeper');
    for (const l of leaders) mark(l.id, 'leader');
    for (const id of busiest) mark(id, 'promoter');
    const ids = [...roles.keys()].slice(0, 1000);
    const settings = await trustSettings(ctx.db);
    const contacts = await ctx.accounts.contactsOf(ctx.db, ids);
    const rows = [];
    for (const id of ids) {
      const t = await trustOf(ctx, ctx.db, id, settings);
      rows.push({
        user: { id, name: contacts.get(id)?.name ?? '', email: contacts.get(id)?.email ?? '' },
        roles: [...(roles.get(id) ?? [])].filter((r) => r !== 'promoter').sort(),
        score: t.score,
        held: t.held,
        orders: t.parts.find((p) => p.key === 'refunds')?.outOf ?? 0,
      });
    }
    rows.sort((a, b) => a.score - b.score || (a.user.id < b.user.id ? -1 : 1));
    const items = rows.slice(page.offset, page.offset + page.limit);
    const more = page.offset + page.limit < rows.length;
    return {
      items,
      nextCursor: more ? String(page.offset + page.limit) : null,
      threshold: settings.threshold,
    };
  }

  return {
    detail,
    list,
    /** The signed-in person's own trust value: the same parts, without the operator's contact data. */
    mine: async (userId: string) => {
      const { user, ...trust } = await detail(userId);
      return { ...trust, user: { id: user.id, name: user.name } };
    },
    /** Distribution's port, inside the payment's transaction: hold this promoter's new commissions? */
    lowTrust: async (tx: Tx, promoterId: string) => {
      const settings = await trustSettings(tx);
      // Threshold 0 holds nobody: no need to work anyone's value out.
      return settings.threshold > 0 && (await trustOf(ctx, tx, promoterId, settings)).held;
    },
    settings: () => trustSettings(ctx.db),
    updateSettings: (patch: Partial<TrustSettings>, by?: AuditContext) => updateTrustSettings(ctx, patch, by),
  };
}

export type TrustService = ReturnType<typeof createTrustService>;
