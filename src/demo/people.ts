/**
 * The demo shop's people, with fixed credentials the README publishes. Invitations form a chain
 * shopkeeper → buyer 1 → buyer 2, so two-level commissions can be tried out straight away.
 */
import type { Language, Role } from '../modules/accounts/index.js';

export interface DemoPerson {
  key: 'shopkeeper' | 'buyer1' | 'buyer2' | 'buyer3' | 'support';
  email: string;
  password: string;
  name: string;
  roles: Role[];
  /** The person whose invite code this one signed up with. */
  invitedBy?: DemoPerson['key'];
  /** What their notifications and emails are written in (English unless set). */
  language?: Language;
}

/** In creation order: an inviter always comes before the people it invited. */
export const demoPeople: readonly DemoPerson[] = [
  {
    key: 'shopkeeper',
    email: 'shopkeeper@fission.demo',
    password: 'demo-shopkeeper',
    name: 'Lin Xiaomei',
    roles: ['shopkeeper'],
  },
  {
    key: 'buyer1',
    email: 'buyer1@fission.demo',
    password: 'demo-buyer-1',
    name: 'Chen Jie',
    roles: [],
    invitedBy: 'shopkeeper',
  },
  {
    key: 'buyer2',
    email: 'buyer2@fission.demo',
    password: 'demo-buyer-2',
    name: 'Wang Fang',
    roles: [],
    invitedBy: 'buyer1',
    language: 'zh-CN',
  },
  { key: 'buyer3', email: 'buyer3@fission.demo', password: 'demo-buyer-3', name: 'Zhao Lei', roles: [] },
  // Support staff: the console's orders, shipping, after-sales and people, not settings or payouts.
  {
    key: 'support',
    email: 'support@fission.demo',
    password: 'demo-support',
    name: 'Sun Li',
    roles: ['operator'],
  },
];

/** Created only when no administrator exists yet, i.e. when ADMIN_EMAIL is not configured. */
export const demoAdmin = { email: 'admin@fission.demo', password: 'demo-admin' } as const;
