import { randomInt } from 'node:crypto';
import { addMs, type Clock, minutes, storableInstant } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { AppError, invalidInput, notFound } from '../../platform/errors.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { Policy } from '../../platform/policy.js';
import { maskName } from '../../platform/privacy.js';
import { type AuditContext, record } from '../audit/index.js';
import type { CatalogService, Product } from '../catalog/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { bargainStatus, campaignProblems, cutSchedule, helperSignals } from './rules.js';
import type { AdminCampaign, Bargain, Campaign, CampaignInput, FlaggedHelp } from './schemas.js';

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

export interface BargainDeps {
  db: Database;
  clock: Clock;
  catalog: CatalogService;
  policy: Policy;
  names: (conn: Queryable, ids: readonly string[]) => Promise<Map<string, string>>;
  /** What tells an account made only to help: when it was opened, and whether it ever paid an order. */
  helpers: {
    createdAt(conn: Queryable, userId: string): Promise<Date>;
    hasPaidOrder(conn: Queryable, userId: string): Promise<boolean>;
  };
}

/**
 * Bargains: the operator's campaigns, a person's bargains and their friends' helps. A bargain's
 * cut schedule is drawn from a seed when it starts (rules.ts), so each help only takes the next cut.
 */
export function createBargainService(deps: BargainDeps) {
  const { db, clock, catalog, policy } = deps;

  async function productsOf(rows: readonly { product_id: string }[]) {
    const ids = [...new Set(rows.map((r) => r.product_id))];
    return new Map((await catalog.getProducts(ids)).map((p) => [p.id, p]));
  }

  const productRef = (product: Product | undefined, productId: string) => ({
    id: productId,
    title: product?.title ?? '',
    image: product?.images[0] ?? null,
  });

  function presentCampaign(row: q.CampaignRow, product: Product | undefined): Campaign {
    return {
      id: row.id,
      variantId: row.variant_id,
      productId: row.product_id,
      product: productRef(product, row.product_id),
      regularPrice: product?.variants.find((v) => v.id === row.variant_id)?.price ?? null,
      floorPrice: row.floor_price,
      helpersNeeded: row.helpers_needed,
      durationMinutes: row.duration_minutes,
      minCut: row.min_cut,
      maxCut: row.max_cut,
      status: row.status,
      createdAt: row.created_at.toISOString(),
    };
  }

  async function createCampaign(input: CampaignInput, by?: AuditContext): Promise<Campaign> {
    policy.assertAllowed('bargains');
    const [variant] = await catalog.sellableVariants(db, [input.variantId]);
    if (!variant) throw notFound(`Variant ${input.variantId}`);
    const problems = campaignProblems({ ...input, regularPrice: variant.price });
    if (problems.length > 0) throw new AppError('invalid_input', 'The bargain campaign is invalid', problems);
    const now = clock.now();
    const row: q.CampaignRow = {
      id: newId(),
      variant_id: variant.id,
      product_id: variant.product_id,
      floor_price: input.floorPrice,
      helpers_needed: input.helpersNeeded,
      duration_minutes: input.durationMinutes,
      min_cut: input.minCut ?? null,
      max_cut: input.maxCut ?? null,
      status: 'active',
      created_at: now,
      updated_at: now,
    };
    await db.transaction(async (tx) => {
      await q.insertCampaign(tx, row);
      const target = { type: 'bargain_campaign', id: row.id };
      await record(tx, { by, at: now, action: 'bargain-campaign.create', target, before: null, after: row });
    });
    return presentCampaign(row, (await productsOf([row])).get(row.product_id));
  }

  async function closeCampaign(id: string, by?: AuditContext): Promise<Campaign> {
    const row = await db.transaction(async (tx) => {
      const before = await q.findCampaign(tx, id);
      if (!before) throw notFound('Bargain campaign');
      const after = (await q.closeCampaign(tx, id, clock.now())) as q.CampaignRow;
      const target = { type: 'bargain_campaign', id };
      await record(tx, { by, at: clock.now(), action: 'bargain-campaign.close', target, before, after });
      return after;
    });
    return presentCampaign(row, (await productsOf([row])).get(row.product_id));
  }

  /** Active campaigns for the storefront, newest first; empty where the policy forbids bargains. */
  async function listCampaigns(filter: { limit: number; cursor?: string }): Promise<Page<Campaign>> {
    if (!policy.allows('bargains')) return { items: [], nextCursor: null };
    const rows = await q.campaigns(db, {
      beforeId: idCursor(filter.cursor),
      limit: filter.limit,
      activeOnly: true,
    });
    const products = await productsOf(rows);
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r) => presentCampaign(r, products.get(r.product_id)),
    );
  }

  async function listForAdmin(filter: { limit: number; cursor?: string }): Promise<Page<AdminCampaign>> {
    const rows = await q.campaigns(db, {
      beforeId: idCursor(filter.cursor),
      limit: filter.limit,
      activeOnly: false,
    });
    const products = await productsOf(rows);
    const figures = new Map(
      (
        await q.figuresOf(
          db,
          rows.map((r) => r.id),
        )
      ).map((f) => [f.campaign_id, f]),
    );
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r) => {
        const f = figures.get(r.id);
        return {
          ...presentCampaign(r, products.get(r.product_id)),
          figures: {
            started: f?.started ?? 0,
            succeeded: f?.succeeded ?? 0,
            ordered: f?.ordered ?? 0,
            flaggedHelps: f?.flagged_helps ?? 0,
          },
        };
      },
    );
  }

  async function presentAll(rows: readonly q.BargainRow[], viewerId: string | null): Promise<Bargain[]> {
    const helps = await q.helpsOf(
      db,
      rows.map((r) => r.id),
    );
    const names = await deps.names(db, [
      ...new Set([...rows.map((r) => r.user_id), ...helps.map((h) => h.helper_id)]),
    ]);
    const products = await productsOf(rows);
    const now = clock.now();
    return rows.map((row) => {
      const own = helps.filter((h) => h.bargain_id === row.id);
      const mine = viewerId === row.user_id;
      return {
        id: row.id,
        campaignId: row.campaign_id,
        variantId: row.variant_id,
        product: productRef(products.get(row.product_id), row.product_id),
        starter: { name: maskName(names.get(row.user_id) ?? '') },
        startPrice: row.start_price,
        price: row.price,
        floorPrice: row.floor_price,
        helpersNeeded: row.helpers_needed,
        helps: own.map((h) => ({
          user: { name: maskName(names.get(h.helper_id) ?? ''), you: h.helper_id === viewerId },
          cut: h.cut,
          at: h.created_at.toISOString(),
        })),
        expiresAt: row.expires_at.toISOString(),
        status: bargainStatus(facts(row), now),
        schedule: { seed: row.seed, cuts: row.cuts },
        mine,
        helpedByYou: own.some((h) => h.helper_id === viewerId),
        orderId: mine ? row.order_id : null,
      };
    });
  }

  /** Starts the person's bargain on a campaign: the price starts at the variant's price now. */
  async function start(
    userId: string,
    campaignId: string,
    context: { deviceId?: string } = {},
  ): Promise<Bargain> {
    policy.assertAllowed('bargains');
    const row = await db.transaction(async (tx) => {
      const campaign = await q.findCampaign(tx, campaignId);
      if (!campaign) throw notFound('Bargain campaign');
      const closed = () =>
        refuse('bargain_campaign_closed', { campaignId }, 'This bargain campaign takes no new bargains');
      if (campaign.status !== 'active') throw closed();
      const [variant] = await catalog.sellableVariants(tx, [campaign.variant_id]);
      if (!variant || variant.price - campaign.floor_price < campaign.helpers_needed) throw closed();
      await q.lockStarter(tx, campaignId, userId);
      const now = clock.now();
      const latest = await q.latestOf(tx, campaignId, userId);
      if (latest && bargainStatus(facts(latest), now) === 'open' && latest.order_id === null)
        throw refuse('bargain_already_open', { bargainId: latest.id }, 'You already have this bargain open');
      const seed = randomInt(-2_147_483_648, 2_147_483_647);
      const terms = {
        seed,
        startPrice: variant.price,
        floorPrice: campaign.floor_price,
        helpers: campaign.helpers_needed,
        minCut: campaign.min_cut,
        maxCut: campaign.max_cut,
      };
      const bargain: q.BargainRow = {
        id: newId(),
        campaign_id: campaignId,
        user_id: userId,
        variant_id: variant.id,
        product_id: variant.product_id,
        start_price: variant.price,
        floor_price: campaign.floor_price,
        helpers_needed: campaign.helpers_needed,
        seed,
        cuts: cutSchedule(terms),
        helps: 0,
        price: variant.price,
        device_id: context.deviceId ?? null,
        order_id: null,
        expires_at: addMs(now, minutes(campaign.duration_minutes)),
        created_at: now,
        updated_at: now,
      };
      await q.insertBargain(tx, bargain);
      return bargain;
    });
    return (await presentAll([row], userId))[0] as Bargain;
  }

  async function get(id: string, viewerId: string | null): Promise<Bargain> {
    const row = await q.findBargain(db, id);
    if (!row) throw notFound('Bargain');
    return (await presentAll([row], viewerId))[0] as Bargain;
  }

  async function mine(userId: string, filter: { limit: number; cursor?: string }): Promise<Page<Bargain>> {
    const rows = await q.bargainsOf(db, userId, idCursor(filter.cursor), filter.limit);
    const presented = new Map((await presentAll(rows.slice(0, filter.limit), userId)).map((b) => [b.id, b]));
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r) => presented.get(r.id) as Bargain,
    );
  }

  /**
   * A friend's help: refusals (own bargain, helped already, finished) from plain reads first; then
   * the next cut is taken by one conditional UPDATE of the bargain, and the help recorded with its
   * signals. Helping twice at once fails on the help's primary key and rolls the cut back.
   */
  async function help(
    bargainId: string,
    helperId: string,
    context: { deviceId?: string } = {},
  ): Promise<{ cut: number; price: number; status: Bargain['status'] }> {
    policy.assertAllowed('bargains');
    const bargain = await q.findBargain(db, bargainId);
    if (!bargain) throw notFound('Bargain');
    if (bargain.user_id === helperId)
      throw refuse('bargain_own', undefined, 'You cannot help your own bargain');
    const helpedAlready = () =>
      refuse('bargain_already_helped', { bargainId }, 'You have helped this bargain already');
    if (await q.hasHelped(db, bargainId, helperId)) throw helpedAlready();
    const deviceId = context.deviceId ?? null;
    const signals = helperSignals({
      accountAgeMs: clock.now().getTime() - (await deps.helpers.createdAt(db, helperId)).getTime(),
      hasPaidOrder: await deps.helpers.hasPaidOrder(db, helperId),
      deviceId,
      starterDeviceId: bargain.device_id,
      otherHelperDevices: await q.helperDevices(db, bargainId),
    });
    try {
      return await db.transaction(async (tx) => {
        const now = clock.now();
        const taken = await q.takeNextCut(tx, bargainId, now);
        if (!taken) throw finished((await q.findBargain(tx, bargainId)) ?? bargain, now);
        await q.insertHelp(tx, {
          bargain_id: bargainId,
          helper_id: helperId,
          seq: taken.helps,
          cut: taken.cut,
          device_id: deviceId,
          signals: signals.signals,
          flagged: signals.flagged,
          created_at: now,
        });
        const status = bargainStatus({ ...facts(bargain), helps: taken.helps }, now);
        return { cut: taken.cut, price: taken.price, status };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw helpedAlready();
      throw error;
    }
  }

  async function flagged(filter: { limit: number; cursor?: string }): Promise<Page<FlaggedHelp>> {
    const rows = await q.flaggedHelps(db, helpCursor(filter.cursor), filter.limit);
    const names = await deps.names(db, [...new Set(rows.flatMap((r) => [r.starter_id, r.helper_id]))]);
    return toPage(
      rows,
      filter.limit,
      (r) => [r.created_at.toISOString(), r.bargain_id, r.helper_id],
      (r) => ({
        bargainId: r.bargain_id,
        campaignId: r.campaign_id,
        starter: { id: r.starter_id, name: names.get(r.starter_id) ?? '' },
        helper: { id: r.helper_id, name: names.get(r.helper_id) ?? '' },
        cut: r.cut,
        signals: r.signals as FlaggedHelp['signals'],
        at: r.created_at.toISOString(),
      }),
    );
  }

  /** On `order.cancelled` (also when an unpaid order expires), in its transaction: the bargain is free again. */
  async function onCancelled(tx: Tx, payload: { orderId: string }) {
    await q.releaseOrder(tx, payload.orderId, clock.now());
  }

  return {
    createCampaign,
    closeCampaign,
    listCampaigns,
    listForAdmin,
    start,
    get,
    mine,
    help,
    flagged,
    reactions: { onCancelled },
  };
}

const facts = (row: q.BargainRow) => ({
  helps: row.helps,
  helpersNeeded: row.helpers_needed,
  expiresAt: row.expires_at,
});

/** Why a help found the bargain closed to it. */
function finished(row: q.BargainRow, now: Date): AppError {
  const status = row.order_id !== null ? 'ordered' : bargainStatus(facts(row), now);
  return refuse(
    'bargain_finished',
    { bargainId: row.id, status },
    `This bargain takes no more help (${status})`,
  );
}

function idCursor(cursor: string | undefined): string | null {
  const [id] = decodeCursor(cursor) ?? [];
  return id === undefined ? null : String(id);
}

function helpCursor(cursor: string | undefined): [string, string, string] | null {
  const key = decodeCursor(cursor);
  if (key === undefined) return null;
  const [at, bargainId, helperId] = key;
  const instant = typeof at === 'string' ? storableInstant(at) : undefined;
  if (
    !instant ||
    Number.isNaN(instant.getTime()) ||
    typeof bargainId !== 'string' ||
    typeof helperId !== 'string'
  )
    throw invalidInput('/query/cursor', 'is not a cursor this server issued', 'cursor');
  return [instant.toISOString(), bargainId, helperId];
}

export type BargainService = ReturnType<typeof createBargainService>;
