/** The sections of the API reference at `/docs`, in reading order. Every operation carries one or more. */
export const API_TAGS = [
  { name: 'system', description: 'Health, configuration and metrics.' },
  { name: 'accounts', description: 'Sign-up, sign-in, the signed-in person and their settings.' },
  { name: 'catalog', description: 'Products, variants, categories and stock.' },
  { name: 'stores', description: 'Shopkeepers and their micro-stores on the operator’s catalog.' },
  {
    name: 'communities',
    description: 'Community leaders, their communities and pickup points, delivery waves and pickup codes.',
  },
  { name: 'addresses', description: 'The signed-in person’s saved delivery addresses (one default).' },
  { name: 'orders', description: 'Checkout, the buyer’s orders, cancellation and receipt.' },
  { name: 'payments', description: 'Paying an order, provider webhooks, refunds and disputes.' },
  { name: 'shipping', description: 'Shipping templates, each product’s template, and the fee of a cart.' },
  { name: 'fulfilment', description: 'Shipping orders and tracking shipments.' },
  { name: 'after-sales', description: 'Refund and return requests after delivery.' },
  { name: 'sharing', description: 'Share links, posters, previews and their statistics.' },
  { name: 'distribution', description: 'Bindings, commissions, the wallet and withdrawals.' },
  { name: 'structure', description: 'How teams and communities are built: tower, umbrella or honeycomb.' },
  { name: 'trust', description: 'Trust values of shopkeepers and leaders, with their parts.' },
  { name: 'group-buys', description: 'Group-buy campaigns, groups and seats.' },
  {
    name: 'flash-sales',
    description:
      'Flash sales: a variant at a special price in a window, with a quantity and a per-person limit.',
  },
  {
    name: 'bargains',
    description:
      'Bargains ("help me cut the price"): friends each cut a started bargain once, down to a floor.',
  },
  {
    name: 'gifts',
    description:
      'Gifts ("buy for a friend"): a paid order’s claim link, the friend’s claim with their address, and refunds of unclaimed gifts.',
  },
  { name: 'coupons', description: 'Coupon templates, claims and share-to-unlock coupons.' },
  { name: 'invitations', description: 'Invitation codes and the rewards they earn.' },
  { name: 'points', description: 'Points: the balance, lots and when they expire, history, settings.' },
  { name: 'check-ins', description: 'The daily check-in, its streak and the streak bonus table.' },
  { name: 'levels', description: 'Membership levels by growth value and their benefits.' },
  { name: 'tasks', description: 'Tasks with a target and a reward, and each person’s progress.' },
  { name: 'honours', description: 'Badges with tiers for shopkeepers and promoters.' },
  { name: 'competitions', description: 'Competitions, live leaderboards and their prizes.' },
  { name: 'academy', description: 'Lessons for shopkeepers, their completion, and the Q&A board.' },
  {
    name: 'posts',
    description: 'Posts and purchase lists, likes, comments, follows, profiles and the feed.',
  },
  { name: 'live', description: 'Live rooms: sessions with pinned products, chat and event streams.' },
  { name: 'points-mall', description: 'Items that cost points, and redeeming them.' },
  {
    name: 'reviews',
    description: 'Verified-purchase reviews of orders, follow-ups and products’ rating summaries.',
  },
  {
    name: 'moderation',
    description: 'Reporting public content; the console’s queue, hiding and bans from posting.',
  },
  { name: 'uploads', description: 'Images: product pictures, store logos, later posts and reviews.' },
  { name: 'notifications', description: 'The bell, email preferences and notification history.' },
  { name: 'audit', description: 'The audit log: who changed what, when, before → after; its retention.' },
  {
    name: 'analytics',
    description: 'The operator’s dashboard: sales by day and channel, the fission funnel, K-factor.',
  },
  {
    name: 'simulator',
    description:
      'The incentive simulator: a scheme played out over a population, week by week, before paying for it.',
  },
  {
    name: 'recommendations',
    description: 'Products for each person with why, people also bought, friends-bought badges, trainings.',
  },
  { name: 'admin', description: 'The operator’s console: every route here needs the admin role.' },
  { name: 'testing', description: 'Only when the test clock is on: moves time for acceptance runs.' },
];
