/**
 * Pure rules of catalog imports: a sheet (CSV or XLSX, read into rows of text) becomes the products
 * it describes, or the problems of its rows. Every problem names its row (as a spreadsheet numbers
 * them: the header is row 1), its column and a closed `problem` code the console words in the
 * operator's language, so a dry run lists them all at once rather than stopping at the first.
 */
import { csvText, parseMajorUnits } from '../../platform/csv.js';
import { MAX_STOCK } from './rules.js';

export const IMPORT_COLUMNS = [
  'handle',
  'title',
  'description',
  'category',
  'images',
  'commissionRateBps',
  'sku',
  'variantTitle',
  'price',
  'stock',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** Columns an export writes that an import does not read. */
const IGNORED_COLUMNS = ['status'];
const REQUIRED_COLUMNS: readonly ImportColumn[] = ['title', 'sku', 'price'];

export const IMPORT_PROBLEMS = [
  'column_missing',
  'column_unknown',
  'column_repeated',
  'required',
  'too_long',
  'invalid_price',
  'invalid_integer',
  'out_of_range',
  'invalid_sku',
  'invalid_image',
  'sku_repeated',
  'title_differs',
  'too_many_variants',
  'sku_elsewhere',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEMS)[number];

export interface ImportProblem {
  /** The row as a spreadsheet shows it: the header is row 1. */
  row: number;
  column: string;
  problem: ImportProblemCode;
}

export interface ImportVariant {
  row: number;
  sku: string;
  title: string;
  price: number;
  /** Absolute stock to hold; undefined leaves an existing variant's stock as it is (new ones: 0). */
  stock?: number;
}

/** One product of the file; fields left blank are undefined, and an update leaves them as they are. */
export interface ImportProduct {
  rows: number[];
  title: string;
  description?: string;
  category?: string;
  images?: string[];
  commissionRateBps?: number;
  variants: ImportVariant[];
}

export interface SheetCheck {
  products: ImportProduct[];
  problems: ImportProblem[];
  /** Data rows (the header and blank rows not counted). */
  rows: number;
}

export const MAX_IMPORT_ROWS = 5000;
const MAX_VARIANTS = 50;
const LIMITS = { title: 200, description: 10_000, category: 40, variantTitle: 120, sku: 64, handle: 100 };

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

function headerOf(cells: readonly string[]) {
  const problems: ImportProblem[] = [];
  const index = new Map<ImportColumn, number>();
  const known = new Map(IMPORT_COLUMNS.map((c) => [c.toLowerCase(), c]));
  cells.forEach((cell, i) => {
    const name = cell.trim();
    if (name === '' || IGNORED_COLUMNS.includes(name.toLowerCase())) return;
    const column = known.get(name.toLowerCase());
    if (!column) problems.push({ row: 1, column: name, problem: 'column_unknown' });
    else if (index.has(column)) problems.push({ row: 1, column, problem: 'column_repeated' });
    else index.set(column, i);
  });
  for (const column of REQUIRED_COLUMNS)
    if (!index.has(column)) problems.push({ row: 1, column, problem: 'column_missing' });
  return { index, problems };
}

const parseInteger = (text: string) => (/^-?\d{1,10}$/.test(text) ? Number(text) : undefined);

/**
 * Checks a sheet's rows (the first is the header) and groups them into products: rows with the same
 * `handle` are one product's variants (its title, description… from its first row); a row without
 * a handle is a product of its own. `price` is in major units of `currency` ("45.50").
 */
export function checkSheet(rows: readonly (readonly string[])[], currency: string): SheetCheck {
  const [head = [], ...body] = rows;
  const { index, problems } = headerOf(head);
  if (problems.some((p) => p.problem === 'column_missing'))
    return { products: [], problems, rows: body.filter((r) => !isBlank(r)).length };

  const products = new Map<string, ImportProduct>();
  const skuRows = new Map<string, number>();
  let count = 0;
  body.forEach((cells, i) => {
    const row = i + 2;
    if (isBlank(cells)) return;
    count += 1;
    const cell = (column: ImportColumn) => {
      const at = index.get(column);
      return at === undefined ? '' : csvText((cells[at] ?? '').trim());
    };
    const problem = (column: ImportColumn, code: ImportProblemCode) =>
      problems.push({ row, column, problem: code });
    const text = (column: keyof typeof LIMITS) => {
      const value = cell(column);
      if (Array.from(value).length > LIMITS[column]) problem(column, 'too_long');
      return value;
    };
    const before = problems.length;

    const handle = text('handle');
    const title = text('title');
    const sku = text('sku');
    if (sku === '') problem('sku', 'required');
    else if (/\s/.test(sku)) problem('sku', 'invalid_sku');
    else if (skuRows.has(sku)) problem('sku', 'sku_repeated');
    const priceText = cell('price');
    const price = priceText === '' ? undefined : parseMajorUnits(priceText, currency);
    if (priceText === '') problem('price', 'required');
    else if (price === undefined) problem('price', 'invalid_price');
    else if (price > 100_000_000_00) problem('price', 'out_of_range');
    const stockText = cell('stock');
    const stock = stockText === '' ? undefined : parseInteger(stockText);
    if (stockText !== '' && stock === undefined) problem('stock', 'invalid_integer');
    else if (stock !== undefined && (stock < 0 || stock > MAX_STOCK)) problem('stock', 'out_of_range');
    const rateText = cell('commissionRateBps');
    const rate = rateText === '' ? undefined : parseInteger(rateText);
    if (rateText !== '' && rate === undefined) problem('commissionRateBps', 'invalid_integer');
    else if (rate !== undefined && (rate < 0 || rate > 10_000)) problem('commissionRateBps', 'out_of_range');
    const images = cell('images')
      .split(/[\s|]+/)
      .filter((u) => u !== '');
    if (images.length > 12 || images.some((u) => !/^(https?:\/\/|\/)\S+$/.test(u) || u.length > 2048))
      problem('images', 'invalid_image');
    const description = text('description');
    const category = text('category');
    const variantTitle = text('variantTitle');

    const key = handle === '' ? `row:${row}` : `handle:${handle}`;
    const product = products.get(key);
    if (!product && title === '') problem('title', 'required');
    if (product && title !== '' && title !== product.title) problem('title', 'title_differs');
    if (product && product.variants.length >= MAX_VARIANTS) problem('sku', 'too_many_variants');
    if (sku !== '') skuRows.set(sku, row);
    if (problems.length > before || price === undefined) return;

    const variant: ImportVariant = {
      row,
      sku,
      title: variantTitle,
      price,
      ...(stock === undefined ? {} : { stock }),
    };
    if (product) {
      product.rows.push(row);
      product.variants.push(variant);
      return;
    }
    products.set(key, {
      rows: [row],
      title,
      ...(description === '' ? {} : { description }),
      ...(category === '' ? {} : { category }),
      ...(images.length === 0 ? {} : { images }),
      ...(rate === undefined ? {} : { commissionRateBps: rate }),
      variants: [variant],
    });
  });
  return { products: [...products.values()], problems, rows: count };
}

/**
 * The problems of products whose SKUs already belong to more than one product (or to one product
 * other than the others'): an import updates one product per file product, found by its SKUs.
 * `owners` maps each SKU known to the catalog to its product's id.
 */
export function skuOwnerProblems(
  products: readonly ImportProduct[],
  owners: ReadonlyMap<string, string>,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const product of products) {
    const ids = new Set(product.variants.flatMap((v) => owners.get(v.sku) ?? []));
    if (ids.size <= 1) continue;
    const first = product.variants.find((v) => owners.has(v.sku))?.sku;
    const home = first === undefined ? undefined : owners.get(first);
    for (const v of product.variants)
      if (owners.has(v.sku) && owners.get(v.sku) !== home)
        problems.push({ row: v.row, column: 'sku', problem: 'sku_elsewhere' });
  }
  return problems;
}

/** Problems in sheet order: by row, then column. */
export const sortProblems = (problems: readonly ImportProblem[]) =>
  [...problems].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
