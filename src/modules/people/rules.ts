/** Pure rules of the console's people list. */

/**
 * The digits to look phone numbers up by, when the search text reads as one (at least five digits
 * and nothing but digits, spaces, dashes, dots, brackets and a leading +), else undefined: an
 * email or a name is never searched as a phone.
 */
export function phoneDigits(text: string): string | undefined {
  const written = text.normalize('NFKC').trim();
  if (!/^\+?[\d\s\-.()]+$/.test(written)) return undefined;
  const digits = written.replace(/\D/g, '');
  return digits.length >= 5 ? digits : undefined;
}

/** `to` is a day the operator means inclusively: the list takes sign-ups before the next midnight (UTC). */
export function dayRange(from?: string, to?: string): { from?: Date; before?: Date } {
  const start = from ? new Date(`${from}T00:00:00.000Z`) : undefined;
  const end = to ? new Date(new Date(`${to}T00:00:00.000Z`).getTime() + 86_400_000) : undefined;
  return { from: start, before: end };
}
