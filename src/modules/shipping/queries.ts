import type { Queryable } from '../../platform/db.js';
import type { FeeRule, RegionRule, ShippingBasis } from './rules.js';

export interface TemplateRow {
  id: string;
  name: string;
  basis: ShippingBasis;
  free_over_amount: number | null;
  default_rule: FeeRule;
  region_rules: RegionRule[];
  is_default: boolean;
  created_at: Date;
  updated_at: Date;
}

export async function insertTemplate(conn: Queryable, t: TemplateRow) {
  await conn.query(
    `INSERT INTO shipping_templates (id, name, basis, free_over_amount, default_rule, region_rules, is_default,
       created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      t.id,
      t.name,
      t.basis,
      t.free_over_amount,
      JSON.stringify(t.default_rule),
      JSON.stringify(t.region_rules),
      t.is_default,
      t.created_at,
      t.updated_at,
    ],
  );
}

export async function updateTemplate(conn: Queryable, t: TemplateRow) {
  await conn.query(
    `UPDATE shipping_templates SET name = $2, basis = $3, free_over_amount = $4, default_rule = $5,
       region_rules = $6, is_default = $7, updated_at = $8 WHERE id = $1`,
    [
      t.id,
      t.name,
      t.basis,
      t.free_over_amount,
      JSON.stringify(t.default_rule),
      JSON.stringify(t.region_rules),
      t.is_default,
      t.updated_at,
    ],
  );
}

/** Only one template is the default: the others lose the mark first (the unique index holds it). */
export const clearDefault = (conn: Queryable, exceptId: string) =>
  conn.query('UPDATE shipping_templates SET is_default = false WHERE is_default AND id <> $1', [exceptId]);

export const findTemplate = async (conn: Queryable, id: string) =>
  (await conn.query<TemplateRow>('SELECT * FROM shipping_templates WHERE id = $1', [id]))[0];

export const lockTemplate = async (conn: Queryable, id: string) =>
  (await conn.query<TemplateRow>('SELECT * FROM shipping_templates WHERE id = $1 FOR UPDATE', [id]))[0];

export const listTemplates = (conn: Queryable, limit: number, afterName?: { name: string; id: string }) =>
  conn.query<TemplateRow & { products: number }>(
    `SELECT t.*, (SELECT count(*) FROM shipping_product_templates p WHERE p.template_id = t.id)::int AS products
     FROM shipping_templates t
     WHERE $2::text IS NULL OR (t.name, t.id) > ($2, $3)
     ORDER BY t.name, t.id LIMIT $1`,
    [limit + 1, afterName?.name ?? null, afterName?.id ?? null],
  );

export const productsUsing = async (conn: Queryable, templateId: string) =>
  (
    await conn.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM shipping_product_templates WHERE template_id = $1',
      [templateId],
    )
  )[0]?.n ?? 0;

export const deleteTemplate = (conn: Queryable, id: string) =>
  conn.query('DELETE FROM shipping_templates WHERE id = $1', [id]);

/** The templates the products ship under: their own, else the default one (absent: they ship free). */
export async function templatesOfProducts(conn: Queryable, productIds: readonly string[]) {
  const rows = await conn.query<TemplateRow & { product_id: string | null }>(
    `SELECT p.product_id, t.* FROM shipping_product_templates p JOIN shipping_templates t ON t.id = p.template_id
     WHERE p.product_id = ANY($1)
     UNION ALL SELECT NULL, t.* FROM shipping_templates t WHERE t.is_default`,
    [productIds],
  );
  const fallback = rows.find((r) => r.product_id === null) ?? null;
  const own = new Map(rows.filter((r) => r.product_id !== null).map((r) => [r.product_id as string, r]));
  return new Map(productIds.map((id) => [id, own.get(id) ?? fallback]));
}

export const productTemplateId = async (conn: Queryable, productId: string) =>
  (
    await conn.query<{ template_id: string }>(
      'SELECT template_id FROM shipping_product_templates WHERE product_id = $1',
      [productId],
    )
  )[0]?.template_id ?? null;

export async function setProductTemplate(conn: Queryable, productId: string, templateId: string | null) {
  if (templateId === null) {
    await conn.query('DELETE FROM shipping_product_templates WHERE product_id = $1', [productId]);
    return;
  }
  await conn.query(
    `INSERT INTO shipping_product_templates (product_id, template_id) VALUES ($1, $2)
     ON CONFLICT (product_id) DO UPDATE SET template_id = EXCLUDED.template_id`,
    [productId, templateId],
  );
}

export const weightsOfProduct = (conn: Queryable, productId: string) =>
  conn.query<{ variant_id: string; grams: number }>(
    'SELECT variant_id, grams FROM shipping_variant_weights WHERE product_id = $1 ORDER BY variant_id',
    [productId],
  );

export async function weightsOfVariants(conn: Queryable, variantIds: readonly string[]) {
  const rows = await conn.query<{ variant_id: string; grams: number }>(
    'SELECT variant_id, grams FROM shipping_variant_weights WHERE variant_id = ANY($1)',
    [variantIds],
  );
  return new Map(rows.map((r) => [r.variant_id, r.grams]));
}

/** Replaces a product's weights: variants left out have none (they weigh nothing for the fee). */
export async function replaceWeights(
  conn: Queryable,
  productId: string,
  weights: readonly { variantId: string; grams: number }[],
) {
  await conn.query('DELETE FROM shipping_variant_weights WHERE product_id = $1', [productId]);
  if (weights.length === 0) return;
  await conn.query(
    `INSERT INTO shipping_variant_weights (variant_id, product_id, grams)
     SELECT v, $1, g FROM unnest($2::text[], $3::int[]) AS w(v, g)`,
    [productId, weights.map((w) => w.variantId), weights.map((w) => w.grams)],
  );
}

/**
 * Serializes the operator's writers of one thing (the default mark, one product's shipping): without
 * it two racing saves both pass their delete-or-clear step and the second insert breaks a unique key.
 */
export async function lockShipping(tx: Queryable, key: string) {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('fission.shipping:' || $1, 0))`, [key]);
}
