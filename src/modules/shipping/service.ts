import type { Static } from 'typebox';
import type { Queryable, Tx } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { type AuditContext, record } from '../audit/index.js';
import type { ShippingCheckout } from '../orders/index.js';
import type { ShippingContext } from './context.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  type FreeShippingReason,
  quoteShipping,
  type ShippableLine,
  type ShippingTemplate,
} from './rules.js';
import type {
  ProductShippingBody,
  ProductShippingSchema,
  QuoteSchema,
  TemplateBody,
  TemplateSchema,
} from './schemas.js';

export type Template = Static<typeof TemplateSchema>;
export type TemplateInput = Static<typeof TemplateBody>;
export type ProductShipping = Static<typeof ProductShippingSchema>;
export type Quote = Static<typeof QuoteSchema>;

const asRules = (row: q.TemplateRow): ShippingTemplate => ({
  id: row.id,
  basis: row.basis,
  freeOverAmount: row.free_over_amount,
  defaultRule: row.default_rule,
  regionRules: row.region_rules,
});

const present = (row: q.TemplateRow & { products?: number }, products: number): Template => ({
  id: row.id,
  name: row.name,
  basis: row.basis,
  freeOverAmount: row.free_over_amount,
  defaultRule: row.default_rule,
  regionRules: row.region_rules,
  isDefault: row.is_default,
  productCount: products,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/**
 * Shipping: the operator's templates, the template each product ships under, and the fee of a
 * cart — the same function for the checkout page's quote and for checkout itself, so the fee
 * shown is the fee charged.
 */
export function createShippingService(ctx: ShippingContext) {
  const { db, clock } = ctx;

  /** The fee of these lines to `province`, with the member's and the promotion's waivers applied. */
  async function feeOf(
    conn: Queryable,
    input: {
      userId: string | null;
      province: string | null;
      lines: readonly ShippableLine[];
      freeShipping: Exclude<FreeShippingReason, 'member'> | null;
    },
  ) {
    const templates = await q.templatesOfProducts(conn, [...new Set(input.lines.map((l) => l.productId))]);
    const rows = new Map([...templates.values()].flatMap((t) => (t ? [[t.id, asRules(t)] as const] : [])));
    // Checkout's hot path: weights are read only for a template by weight, the member's level only
    // when there is a fee to waive; a shop without templates pays one query.
    const byWeight = [...rows.values()].some((t) => t.basis === 'weight');
    const weights = byWeight
      ? await q.weightsOfVariants(
          conn,
          input.lines.map((l) => l.variantId),
        )
      : new Map<string, number>();
    const shipping = {
      lines: input.lines,
      province: input.province,
      templateOf: (productId: string) => {
        const row = templates.get(productId);
        return row ? (rows.get(row.id) ?? null) : null;
      },
      gramsOf: (variantId: string) => weights.get(variantId) ?? 0,
    };
    const charged = quoteShipping({ ...shipping, waiver: input.freeShipping });
    if (charged.fee === 0 || input.userId === null) return charged;
    const member = await ctx.memberFreeShipping?.(conn, input.userId);
    return member ? quoteShipping({ ...shipping, waiver: 'member' }) : charged;
  }

  /** The orders module's port: checkout asks inside its transaction. */
  const checkout: ShippingCheckout = {
    async quote(tx: Tx, input) {
      return { fee: (await feeOf(tx, input)).fee };
    },
  };

  /** The checkout page's quote: the cart at the prices checkout will charge (a group seat at its price). */
  async function quote(
    userId: string,
    input: {
      lines: readonly { variantId: string; quantity: number }[];
      province: string | null;
      groupBuy?: { campaignId: string; groupId?: string };
    },
  ): Promise<Quote> {
    const terms = input.groupBuy
      ? await ctx.groupTerms?.(input.groupBuy.campaignId, input.groupBuy.groupId)
      : undefined;
    const variants = new Map(
      (
        await ctx.sellableVariants(
          db,
          input.lines.map((l) => l.variantId),
        )
      ).map((v) => [v.id, v]),
    );
    const lines = input.lines.flatMap((l) => {
      const variant = variants.get(l.variantId);
      if (!variant) return [];
      const unitPrice = terms && terms.variantId === variant.id ? terms.unitPrice : variant.price;
      return [
        {
          productId: variant.product_id,
          variantId: variant.id,
          quantity: l.quantity,
          lineTotal: unitPrice * l.quantity,
        },
      ];
    });
    const result = await feeOf(db, {
      userId,
      province: input.province,
      lines,
      freeShipping: terms?.freeShipping ? 'group_buy' : null,
    });
    return {
      fee: result.fee,
      waiver: result.waiver,
      parts: result.parts.map((p) => ({
        ...p,
        amountToFree:
          p.freeOverAmount === null || result.waiver ? null : Math.max(0, p.freeOverAmount - p.goodsAmount),
      })),
    };
  }

  async function saveTemplate(tx: Tx, row: q.TemplateRow, isNew: boolean) {
    if (row.is_default) {
      await q.lockShipping(tx, 'default');
      await q.clearDefault(tx, row.id);
    }
    if (isNew) await q.insertTemplate(tx, row);
    else await q.updateTemplate(tx, row);
  }

  const rowOf = (id: string, input: TemplateInput, createdAt: Date): q.TemplateRow => ({
    id,
    name: input.name,
    basis: input.basis,
    free_over_amount: input.freeOverAmount ?? null,
    default_rule: input.defaultRule,
    region_rules: input.regionRules ?? [],
    is_default: input.isDefault ?? false,
    created_at: createdAt,
    updated_at: clock.now(),
  });

  /** What the audit log keeps of a template: its terms (the product count is not the operator's change). */
  const terms = ({ productCount: _count, ...template }: Template) => template;
  const audited = (
    tx: Tx,
    by: AuditContext | undefined,
    action: string,
    id: string,
    before: Template | null,
    after: Template | null,
  ) =>
    record(tx, {
      by,
      at: clock.now(),
      action: `shipping_template.${action}`,
      target: { type: 'shipping_template', id },
      before: before && terms(before),
      after: after && terms(after),
    });

  async function createTemplate(input: TemplateInput, by?: AuditContext): Promise<Template> {
    return db.transaction(async (tx) => {
      const row = rowOf(newId(), input, clock.now());
      await saveTemplate(tx, row, true);
      const created = present(row, 0);
      await audited(tx, by, 'create', row.id, null, created);
      return created;
    });
  }

  async function replaceTemplate(id: string, input: TemplateInput, by?: AuditContext): Promise<Template> {
    return db.transaction(async (tx) => {
      // The default's lock before the row's, as every writer of the default takes them.
      if (input.isDefault) await q.lockShipping(tx, 'default');
      const found = await q.lockTemplate(tx, id);
      if (!found) throw notFound('Shipping template');
      const row = rowOf(id, input, found.created_at);
      await saveTemplate(tx, row, false);
      const products = await q.productsUsing(tx, id);
      const replaced = present(row, products);
      await audited(tx, by, 'update', id, present(found, products), replaced);
      return replaced;
    });
  }

  async function getTemplate(id: string): Promise<Template> {
    const row = await q.findTemplate(db, id);
    if (!row) throw notFound('Shipping template');
    return present(row, await q.productsUsing(db, id));
  }

  /**
   * A template products ship under cannot go: they would silently ship free. That includes the
   * default, which every product without a template of its own ships under.
   */
  async function deleteTemplate(id: string, by?: AuditContext): Promise<void> {
    await db.transaction(async (tx) => {
      const found = await q.lockTemplate(tx, id);
      if (!found) throw notFound('Shipping template');
      if (found.is_default)
        throw refuse(
          'shipping_template_default',
          {},
          'Make another template the default before deleting this one',
        );
      const products = await q.productsUsing(tx, id);
      if (products > 0)
        throw refuse(
          'shipping_template_in_use',
          { products },
          `${products} products ship under this template`,
        );
      await q.deleteTemplate(tx, id);
      await audited(tx, by, 'delete', id, present(found, 0), null);
    });
  }

  async function listTemplates(page: { limit?: number; cursor?: string }): Promise<Page<Template>> {
    const limit = page.limit ?? 20;
    const [name, id] = decodeCursor(page.cursor) ?? [];
    const after = typeof name === 'string' && typeof id === 'string' ? { name, id } : undefined;
    const rows = await q.listTemplates(db, limit, after);
    return toPage(
      rows,
      limit,
      (r) => [r.name, r.id],
      (r) => present(r, r.products),
    );
  }

  async function productShipping(conn: Queryable, productId: string): Promise<ProductShipping> {
    const own = await q.productTemplateId(conn, productId);
    const effective = (await q.templatesOfProducts(conn, [productId])).get(productId) ?? null;
    const weights = await q.weightsOfProduct(conn, productId);
    return {
      productId,
      templateId: own,
      effectiveTemplateId: effective?.id ?? null,
      weights: weights.map((w) => ({ variantId: w.variant_id, grams: w.grams })),
    };
  }

  async function getProductShipping(productId: string): Promise<ProductShipping> {
    if ((await ctx.productVariants(productId)) === null) throw notFound('Product');
    return productShipping(db, productId);
  }

  async function setProductShipping(
    productId: string,
    input: Static<typeof ProductShippingBody>,
    by?: AuditContext,
  ): Promise<ProductShipping> {
    // Before the transaction: the catalog reads on its own connection (variants are never deleted).
    const variants = await ctx.productVariants(productId);
    if (variants === null) throw notFound('Product');
    return db.transaction(async (tx) => {
      if (input.templateId !== null && !(await q.lockTemplate(tx, input.templateId)))
        throw invalidInput('/templateId', 'is not a shipping template', 'enum');
      const own = new Set(variants.map((v) => v.id));
      const seen = new Set<string>();
      (input.weights ?? []).forEach((w, i) => {
        if (!own.has(w.variantId))
          throw invalidInput(`/weights/${i}/variantId`, 'is not a variant of this product', 'enum');
        if (seen.has(w.variantId))
          throw invalidInput(`/weights/${i}/variantId`, 'is listed twice', 'uniqueItems');
        seen.add(w.variantId);
      });
      await q.lockShipping(tx, `product:${productId}`);
      const before = await productShipping(tx, productId);
      await q.setProductTemplate(tx, productId, input.templateId);
      if (input.weights) await q.replaceWeights(tx, productId, input.weights);
      const after = await productShipping(tx, productId);
      const target = { type: 'product', id: productId };
      await record(tx, { by, at: clock.now(), action: 'product.shipping.update', target, before, after });
      return after;
    });
  }

  return {
    checkout,
    quote,
    createTemplate,
    replaceTemplate,
    getTemplate,
    deleteTemplate,
    listTemplates,
    getProductShipping,
    setProductShipping,
  };
}

export type ShippingService = ReturnType<typeof createShippingService>;
