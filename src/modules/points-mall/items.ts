import type { Queryable } from '../../platform/db.js';
import { AppError, type FieldError, notFound } from '../../platform/errors.js';
import { decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { type AuditContext, record } from '../audit/index.js';
import type { MallContext } from './context.js';
import * as q from './queries.js';
import { leftForMe, refusalOf, targetErrors } from './rules.js';
import type { AdminItem, CreateItemInput, MallItem, UpdateItemInput } from './schemas.js';

type PageArgs = { limit?: number; cursor?: string };

const presentAdmin = (row: q.ItemRow, redeemed: number): AdminItem => ({
  id: row.id,
  title: row.title,
  description: row.description,
  image: row.image,
  kind: row.kind,
  costPoints: row.cost_points,
  stock: row.stock,
  perPersonLimit: row.per_person_limit,
  couponTemplateId: row.coupon_template_id,
  variantId: row.variant_id,
  active: row.active,
  redeemed,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** What the viewer sees: signed out, only whether any is left; signed in, their count and balance too. */
function presentForViewer(row: q.ItemRow, viewer: { redeemed: number; balance: number } | null): MallItem {
  const facts = {
    stock: row.stock,
    perPersonLimit: row.per_person_limit,
    redeemedByMe: viewer?.redeemed ?? 0,
    balance: viewer?.balance ?? Number.POSITIVE_INFINITY,
    costPoints: row.cost_points,
  };
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    image: row.image,
    kind: row.kind,
    costPoints: row.cost_points,
    stock: row.stock,
    perPersonLimit: row.per_person_limit,
    redeemedByMe: viewer ? viewer.redeemed : null,
    leftForMe: viewer ? leftForMe(row.per_person_limit, viewer.redeemed) : null,
    availability: refusalOf(facts) ?? 'available',
  };
}

/** The item's coupon template or variant must exist (and a variant be on sale): a 400 field error if not. */
async function checkTarget(ctx: MallContext, conn: Queryable, input: CreateItemInput) {
  const errors: FieldError[] = targetErrors(input);
  if (errors.length === 0 && input.kind === 'coupon' && input.couponTemplateId) {
    const template = await ctx.coupons.getTemplate(input.couponTemplateId).catch(() => null);
    if (!template)
      errors.push({ path: '/couponTemplateId', message: 'names no coupon template', rule: 'exists' });
  }
  if (errors.length === 0 && input.kind === 'product' && input.variantId) {
    const [variant] = await ctx.catalog.sellableVariants(conn, [input.variantId]);
    if (!variant) errors.push({ path: '/variantId', message: 'names no variant on sale', rule: 'exists' });
  }
  if (errors.length > 0) throw new AppError('invalid_input', 'The request is invalid', errors);
}

export function itemsOf(ctx: MallContext) {
  const { db, clock } = ctx;

  async function createItem(input: CreateItemInput, by?: AuditContext): Promise<AdminItem> {
    await checkTarget(ctx, db, input);
    const now = clock.now();
    return db.transaction(async (tx) => {
      const row = await q.insertItem(tx, {
        id: newId(),
        title: input.title.trim(),
        description: input.description?.trim() ?? '',
        image: input.image ?? null,
        cost_points: input.costPoints,
        stock: input.stock,
        per_person_limit: input.perPersonLimit ?? null,
        kind: input.kind,
        coupon_template_id: input.kind === 'coupon' ? (input.couponTemplateId ?? null) : null,
        variant_id: input.kind === 'product' ? (input.variantId ?? null) : null,
        active: true,
        created_at: now,
        updated_at: now,
      });
      const target = { type: 'points-mall-item', id: row.id };
      await record(tx, { by, at: now, action: 'points-mall-item.create', target, before: null, after: row });
      return presentAdmin(row, 0);
    });
  }

  async function adminItem(conn: Queryable, row: q.ItemRow | undefined): Promise<AdminItem> {
    if (!row) throw notFound('Points-mall item');
    return presentAdmin(row, (await q.redeemedCounts(conn, [row.id])).get(row.id) ?? 0);
  }

  async function updateItem(id: string, patch: UpdateItemInput, by?: AuditContext): Promise<AdminItem> {
    const columns: Record<string, unknown> = {};
    if (patch.title !== undefined) columns.title = patch.title.trim();
    if (patch.description !== undefined) columns.description = patch.description.trim();
    if (patch.image !== undefined) columns.image = patch.image;
    if (patch.costPoints !== undefined) columns.cost_points = patch.costPoints;
    if (patch.stock !== undefined) columns.stock = patch.stock;
    if (patch.perPersonLimit !== undefined) columns.per_person_limit = patch.perPersonLimit;
    return changeItem(id, columns, 'points-mall-item.update', by);
  }

  /** Writes `columns` of an item and records the change, in one transaction. */
  async function changeItem(id: string, columns: Record<string, unknown>, action: string, by?: AuditContext) {
    return db.transaction(async (tx) => {
      const before = await q.findItem(tx, id);
      if (!before || Object.keys(columns).length === 0) return adminItem(tx, before);
      const at = clock.now();
      const row = await q.updateItem(tx, id, columns, at);
      const target = { type: 'points-mall-item', id };
      await record(tx, { by, at, action, target, before, after: row ?? null });
      return adminItem(tx, row);
    });
  }

  const setActive = async (id: string, active: boolean, by?: AuditContext) =>
    changeItem(id, { active }, active ? 'points-mall-item.enable' : 'points-mall-item.disable', by);

  const getAdminItem = async (id: string) => adminItem(db, await q.findItem(db, id));

  async function listAdminItems(page: PageArgs): Promise<Page<AdminItem>> {
    const limit = page.limit ?? 20;
    const cursor = decodeTimeCursor(page.cursor);
    const rows = await q.listItems(db, {
      limit,
      activeOnly: false,
      before: cursor && { createdAt: cursor.at, id: cursor.id },
    });
    const counts = await q.redeemedCounts(
      db,
      rows.map((r) => r.id),
    );
    return toPage(
      rows,
      limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) => presentAdmin(r, counts.get(r.id) ?? 0),
    );
  }

  async function viewerFacts(viewerId: string | null, rows: readonly q.ItemRow[]) {
    if (viewerId === null) return null;
    const redeemed = await q.redeemedBy(
      db,
      viewerId,
      rows.map((r) => r.id),
    );
    return { redeemed, balance: await ctx.points.balance(db, viewerId) };
  }

  /** The shop: active items, newest first, each with what the viewer (if signed in) may still do. */
  async function listItems(viewerId: string | null, page: PageArgs): Promise<Page<MallItem>> {
    const limit = page.limit ?? 20;
    const cursor = decodeTimeCursor(page.cursor);
    const rows = await q.listItems(db, {
      limit,
      activeOnly: true,
      before: cursor && { createdAt: cursor.at, id: cursor.id },
    });
    const facts = await viewerFacts(viewerId, rows.slice(0, limit));
    return toPage(
      rows,
      limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) =>
        presentForViewer(r, facts && { redeemed: facts.redeemed.get(r.id) ?? 0, balance: facts.balance }),
    );
  }

  /** One active item; an inactive or unknown one is 404 to the shop. */
  async function getItem(viewerId: string | null, id: string): Promise<MallItem> {
    const row = await q.findItem(db, id);
    if (!row?.active) throw notFound('Points-mall item');
    const facts = await viewerFacts(viewerId, [row]);
    return presentForViewer(
      row,
      facts && { redeemed: facts.redeemed.get(row.id) ?? 0, balance: facts.balance },
    );
  }

  return { createItem, updateItem, setActive, getAdminItem, listAdminItems, listItems, getItem };
}
