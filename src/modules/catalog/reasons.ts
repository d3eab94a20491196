import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why the catalog refuses: stock, SKUs and archived products, with the numbers to word it by. */
export const catalogReasons = defineReasons({
  out_of_stock: {
    code: 'conflict',
    params: Type.Object({ variantId: Type.String(), available: Type.Integer({ minimum: 0 }) }),
    description: 'A variant has fewer units in stock than asked for; `available` is what is left.',
  },
  insufficient_stock: {
    code: 'business_rule',
    params: Type.Object({ variantId: Type.String(), available: Type.Integer({ minimum: 0 }) }),
    description: 'A stock adjustment would remove more units than the variant holds (`available`).',
  },
  stock_above_maximum: {
    code: 'business_rule',
    params: Type.Object({
      variantId: Type.String(),
      available: Type.Integer({ minimum: 0 }),
      max: Type.Integer(),
    }),
    description: 'A stock adjustment would take the stock above the most a variant may hold (`max`).',
  },
  stock_changed: {
    code: 'conflict',
    params: Type.Object({
      variantId: Type.String(),
      available: Type.Integer({ minimum: 0 }),
      expected: Type.Integer({ minimum: 0 }),
    }),
    description: 'The stock is no longer what the operator read (`expected`); it is `available` now.',
  },
  sku_taken: {
    code: 'conflict',
    params: Type.Object({ sku: Type.String() }),
    description: 'Another product already has a variant with this SKU.',
  },
  product_archived: {
    code: 'conflict',
    params: Type.Object({ productId: Type.String() }),
    description: 'The product is archived: it can no longer be listed in a store or bought.',
  },
  category_in_use: {
    code: 'conflict',
    params: Type.Object({ slug: Type.String(), products: Type.Integer({ minimum: 1 }) }),
    description: 'Products (`products` of them, archived ones included) use this category; move them first.',
  },
  category_taken: {
    code: 'conflict',
    params: Type.Object({ slug: Type.String() }),
    description: 'A category with this slug already exists.',
  },
  import_unreadable: {
    code: 'invalid_input',
    params: Type.Object({
      format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
      line: Type.Integer({ minimum: 0, description: 'CSV: the line an unclosed quote opens on; XLSX: 0' }),
    }),
    description: 'The file cannot be read: a CSV quote that never closes, or not an XLSX workbook.',
  },
  import_too_many_rows: {
    code: 'payload_too_large',
    params: Type.Object({ rows: Type.Integer({ minimum: 0 }), max: Type.Integer({ minimum: 1 }) }),
    description: 'The file has more rows than one import takes (`max`); split it.',
  },
  import_no_rows: {
    code: 'invalid_input',
    description: 'The file has a header but no rows to import.',
  },
  import_has_problems: {
    code: 'business_rule',
    params: Type.Object({ problems: Type.Integer({ minimum: 1 }) }),
    description:
      'Rows of the file have problems (`problems` of them): the dry run lists each; fix and send again.',
  },
  bulk_too_many: {
    code: 'payload_too_large',
    params: Type.Object({ max: Type.Integer({ minimum: 1 }) }),
    description: 'A bulk action names more products than one action takes (`max`).',
  },
});

export const refuse = refusalsOf(catalogReasons);
