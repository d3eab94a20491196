/**
 * Normalized keys of a delivery address and phone, so that two orders shipping to one place match
 * however the address was typed: case, spacing, punctuation and full-width characters do not count,
 * and neither does the recipient's name (a ring ships to one door under many names).
 */

/** Case, full-width forms (ＡＢＣ１２３ → abc123), whitespace, punctuation and symbols removed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The address fields that say where a parcel goes (the name is not one of them). */
const PLACE_FIELDS = ['line1', 'line2', 'city', 'postalCode', 'country'] as const;

/** The address's key, or null when it names no place. */
export function addressKey(address: Record<string, string> | null | undefined): string | null {
  if (!address) return null;
  const key = PLACE_FIELDS.map((f) => normalizeText(address[f] ?? '')).join('|');
  return key.replace(/\|/g, '') === '' ? null : key;
}

/** Country calling codes stripped from numbers written with one (+86 138…, 0086 138…). */
const COUNTRY_CODES = ['852', '853', '886', '86', '81', '82', '65', '61', '60', '49', '44', '33', '1'];

/**
 * The phone's digits without the country code: "+86 138-0013-8000", "0086 13800138000" and
 * "138 0013 8000" are one number. Null when fewer than 5 digits remain.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const written = phone.normalize('NFKC').trim();
  let digits = written.replace(/\D/g, '');
  const international = written.startsWith('+') || digits.startsWith('00');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (international) {
    const code = COUNTRY_CODES.find((c) => digits.startsWith(c));
    if (code) digits = digits.slice(code.length);
  } else if (digits.length === 13 && digits.startsWith('861')) {
    // A Chinese mobile number written with its country code but no "+".
    digits = digits.slice(2);
  }
  return digits.length >= 5 ? digits : null;
}
