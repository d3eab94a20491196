/** Pure store rules: what a store's public address may be, and how much one store may list. */
import type { ReasonParams } from '../../platform/errors.js';
import { defineMachine } from '../../platform/state-machine.js';

/**
 * A shopkeeper application waits for the operator (approval on) or is approved at once (off). The
 * operator may turn it down; the applicant may then apply again, which makes it pending once more.
 */
export type ApplicationStatus = 'pending' | 'approved' | 'rejected';
export const applicationMachine = defineMachine<ApplicationStatus>('shopkeeper application', {
  pending: ['approved', 'rejected'],
  approved: [],
  rejected: ['pending', 'approved'],
});

/** The most a rejection reason may say: a sentence or two, shown to the applicant as written. */
export const MAX_REJECT_REASON = 500;

export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 40;

// Lowercase letters and digits, single dashes between them: safe in a URL and easy to say aloud.
const SLUG_PATTERN = /^[a-z0-9](-?[a-z0-9])*$/;

/**
 * Words a store may not take: they would read as the platform's own pages or paths
 * (`/admin`, `/api`, `/s/<code>`), or pass for the operator speaking.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'about',
  'account',
  'admin',
  'api',
  'app',
  'assets',
  'by-id',
  'cart',
  'checkout',
  'docs',
  'fission',
  'health',
  'help',
  'login',
  'logout',
  'me',
  'metrics',
  'new',
  'official',
  'operator',
  'orders',
  'platform',
  'products',
  'register',
  's',
  'settings',
  'shop',
  'shopkeepers',
  'shops',
  'signin',
  'signup',
  'static',
  'store',
  'stores',
  'support',
  'system',
  'www',
]);

/** People type slugs with stray spaces and capitals; addresses are compared in this form. */
export const normalizeSlug = (input: string) => input.trim().toLowerCase();

/** Why a slug is refused: the rule a client words it by (with its params), and English. */
export interface SlugProblem {
  rule: 'minLength' | 'maxLength' | 'pattern' | 'reserved';
  params?: ReasonParams;
  message: string;
}

/** Why a (normalized) slug is refused, or null when a store may take it. */
export function slugProblem(slug: string): SlugProblem | null {
  const length = `must be ${SLUG_MIN_LENGTH} to ${SLUG_MAX_LENGTH} characters`;
  if (slug.length < SLUG_MIN_LENGTH)
    return { rule: 'minLength', params: { limit: SLUG_MIN_LENGTH }, message: length };
  if (slug.length > SLUG_MAX_LENGTH)
    return { rule: 'maxLength', params: { limit: SLUG_MAX_LENGTH }, message: length };
  if (!SLUG_PATTERN.test(slug))
    return {
      rule: 'pattern',
      message: 'may hold only lowercase letters, digits and single dashes between them',
    };
  if (RESERVED_SLUGS.has(slug)) return { rule: 'reserved', message: 'is reserved' };
  return null;
}

/** The public store page lists every product at once, so a store's listing is bounded. */
export const MAX_LISTED_PRODUCTS = 200;
