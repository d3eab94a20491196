/**
 * English texts of the refusals of the catalog, stores and accounts (sign-up, sign-in): one per
 * reason of those modules, and field errors by field and rule. Spread into problems-en.ts.
 */
export const catalogReasonsEn = {
  out_of_stock_one: 'Not enough stock: only {{count}} left of this item.',
  out_of_stock_other: 'Not enough stock: only {{count}} left of this item.',
  insufficient_stock: 'There are only {{available}} in stock, so at most {{available}} can be removed.',
  stock_above_maximum: 'Stock cannot go above {{max}}; there are {{available}} now.',
  stock_changed:
    'The stock changed while you were editing: it is {{available}} now, not {{expected}}. Check and try again.',
  sku_taken: 'Another product already uses the SKU “{{sku}}”. Choose another.',
  product_archived: 'This product is no longer sold.',
  import_unreadable:
    'This file cannot be read: a quote opened on line {{line}} is never closed, or it is not an XLSX workbook.',
  import_too_many_rows: 'The file has {{rows}} rows; one import takes at most {{max}}. Split it.',
  import_no_rows: 'The file has a header but no rows to import.',
  import_has_problems_one: 'One row has a problem. Check the file to see it, fix it and send it again.',
  import_has_problems_other:
    '{{count}} rows have problems. Check the file to see them, fix them and send it again.',
  bulk_too_many: 'Choose at most {{max}} products for one action.',
  slug_taken: 'The address “{{slug}}” is taken by another store. Choose another.',
  one_store_per_shopkeeper: 'You already have a store: a shopkeeper runs one store.',
  shopkeeper_required: 'Become a shopkeeper first to open a store.',
  shopkeeper_approval_pending: 'Your shopkeeper application is waiting for approval.',
  store_listing_limit_one: 'A store can list at most {{count}} product.',
  store_listing_limit_other: 'A store can list at most {{count}} products.',
  email_taken: 'An account with this email already exists. Sign in instead.',
  invalid_credentials: 'Wrong email or password.',
  account_locked_one:
    'Too many wrong passwords for this account. Try again in {{count}} second, or reset your password.',
  account_locked_other:
    'Too many wrong passwords for this account. Try again in {{count}} seconds, or reset your password.',
};

/** Field errors of these modules' own checks, by field (last segment of the path) and rule. */
export const catalogFieldRulesEn = {
  sku: { unique: 'Each variant needs its own SKU: this one is used twice.' },
  stock: {
    stockReadOnly: 'Stock of a saved variant changes only with “Adjust stock”.',
    unchanged: 'The new stock is what is in stock already.',
    notWith: 'Either add or remove units, or set the stock, not both.',
  },
  expected: { notWith: 'Either add or remove units, or set the stock, not both.' },
  delta: { notZero: 'Enter a number of units other than 0.' },
  id: { notOfProduct: 'This variant belongs to another product. Reload the page.' },
  slug: {
    pattern: 'Use lowercase letters, digits and single dashes between them, like “tea-corner”.',
    reserved: 'This address is reserved. Choose another.',
  },
  inviteCode: { unknown: 'Nobody has this invitation code. Check it, or leave it empty.' },
  language: { enum: 'Choose English or 简体中文.' },
  maxPrice: { minimum: 'The highest price must not be below the lowest.' },
};

/** Field labels these modules add. */
export const catalogFieldsEn = {
  delta: 'a number of units',
  expected: 'the stock you saw',
  reason: 'a reason',
  language: 'a language',
  logo: 'a logo address',
  intro: 'an introduction',
  images: 'image addresses',
  category: 'a category',
  variants: 'variants',
  commissionRateBps: 'a commission rate',
  leaderRateBps: 'a community leader rate',
};
