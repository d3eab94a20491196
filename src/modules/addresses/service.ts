import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  MAX_ADDRESSES,
  optionalText,
  orderAddressOf,
  type SavedPlace,
  startsAsDefault,
  successorDefault,
} from './rules.js';
import type { Address, AddressInput, AddressPatch } from './schemas.js';

export type { Address, AddressInput, AddressPatch };

const placeOf = (row: q.AddressRow): SavedPlace => ({
  name: row.name,
  phone: row.phone,
  province: row.province,
  city: row.city,
  district: row.district,
  line1: row.line1,
  line2: row.line2,
  postalCode: row.postal_code,
  country: row.country,
});

const present = (row: q.AddressRow): Address => ({
  id: row.id,
  ...placeOf(row),
  isDefault: row.is_default,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** The body's fields as columns: required text trimmed, optional text blank → none. */
function columnsOf(input: AddressPatch): Partial<Record<string, string | null>> {
  const columns: Partial<Record<string, string | null>> = {};
  for (const key of ['name', 'phone', 'city', 'line1'] as const)
    if (input[key] !== undefined) columns[key] = (input[key] as string).trim();
  for (const [key, column] of [
    ['province', 'province'],
    ['district', 'district'],
    ['line2', 'line2'],
    ['postalCode', 'postal_code'],
    ['country', 'country'],
  ] as const)
    if (input[key] !== undefined) columns[column] = optionalText(input[key]);
  return columns;
}

export function createAddressesService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  const list = async (userId: string) => ({
    items: (await q.listOf(db, userId)).map(present),
    nextCursor: null,
    max: MAX_ADDRESSES,
  });

  async function create(userId: string, input: AddressInput): Promise<Address> {
    return db.transaction(async (tx) => {
      await q.lockBook(tx, userId);
      const existing = await q.countOf(tx, userId);
      if (existing >= MAX_ADDRESSES)
        throw refuse(
          'address_limit',
          { max: MAX_ADDRESSES },
          `You already keep ${MAX_ADDRESSES} addresses; delete one first`,
        );
      const now = clock.now();
      const columns = columnsOf(input);
      const row = await q.insert(tx, {
        id: newId(),
        user_id: userId,
        name: columns.name as string,
        phone: columns.phone as string,
        province: columns.province ?? null,
        city: columns.city as string,
        district: columns.district ?? null,
        line1: columns.line1 as string,
        line2: columns.line2 ?? null,
        postal_code: columns.postal_code ?? null,
        country: columns.country ?? null,
        is_default: false,
        created_at: now,
        updated_at: now,
      });
      if (!startsAsDefault(existing, input.isDefault)) return present(row);
      await q.makeDefault(tx, userId, row.id, now);
      return present((await q.findOwned(tx, userId, row.id)) as q.AddressRow);
    });
  }

  async function update(userId: string, id: string, patch: AddressPatch): Promise<Address> {
    const columns = columnsOf(patch);
    // Nothing to change is not a change: the address stays as it was, and so does when it was touched.
    const row =
      Object.keys(columns).length === 0
        ? await q.findOwned(db, userId, id)
        : await q.update(db, userId, id, columns, clock.now());
    if (!row) throw notFound('Address');
    return present(row);
  }

  async function setDefault(userId: string, id: string): Promise<Address> {
    return db.transaction(async (tx) => {
      await q.lockBook(tx, userId);
      if (!(await q.findOwned(tx, userId, id))) throw notFound('Address');
      await q.makeDefault(tx, userId, id, clock.now());
      return present((await q.findOwned(tx, userId, id)) as q.AddressRow);
    });
  }

  /** Deletes the address; when it was the default, the one used last becomes the default. */
  async function remove(userId: string, id: string): Promise<void> {
    await db.transaction(async (tx) => {
      await q.lockBook(tx, userId);
      const removed = await q.remove(tx, userId, id);
      if (!removed) throw notFound('Address');
      if (!removed.is_default) return;
      const remaining = await q.listOf(tx, userId);
      const next = successorDefault(
        remaining.map((r) => ({ id: r.id, isDefault: r.is_default, updatedAt: r.updated_at })),
      );
      if (next) await q.makeDefault(tx, userId, next, clock.now());
    });
  }

  /**
   * For checkout: the person's saved address copied as an order's delivery address (with the id
   * it came from), so a later edit of the saved one leaves the order as it was. Someone else's is 404.
   */
  async function deliveryAddress(conn: Queryable, userId: string, id: string) {
    const row = await q.findOwned(conn, userId, id);
    if (!row) throw notFound('Address');
    return orderAddressOf(row.id, placeOf(row));
  }

  /** People with a saved address whose phone contains these digits (the console's phone search). */
  async function usersByPhone(conn: Queryable, digits: string, limit = 500): Promise<string[]> {
    const rows = await conn.query<{ user_id: string }>(
      `SELECT DISTINCT user_id FROM addresses WHERE regexp_replace(phone, '\\D', '', 'g') LIKE $1 LIMIT $2`,
      [`%${digits}%`, limit],
    );
    return rows.map((r) => r.user_id);
  }

  return { list, create, update, setDefault, remove, deliveryAddress, usersByPhone };
}

export type AddressesService = ReturnType<typeof createAddressesService>;
