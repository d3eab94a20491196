import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { BULK_OUTCOMES } from './bulk-rules.js';
import { IMPORT_PROBLEMS } from './import-rules.js';
import { AdminListQuery, Id } from './schemas.js';

/** Shapes of catalog import, export and bulk actions. */

export const ImportProblemSchema = Type.Object({
  row: Type.Integer({ minimum: 1, description: 'The row as a spreadsheet numbers it: the header is row 1.' }),
  column: Type.String(),
  problem: Type.Enum(IMPORT_PROBLEMS, {
    description: 'Why the cell is refused; the console words it in the reader’s language.',
  }),
});

export const DryRunSchema = Type.Object({
  rows: Type.Integer({ minimum: 0, description: 'Data rows in the file.' }),
  products: Type.Integer({ minimum: 0 }),
  creates: Type.Integer({
    minimum: 0,
    description: 'Products the import would add (0 while there are problems).',
  }),
  updates: Type.Integer({
    minimum: 0,
    description: 'Products it would update, found by SKU (0 while there are problems).',
  }),
  problems: Type.Array(ImportProblemSchema),
});

export const ImportSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done')]),
  totalRows: Type.Integer({ minimum: 0 }),
  doneRows: Type.Integer({
    minimum: 0,
    description: 'Rows applied so far: the progress is doneRows / totalRows.',
  }),
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  failures: Type.Array(ImportProblemSchema, {
    description: 'Rows refused while importing, because the catalog changed after the file was checked.',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const ImportList = Type.Object({ items: Type.Array(ImportSchema) });

export const ImportQuery = Type.Object({
  dryRun: Type.Optional(Type.Boolean({ description: 'true: only check the file and list its problems.' })),
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
});

const ProductIds = Type.Array(Id, { minItems: 1, maxItems: 200, description: 'The products to act on.' });
const Change = Type.Object(
  {
    by: Type.Union([Type.Literal('percent'), Type.Literal('amount')]),
    value: Type.Integer({
      minimum: -100_000_000_00,
      maximum: 100_000_000_00,
      description:
        'percent: a whole percentage, -100..1000 (rounded half up to a whole unit); amount: minor units for ' +
        'prices, units for stock; negative to lower.',
    }),
  },
  { additionalProperties: false },
);

export const BulkBody = Type.Union([
  Type.Object(
    { action: Type.Union([Type.Literal('archive'), Type.Literal('restore')]), productIds: ProductIds },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('set_category'),
      productIds: ProductIds,
      category: Nullable(Type.String({ minLength: 1, maxLength: 40 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('price'), productIds: ProductIds, change: Change },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('stock'),
      productIds: ProductIds,
      change: Change,
      reason: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    },
    { additionalProperties: false },
  ),
]);

export const BulkResultSchema = Type.Object({
  results: Type.Array(
    Type.Object({
      productId: Type.String(),
      outcome: Type.Enum(BULK_OUTCOMES),
    }),
  ),
  changed: Type.Integer({ minimum: 0 }),
  refused: Type.Integer({ minimum: 0 }),
});

const { limit: _limit, cursor: _cursor, ...exportFilters } = AdminListQuery.properties;
export const ProductExportQuery = Type.Object(exportFilters);
