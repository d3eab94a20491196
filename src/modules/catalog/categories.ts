import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { type AuditContext, record } from '../audit/index.js';
import * as q from './category-queries.js';
import { defaultCategoryName, moveCategory, orderProblem } from './category-rules.js';
import type { AdminCategory, CategoryInput, CategoryPatch, PublicCategory } from './category-schemas.js';
import { refuse } from './reasons.js';
import { categorySlug } from './rules.js';

const presentPublic = (row: q.CountedCategoryRow): PublicCategory => ({
  slug: row.slug,
  products: row.products,
  names: { en: row.name_en, 'zh-CN': row.name_zh_cn },
  icon: row.icon,
  position: row.position,
});

const presentAdmin = (row: q.CountedCategoryRow): AdminCategory => ({
  ...presentPublic(row),
  allProducts: row.all_products,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const isForeignKeyViolation = (error: unknown) => (error as { code?: string }).code === '23503';

/** Managed categories: the operator names, orders and removes them; products refer to them by slug. */
export function createCategoryService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  async function adminCategory(conn: Queryable, slug: string): Promise<AdminCategory> {
    const row = (await q.listCategories(conn, { inUse: false })).find((r) => r.slug === slug);
    if (!row) throw notFound('Category');
    return presentAdmin(row);
  }

  /** A category as its audit entries show it. */
  const fields = (c: AdminCategory) => ({ names: c.names, icon: c.icon, position: c.position });

  async function createCategory(input: CategoryInput, by?: AuditContext): Promise<AdminCategory> {
    const slug = categorySlug(input.slug ?? input.names.en);
    if (!slug) {
      const path = input.slug === undefined ? '/names/en' : '/slug';
      throw invalidInput(path, 'needs a letter or digit to make a slug from', 'slugEmpty');
    }
    return db.transaction(async (tx) => {
      const order = await q.lockOrder(tx);
      const inserted = await q.insertCategory(tx, {
        slug,
        nameEn: input.names.en.trim(),
        nameZh: input.names['zh-CN'].trim(),
        icon: input.icon ?? 'tag',
        position: order.length,
        at: clock.now(),
      });
      if (inserted.length === 0) throw refuse('category_taken', { slug }, 'A category with this slug exists');
      if (input.position !== undefined)
        await q.writeOrder(tx, moveCategory([...order, slug], slug, input.position), clock.now());
      const created = await adminCategory(tx, slug);
      const target = { type: 'category', id: slug };
      await record(tx, {
        by,
        at: clock.now(),
        action: 'category.create',
        target,
        before: null,
        after: fields(created),
      });
      return created;
    });
  }

  async function updateCategory(
    slug: string,
    patch: CategoryPatch,
    by?: AuditContext,
  ): Promise<AdminCategory> {
    return db.transaction(async (tx) => {
      const order = await q.lockOrder(tx);
      const row = await q.findCategory(tx, slug);
      if (!row) throw notFound('Category');
      const before = await adminCategory(tx, slug);
      await tx.query(
        'UPDATE categories SET name_en = $2, name_zh_cn = $3, icon = $4, updated_at = $5 WHERE slug = $1',
        [
          slug,
          patch.names?.en.trim() ?? row.name_en,
          patch.names?.['zh-CN'].trim() ?? row.name_zh_cn,
          patch.icon ?? row.icon,
          clock.now(),
        ],
      );
      if (patch.position !== undefined)
        await q.writeOrder(tx, moveCategory(order, slug, patch.position), clock.now());
      const after = await adminCategory(tx, slug);
      const target = { type: 'category', id: slug };
      await record(tx, {
        by,
        at: clock.now(),
        action: 'category.update',
        target,
        before: fields(before),
        after: fields(after),
      });
      return after;
    });
  }

  async function reorderCategories(slugs: readonly string[], by?: AuditContext): Promise<AdminCategory[]> {
    return db.transaction(async (tx) => {
      const order = await q.lockOrder(tx);
      const problem = orderProblem(order, slugs);
      if (problem) {
        const message = {
          unique: 'is given twice',
          unknownCategory: 'is not a category',
          missingCategories: 'leaves out a category; give every category once',
        }[problem.rule];
        throw invalidInput(`/slugs/${problem.index}`, message, problem.rule, { slug: problem.slug });
      }
      await q.writeOrder(tx, slugs, clock.now());
      await record(tx, {
        by,
        at: clock.now(),
        action: 'category.reorder',
        target: { type: 'category', id: '*' },
        before: { order },
        after: { order: slugs },
      });
      return (await q.listCategories(tx, { inUse: false })).map(presentAdmin);
    });
  }

  /** Only a category no product uses (archived ones count: they still show it); the rest close up. */
  async function deleteCategory(slug: string, by?: AuditContext): Promise<void> {
    const inUse = (products: number) =>
      refuse('category_in_use', { slug, products }, 'Products use this category; move them first');
    try {
      await db.transaction(async (tx) => {
        const order = await q.lockOrder(tx);
        if (!order.includes(slug)) throw notFound('Category');
        const products = await q.countProducts(tx, slug);
        if (products > 0) throw inUse(products);
        const before = await adminCategory(tx, slug);
        await tx.query('DELETE FROM categories WHERE slug = $1', [slug]);
        const target = { type: 'category', id: slug };
        await record(tx, {
          by,
          at: clock.now(),
          action: 'category.delete',
          target,
          before: fields(before),
          after: null,
        });
        await q.writeOrder(
          tx,
          order.filter((s) => s !== slug),
          clock.now(),
        );
      });
    } catch (error) {
      // A product saved into it between the count and the delete: the foreign key is the rule.
      if (isForeignKeyViolation(error)) throw inUse(Math.max(1, await q.countProducts(db, slug)));
      throw error;
    }
  }

  return {
    /** The storefront's list: categories with active products, in order. */
    listCategories: async () => (await q.listCategories(db, { inUse: true })).map(presentPublic),
    listAdminCategories: async () => (await q.listCategories(db, { inUse: false })).map(presentAdmin),
    createCategory,
    updateCategory,
    reorderCategories,
    deleteCategory,
    /** Makes sure a product's category exists (named after its slug when new), inside the product's transaction. */
    ensureCategory: (tx: Queryable, slug: string) =>
      q.ensureCategory(tx, slug, defaultCategoryName(slug), clock.now()),
  };
}

export type CategoryService = ReturnType<typeof createCategoryService>;
