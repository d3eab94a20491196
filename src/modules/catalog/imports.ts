import { readSheet } from 'read-excel-file/node';
import type { Clock } from '../../platform/clock.js';
import { parseCsv } from '../../platform/csv.js';
import type { Database, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { JobRunner } from '../../platform/jobs.js';
import { type AuditContext, type AuditFields, record } from '../audit/index.js';
import * as cq from './category-queries.js';
import { defaultCategoryName } from './category-rules.js';
import {
  checkSheet,
  type ImportProblem,
  type ImportProduct,
  MAX_IMPORT_ROWS,
  skuOwnerProblems,
  sortProblems,
} from './import-rules.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { categorySlug } from './rules.js';

export const IMPORT_JOB = 'catalog.import';
/** Products applied per transaction: few enough that progress moves often, many enough to be quick. */
const IMPORT_BATCH = 25;

/** Another process moved the import past this batch first: roll the batch back. */
class BatchTaken extends Error {}
export type SheetFormat = 'csv' | 'xlsx';

/** What applying one product changed, for its audit entry (the product's id once it is known). */
interface AuditedProduct {
  before: AuditFields;
  after: AuditFields;
  productId?: string;
}

interface ImportRow {
  id: string;
  actor_id: string;
  actor_role: string | null;
  request_id: string | null;
  file_name: string;
  status: 'running' | 'done';
  total_rows: number;
  done_rows: number;
  next_index: number;
  created: number;
  updated: number;
  failures: ImportProblem[];
  created_at: Date;
  finished_at: Date | null;
}

export interface ProductImport {
  id: string;
  fileName: string;
  status: 'running' | 'done';
  totalRows: number;
  doneRows: number;
  created: number;
  updated: number;
  failures: ImportProblem[];
  createdAt: string;
  finishedAt: string | null;
}

export interface DryRun {
  rows: number;
  products: number;
  creates: number;
  updates: number;
  problems: ImportProblem[];
}

const present = (r: ImportRow): ProductImport => ({
  id: r.id,
  fileName: r.file_name,
  status: r.status,
  totalRows: r.total_rows,
  doneRows: r.done_rows,
  created: r.created,
  updated: r.updated,
  failures: r.failures,
  createdAt: r.created_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
});

const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
};

/** The sheet's rows as text: a CSV as written, the first worksheet of an XLSX workbook. */
async function sheetRows(format: SheetFormat, body: Buffer | string): Promise<string[][]> {
  if (format === 'csv') {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const parsed = parseCsv(text);
    if (parsed.unclosedQuoteAt !== undefined)
      throw refuse(
        'import_unreadable',
        { format, line: parsed.unclosedQuoteAt },
        `A quote opened on line ${parsed.unclosedQuoteAt} is never closed`,
      );
    return parsed.records.map((r) => r.fields);
  }
  try {
    const data = await readSheet(typeof body === 'string' ? Buffer.from(body, 'binary') : body);
    return data.map((row) => row.map(cellText));
  } catch {
    throw refuse('import_unreadable', { format, line: 0 }, 'This file is not an XLSX workbook');
  }
}

/**
 * Catalog imports: a dry run that reports every row's problem, then an import that runs as a job,
 * a product per transaction, resumable after a crash and idempotent per product (found by SKU).
 */
export function createImportService(deps: { db: Database; clock: Clock; jobs: JobRunner; currency: string }) {
  const { db, clock, jobs, currency } = deps;

  async function skuOwners(conn: Queryable, products: readonly ImportProduct[]) {
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
    const rows = await conn.query<{ sku: string; product_id: string }>(
      'SELECT sku, product_id FROM variants WHERE sku = ANY($1)',
      [skus],
    );
    return new Map(rows.map((r) => [r.sku, r.product_id]));
  }

  async function check(format: SheetFormat, body: Buffer | string) {
    const rows = await sheetRows(format, body);
    const data = Math.max(0, rows.length - 1);
    if (data > MAX_IMPORT_ROWS)
      throw refuse(
        'import_too_many_rows',
        { max: MAX_IMPORT_ROWS, rows: data },
        `At most ${MAX_IMPORT_ROWS} rows at a time`,
      );
    const sheet = checkSheet(rows, currency);
    const owners = await skuOwners(db, sheet.products);
    const problems = sortProblems([...sheet.problems, ...skuOwnerProblems(sheet.products, owners)]);
    const updates = sheet.products.filter((p) => p.variants.some((v) => owners.has(v.sku))).length;
    return { sheet, problems, updates };
  }

  async function dryRun(format: SheetFormat, body: Buffer | string): Promise<DryRun> {
    const { sheet, problems, updates } = await check(format, body);
    const products = problems.length === 0 ? sheet.products.length : 0;
    return {
      rows: sheet.rows,
      products: sheet.products.length,
      creates: problems.length === 0 ? products - updates : 0,
      updates: problems.length === 0 ? updates : 0,
      problems,
    };
  }

  /** Starts an import of a file without problems (else 422 `import_has_problems`: dry-run it). */
  async function startImport(
    actorId: string,
    format: SheetFormat,
    body: Buffer | string,
    fileName = '',
    by?: AuditContext,
  ): Promise<ProductImport> {
    const { sheet, problems } = await check(format, body);
    if (problems.length > 0)
      throw refuse(
        'import_has_problems',
        { problems: problems.length },
        `${problems.length} problems in the file: see the dry run`,
      );
    if (sheet.rows === 0) throw refuse('import_no_rows', undefined, 'The file has no rows to import');
    const id = newId();
    return db.transaction(async (tx) => {
      const [row] = await tx.query<ImportRow>(
        `INSERT INTO product_imports (id, actor_id, actor_role, request_id, file_name, status, products,
           total_rows, created_at)
         VALUES ($1, $2, $3, $4, $5, 'running', $6, $7, $8) RETURNING *`,
        [
          id,
          actorId,
          by?.actorRole ?? null,
          by?.requestId ?? null,
          fileName.slice(0, 200),
          JSON.stringify(sheet.products),
          sheet.rows,
          clock.now(),
        ],
      );
      const after = { fileName: fileName.slice(0, 200), rows: sheet.rows, products: sheet.products.length };
      const target = { type: 'product_import', id };
      await record(tx, { by, at: clock.now(), action: 'product.import', target, before: null, after });
      await jobs.enqueue(tx, IMPORT_JOB, { importId: id }, { dedupeKey: `${IMPORT_JOB}:${id}` });
      return present(row as ImportRow);
    });
  }

  /**
   * Creates the product, or updates the one its SKUs belong to: title and the fields given, each
   * variant's title and price, and its stock set to the file's (through the movement log, only when
   * it differs, so a second run records nothing). New SKUs become new variants.
   */
  async function applyProduct(
    tx: Queryable,
    p: ImportProduct,
    actorId: string,
    audited: AuditedProduct,
  ): Promise<{ outcome: 'created' | 'updated' } | { failures: ImportProblem[] }> {
    const now = clock.now();
    const owners = await tx.query<q.VariantRow>(
      'SELECT * FROM variants WHERE sku = ANY($1) ORDER BY id FOR UPDATE',
      [p.variants.map((v) => v.sku)],
    );
    const productIds = new Set(owners.map((v) => v.product_id));
    if (productIds.size > 1)
      return {
        failures: p.variants
          .filter((v) => owners.some((o) => o.sku === v.sku))
          .slice(1)
          .map((v) => ({ row: v.row, column: 'sku', problem: 'sku_elsewhere' as const })),
      };
    const slug = p.category ? categorySlug(p.category) || null : undefined;
    if (slug) await cq.ensureCategory(tx, slug, defaultCategoryName(slug), now);
    const facts = (kind: 'initial' | 'adjustment') => ({
      kind,
      actorId,
      reason: 'catalog import',
      orderId: null,
      at: now,
    });

    const [existingId] = productIds;
    if (existingId === undefined) {
      const id = newId();
      audited.productId = id;
      audited.after.title = p.title;
      for (const v of p.variants) {
        audited.after[`variants.${v.sku}.price`] = v.price;
        audited.after[`variants.${v.sku}.stock`] = v.stock ?? 0;
      }
      await tx.query(
        `INSERT INTO products (id, title, description, images, category, commission_rate_bps, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
        [id, p.title, p.description ?? '', p.images ?? [], slug ?? null, p.commissionRateBps ?? null, now],
      );
      for (const [i, v] of p.variants.entries())
        await q.insertVariant(
          tx,
          {
            id: newId(),
            productId: id,
            sku: v.sku,
            title: v.title,
            price: v.price,
            stock: v.stock ?? 0,
            position: i,
          },
          facts('initial'),
        );
      return { outcome: 'created' };
    }

    const [was] = await tx.query<{ title: string }>('SELECT title FROM products WHERE id = $1', [existingId]);
    audited.before.title = was?.title ?? null;
    audited.after.title = p.title;
    await tx.query(
      `UPDATE products SET title = $2, description = COALESCE($3, description), images = COALESCE($4, images),
         category = CASE WHEN $5::boolean THEN $6 ELSE category END,
         commission_rate_bps = COALESCE($7, commission_rate_bps), updated_at = $8 WHERE id = $1`,
      [
        existingId,
        p.title,
        p.description ?? null,
        p.images ?? null,
        slug !== undefined,
        slug ?? null,
        p.commissionRateBps ?? null,
        now,
      ],
    );
    audited.productId = existingId;
    const bySku = new Map(owners.map((o) => [o.sku, o]));
    const [{ next } = { next: 0 }] = await tx.query<{ next: number }>(
      'SELECT COALESCE(MAX(position) + 1, 0)::int AS next FROM variants WHERE product_id = $1',
      [existingId],
    );
    let position = next;
    for (const v of p.variants) {
      const old = bySku.get(v.sku);
      if (!old) {
        await q.insertVariant(
          tx,
          {
            id: newId(),
            productId: existingId,
            sku: v.sku,
            title: v.title,
            price: v.price,
            stock: v.stock ?? 0,
            position: position++,
          },
          facts('initial'),
        );
        audited.after[`variants.${v.sku}.price`] = v.price;
        audited.after[`variants.${v.sku}.stock`] = v.stock ?? 0;
        continue;
      }
      await tx.query('UPDATE variants SET title = $2, price = $3 WHERE id = $1', [old.id, v.title, v.price]);
      audited.before[`variants.${v.sku}.price`] = old.price;
      audited.after[`variants.${v.sku}.price`] = v.price;
      if (v.stock !== undefined && v.stock !== old.stock) {
        await q.setStock(tx, old.id, old.stock, v.stock, facts('adjustment'));
        audited.before[`variants.${v.sku}.stock`] = old.stock;
        audited.after[`variants.${v.sku}.stock`] = v.stock;
      }
    }
    return { outcome: 'updated' };
  }

  /**
   * The job: products in batches, a batch per transaction that first moves `next_index` past it,
   * but only if it is still where the batch began (else another process did it, and the batch rolls
   * back). So a retry after a crash goes on after the last commit, and no batch applies twice.
   */
  async function runImport(importId: string) {
    const [head] = await db.query<ImportRow & { products: ImportProduct[] }>(
      'SELECT * FROM product_imports WHERE id = $1',
      [importId],
    );
    if (!head || head.status === 'done') return;
    const { products } = head;
    // The operator who started it; imports from before the column existed go unrecorded.
    const by: AuditContext | undefined = head.request_id
      ? { actorId: head.actor_id, actorRole: head.actor_role ?? 'admin', requestId: head.request_id }
      : undefined;
    let index = head.next_index;
    while (index < products.length) {
      // Let the process answer requests between batches: on PGlite the import would otherwise hold
      // the event loop (its queries resolve without yielding) until the whole file is done.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = products.slice(index, index + IMPORT_BATCH);
      const claimed = await db
        .transaction(async (tx) => {
          // Claimed first: the row lock makes a second process wait here, and then find the index
          // moved, before it writes a single product (so two never race on one SKU).
          const rows = batch.reduce((n, p) => n + p.rows.length, 0);
          const moved = await tx.query(
            `UPDATE product_imports SET next_index = next_index + $3, done_rows = done_rows + $4
             WHERE id = $1 AND next_index = $2 RETURNING id`,
            [importId, index, batch.length, rows],
          );
          if (moved.length === 0) throw new BatchTaken();
          const tally = { created: 0, updated: 0, failures: [] as ImportProblem[] };
          for (const product of batch) {
            const audited: AuditedProduct = { before: {}, after: {} };
            const result = await applyProduct(tx, product, head.actor_id, audited);
            if ('failures' in result) tally.failures.push(...result.failures);
            else {
              tally[result.outcome] += 1;
              const target = { type: 'product', id: audited.productId as string };
              const before = result.outcome === 'created' ? null : audited.before;
              const action = `product.import.${result.outcome === 'created' ? 'create' : 'update'}`;
              await record(tx, { by, at: clock.now(), action, target, before, after: audited.after });
            }
          }
          await tx.query(
            `UPDATE product_imports SET created = created + $2, updated = updated + $3,
               failures = failures || $4::jsonb WHERE id = $1`,
            [importId, tally.created, tally.updated, JSON.stringify(tally.failures)],
          );
          return true;
        })
        .catch((error: unknown) => {
          if (error instanceof BatchTaken) return false;
          throw error;
        });
      if (claimed) index += batch.length;
      else
        index =
          (
            await db.query<{ next_index: number }>('SELECT next_index FROM product_imports WHERE id = $1', [
              importId,
            ])
          )[0]?.next_index ?? products.length;
    }
    await db.query(
      `UPDATE product_imports SET status = 'done', finished_at = $2 WHERE id = $1 AND status = 'running'`,
      [importId, clock.now()],
    );
  }

  jobs.register(IMPORT_JOB, (payload) => runImport(String(payload.importId)));

  async function getImport(id: string): Promise<ProductImport> {
    const [row] = await db.query<ImportRow>(
      `SELECT id, actor_id, file_name, status, total_rows, done_rows, next_index, created, updated, failures,
              created_at, finished_at FROM product_imports WHERE id = $1`,
      [id],
    );
    if (!row) throw notFound('Import');
    return present(row);
  }

  async function listImports(): Promise<ProductImport[]> {
    const rows = await db.query<ImportRow>(
      `SELECT id, actor_id, file_name, status, total_rows, done_rows, next_index, created, updated, failures,
              created_at, finished_at FROM product_imports ORDER BY created_at DESC, id DESC LIMIT 20`,
    );
    return rows.map(present);
  }

  return { dryRun, startImport, getImport, listImports, runImport };
}

export type ImportService = ReturnType<typeof createImportService>;
