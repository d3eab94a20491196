/**
 * Money is integer minor units everywhere (API.md). The number of minor digits comes from the
 * currency itself (CNY 2, JPY 0), so conversions ask Intl instead of assuming cents.
 */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/**
 * Formats minor units for display. Intl is given the exact decimal as a string ("12.90"), not
 * `minor / 100`: the division is a float, and above about 2^46 minor units it rounds to the
 * neighbouring cent (9007199254740991 showed as …409.90). A string is formatted digit for digit.
 */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = minorDigits(currency);
  const exact = formatDecimal(minor, digits) as `${number}`;
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(exact);
}

/**
 * Parses a decimal typed by a person ("12.9", "1,299.00") into an integer of `digits` decimals
 * by string arithmetic, so "0.29" becomes 29 and never 28.999999. Returns null when the text is
 * not a non-negative amount with at most `digits` decimals.
 */
export function parseDecimal(text: string, digits: number): number | null {
  const cleaned = text.trim().replace(/[,\s]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned) ?? /^()\.(\d+)$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const value = Number(`${whole || '0'}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(value) ? value : null;
}

/** The inverse of parseDecimal for prefilling inputs: 1290 with 2 digits → "12.90". */
export function formatDecimal(value: number, digits: number): string {
  if (digits === 0) return String(value);
  const text = String(Math.abs(value)).padStart(digits + 1, '0');
  const sign = value < 0 ? '-' : '';
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
