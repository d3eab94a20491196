import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { collectPages, csvDocument, majorUnits } from '../../platform/csv.js';
import { AppError } from '../../platform/errors.js';
import { adminOnly, requireUser } from '../../platform/http/auth.js';
import { sendCsv } from '../../platform/http/csv-reply.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import { IMPORT_COLUMNS } from './import-rules.js';
import type { ImportService, SheetFormat } from './imports.js';
import {
  BulkBody,
  BulkResultSchema,
  DryRunSchema,
  ImportList,
  ImportQuery,
  ImportSchema,
  ProductExportQuery,
} from './io-schemas.js';
import { IdParams } from './schemas.js';
import type { CatalogService } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMATS: Record<string, SheetFormat> = { 'text/csv': 'csv', [XLSX]: 'xlsx' };
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const adminProblems = { 401: ProblemResponse, 403: ProblemResponse };

/** Checked before the body is read: JSON (or anything else) is a 415, never parsed as a sheet. */
async function sheetOnly(request: FastifyRequest) {
  if (!FORMATS[contentType(request)])
    throw new AppError('unsupported_media_type', `Send the file as text/csv or ${XLSX}`);
}
const contentType = (request: FastifyRequest) =>
  request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';

const importBody = {
  content: {
    'text/csv': { schema: Type.String({ description: 'The CSV file, UTF-8 (a BOM is ignored)' }) },
    // Any: the body is the workbook's bytes (a Buffer), which a JSON-schema string type would refuse.
    [XLSX]: { schema: Type.Unknown({ description: 'The XLSX workbook (binary): its first sheet is read' }) },
  },
};

const COLUMNS_DOC =
  'The header names the columns (any order, any case): title, sku and price are needed; handle, ' +
  'description, category, images (URLs separated by spaces or |), commissionRateBps, variantTitle and ' +
  'stock may be given, and status (as exported) is ignored. Rows with the same `handle` are one ' +
  "product's variants (its fields from its first row); a row without one is a product of its own. " +
  '`price` is in major units ("45.50"); `stock` is the stock to hold. A product whose SKU exists is ' +
  'updated (blank fields stay as they are, stock is set through the movement log), others are added.';

/** Catalog import (CSV and XLSX, a dry run then a job), the product export and bulk actions. */
export const catalogIoRoutes: FastifyPluginAsyncTypebox<{
  catalog: CatalogService;
  imports: ImportService;
  currency: string;
}> = async (app, { catalog, imports, currency }) => {
  // Only inside this plugin: the rest of the API takes JSON alone.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser(XLSX, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/api/admin/product-imports/dry-run',
    {
      onRequest: [adminOnly, sheetOnly],
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'Check a catalog file without importing it',
        description:
          `Admin only. A \`text/csv\` or XLSX body. ${COLUMNS_DOC} Answers every problem of every row ` +
          '(row as a spreadsheet numbers it, column, problem) and how many products would be added and ' +
          'updated. Changes nothing. An unreadable file → 400 `import_unreadable`; more than 5,000 rows → ' +
          '413 `import_too_many_rows`; any other content type → 415.',
        body: importBody,
        response: {
          200: DryRunSchema,
          400: ProblemResponse,
          413: ProblemResponse,
          415: ProblemResponse,
          ...adminProblems,
        },
      },
    },
    async (request) =>
      imports.dryRun(FORMATS[contentType(request)] as SheetFormat, request.body as Buffer | string),
  );

  app.post(
    '/api/admin/product-imports',
    {
      onRequest: [adminOnly, sheetOnly],
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'Import products and variants from a file',
        description:
          'Admin only. The file of the dry run (same body and columns). A file with problems is 422 ' +
          '`import_has_problems` (dry-run it to see them); one without rows 400 `import_no_rows`. Answers ' +
          '202 with the import, which runs as a background job, a product at a time: poll ' +
          '`GET /api/admin/product-imports/{id}` for `doneRows` of `totalRows`. After a crash the job goes ' +
          'on where it stopped; a product is found by its SKUs, so applying one twice has the effect of once.',
        querystring: ImportQuery,
        body: importBody,
        response: {
          202: ImportSchema,
          400: ProblemResponse,
          413: ProblemResponse,
          415: ProblemResponse,
          422: ProblemResponse,
          ...adminProblems,
        },
      },
    },
    async (request, reply) => {
      const started = await imports.startImport(
        requireUser(request).id,
        FORMATS[contentType(request)] as SheetFormat,
        request.body as Buffer | string,
        request.query.fileName,
        auditContext(request),
      );
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/api/admin/product-imports',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'Recent catalog imports',
        description: 'Admin only. The last 20 imports, newest first, with their progress.',
        response: { 200: ImportList, ...adminProblems },
      },
    },
    async () => ({ items: await imports.listImports() }),
  );

  app.get(
    '/api/admin/product-imports/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'A catalog import and its progress',
        description: 'Admin only. `doneRows` of `totalRows` applied; `status` is `done` once all are.',
        params: IdParams,
        response: { 200: ImportSchema, 404: ProblemResponse, ...adminProblems },
      },
    },
    async (request) => imports.getImport(request.params.id),
  );

  app.get(
    '/api/admin/products/export.csv',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'Export products as CSV',
        description:
          'Admin only. The products of `GET /api/admin/products` with the same filters, one row per variant, ' +
          'in the columns the import reads (`handle` is the product id), so an edited export imports back. ' +
          'Prices in major units. UTF-8 with a BOM; cells a spreadsheet would run as formulas start with an ' +
          'apostrophe. At most 10,000 products: a last line says when there were more.',
        querystring: ProductExportQuery,
        response: { 200: Type.String({ description: 'text/csv' }), 400: ProblemResponse, ...adminProblems },
      },
    },
    async (request, reply) => {
      const { items, more } = await collectPages((cursor, limit) =>
        catalog.listProducts({ ...request.query, cursor, limit }),
      );
      const rows = items.flatMap((p) =>
        p.variants.map((v) => [
          p.id,
          p.title,
          p.description,
          p.category,
          p.images.join(' '),
          p.commissionRateBps,
          v.sku,
          v.title,
          majorUnits(v.price, currency),
          v.stock,
          p.status,
        ]),
      );
      return sendCsv(reply, 'products.csv', csvDocument([...IMPORT_COLUMNS, 'status'], rows, more));
    },
  );

  app.post(
    '/api/admin/products/bulk',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'Act on many products at once',
        description:
          'Admin only. `archive` / `restore`, `set_category` (null for none), `price` or `stock` changed by ' +
          'a whole `percent` (-100..1000, rounded half up) or an `amount` (minor units; units of stock) of ' +
          'every variant. Results are per product: each changes in its own transaction (all its variants or ' +
          'none) and one that cannot (a price or stock that would fall below zero or above the maximum, an ' +
          'unknown id) is reported with its `outcome` without stopping the others. Stock changes are ' +
          'recorded in the stock movement log with `reason`; stock never goes below zero.',
        body: BulkBody,
        response: { 200: BulkResultSchema, 400: ProblemResponse, ...adminProblems },
      },
    },
    async (request) => catalog.bulkUpdate(request.body, requireUser(request).id, auditContext(request)),
  );
};
