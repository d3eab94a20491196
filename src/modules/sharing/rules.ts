import { identifierCookie } from '../../platform/http/cookies.js';
import { refuse } from './reasons.js';

/** Pure rules of sharing: targets, codes, landing paths, cookies, and text for pages and posters. */

export const TARGET_TYPES = ['product', 'store', 'group', 'post'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export interface ShareTarget {
  type: TargetType;
  id: string;
}

export interface TargetInput {
  productId?: string;
  storeId?: string;
  groupId?: string;
  postId?: string;
}

const TARGET_FIELDS: ReadonlyArray<[keyof TargetInput, TargetType]> = [
  ['productId', 'product'],
  ['storeId', 'store'],
  ['groupId', 'group'],
  ['postId', 'post'],
];

/** A link points at exactly one thing: a body naming none, or two, is refused. */
export function shareTarget(input: TargetInput): ShareTarget {
  const named = TARGET_FIELDS.filter(([field]) => input[field] !== undefined);
  const [first] = named;
  if (named.length !== 1 || !first) {
    throw refuse(
      'share_target_one_required',
      { named: named.length },
      'Name exactly one of productId, storeId, groupId or postId',
    );
  }
  return { type: first[1], id: input[first[0]] as string };
}

// 62^9 ≈ 1.35e16 codes: guessing a live one is hopeless even with millions of links.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SHARE_CODE_LENGTH = 9;
export const SHARE_CODE_ALPHABET = BASE62;
const SHARE_CODE_PATTERN = /^[0-9A-Za-z]{6,16}$/;

/** Cheap check before any cache or database lookup: junk paths never reach the database. */
export const looksLikeShareCode = (code: string): boolean => SHARE_CODE_PATTERN.test(code);

/** A landing page with the code riding along, so the page can show the sharer's disclosure. */
export function withRef(path: string, code: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}ref=${encodeURIComponent(code)}`;
}

export const shareUrl = (origin: string, code: string) => `${origin}/s/${code}`;

export const REF_COOKIE = 'fission_ref';
export const DEVICE_COOKIE = 'fission_device';
export const REF_COOKIE_MAX_AGE_S = 30 * 24 * 60 * 60;
const DEVICE_COOKIE_MAX_AGE_S = 2 * 365 * 24 * 60 * 60;
const MIN_DEVICE_ID_LENGTH = 16;

/** A device id the browser sent, if it is one we could have issued; anything else gets a new id. */
export function knownDeviceId(cookieHeader: string | undefined): string | undefined {
  const value = identifierCookie(cookieHeader, DEVICE_COOKIE);
  return value && value.length >= MIN_DEVICE_ID_LENGTH ? value : undefined;
}

/** Lax: the cookie rides along on the top-level navigation that follows a tap on the link. */
function cookie(name: string, value: string, maxAgeS: number, secure: boolean): string {
  return `${name}=${value}; Max-Age=${maxAgeS}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export const refCookie = (code: string, secure: boolean) =>
  cookie(REF_COOKIE, code, REF_COOKIE_MAX_AGE_S, secure);
export const deviceCookie = (deviceId: string, secure: boolean) =>
  cookie(DEVICE_COOKIE, deviceId, DEVICE_COOKIE_MAX_AGE_S, secure);

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML and SVG, in element content and in quoted attributes alike. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** `amount` minor units as a price in `currency`, computed on strings so no float is involved. */
export function formatPrice(amount: number, currency: string, locale = 'en'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const sign = amount < 0 ? '-' : '';
  const abs = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const decimal = digits > 0 ? `${whole}.${abs.slice(abs.length - digits)}` : whole;
  // Intl formats decimal strings exactly (ES2023 NumberFormat v3).
  return format.format(`${sign}${decimal}` as unknown as number);
}

/**
 * How many columns a character takes on a poster: Chinese, Japanese and Korean characters and
 * full-width forms are about twice as wide as a Latin letter.
 */
export function columnsOf(char: string): 1 | 2 {
  const code = char.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

const widthOf = (chars: readonly string[]) => chars.reduce((sum, c) => sum + columnsOf(c), 0);

/**
 * Splits text into at most `maxLines` lines of at most `perLine` columns (a Chinese character
 * counts two), breaking at spaces when it can (and anywhere for text without spaces, such as
 * Chinese); an ellipsis marks a cut.
 */
export function wrapText(text: string, perLine: number, maxLines: number): string[] {
  const chars = Array.from(text.trim().replace(/\s+/g, ' '));
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length && lines.length < maxLines) {
    let end = start;
    let width = 0;
    // At least one character a line, so a line never stalls on a character wider than the line.
    while (end < chars.length && (end === start || width + columnsOf(chars[end] as string) <= perLine)) {
      width += columnsOf(chars[end] as string);
      end++;
    }
    if (end < chars.length) {
      const space = chars.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    lines.push(chars.slice(start, end).join('').trim());
    start = end;
    while (chars[start] === ' ') start++;
  }
  if (start < chars.length && lines.length > 0) {
    const last = Array.from(lines[lines.length - 1] ?? '');
    while (last.length > 1 && widthOf(last) + 1 > perLine) last.pop();
    lines[lines.length - 1] = `${last.join('')}…`;
  }
  return lines;
}

/** Text cut to `max` characters with an ellipsis, for descriptions in preview cards. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.trim().replace(/\s+/g, ' '));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** What an attributed order has added to its link so far. */
export interface AttributedOrder {
  total: number;
  refundedAmount: number;
  fullyRefunded: boolean;
}

/** A refund as the order events tell it: cumulative refunded total, or the whole order. */
export type RefundNews = { kind: 'partial'; refundedAmount: number } | { kind: 'full' };

/**
 * How a refund changes a link's figures. The rule: a link's GMV is what its orders paid less what
 * was refunded, and an order stops counting only when fully refunded. A partial refund carries the
 * order's cumulative refunded total, so its news is applied as "refunded is now R": the same event
 * seen twice, or out of order, takes nothing twice. Amounts never go below zero or above the total.
 */
export function applyRefund(
  order: AttributedOrder,
  news: RefundNews,
): { next: AttributedOrder; orders: number; gmv: number } {
  const wanted = news.kind === 'full' ? order.total : Math.min(order.total, news.refundedAmount);
  const refundedAmount = Math.max(order.refundedAmount, wanted);
  const fullyRefunded = order.fullyRefunded || news.kind === 'full';
  return {
    next: { total: order.total, refundedAmount, fullyRefunded },
    orders: fullyRefunded && !order.fullyRefunded ? -1 : 0,
    gmv: order.refundedAmount - refundedAmount,
  };
}
