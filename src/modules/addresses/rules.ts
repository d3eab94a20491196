/** Pure rules of the address book: no I/O. */

/** Saved addresses one person may keep; the book is shown whole, never paged. */
export const MAX_ADDRESSES = 20;

export interface BookEntry {
  id: string;
  isDefault: boolean;
  updatedAt: Date;
}

/**
 * The address to become the default after the default one was deleted: the one touched last, as it
 * is the likeliest to be used next (ties: the larger id, which is the newer uuidv7). Null when none is left.
 */
export function successorDefault(remaining: readonly BookEntry[]): string | null {
  if (remaining.some((e) => e.isDefault)) return null;
  let best: BookEntry | null = null;
  for (const entry of remaining) {
    if (
      !best ||
      entry.updatedAt.getTime() > best.updatedAt.getTime() ||
      (entry.updatedAt.getTime() === best.updatedAt.getTime() && entry.id > best.id)
    )
      best = entry;
  }
  return best?.id ?? null;
}

/** A new address is the default when asked, and always when it is the person's first. */
export const startsAsDefault = (existing: number, asked: boolean | undefined): boolean =>
  existing === 0 || asked === true;

export interface SavedPlace {
  name: string;
  phone: string;
  province: string | null;
  city: string;
  district: string | null;
  line1: string;
  line2: string | null;
  postalCode: string | null;
  country: string | null;
}

/** The saved address as an order's delivery address: the same fields, empty parts left out. */
export function orderAddressOf(id: string, saved: SavedPlace): Record<string, string> {
  const address: Record<string, string> = { addressId: id };
  for (const [key, value] of Object.entries(saved)) if (value) address[key] = value;
  return address;
}

/** Blank optional text is stored as none, so a cleared line reads the same as one never given. */
export const optionalText = (value: string | null | undefined): string | null => value?.trim() || null;
