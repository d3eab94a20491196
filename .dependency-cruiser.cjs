/**
 * Module boundaries, checked by `npm run lint` (dependency-cruiser). Tests may reach inside modules;
 * the application's own code may not:
 *  - a module is used only through its `index.ts`;
 *  - a module depends only on the modules listed for it below (the allowed module graph). `ledger`
 *    is the platform's book-keeping and any module that moves money may use it; `payments` talks to
 *    providers and books, and knows nothing of orders;
 *  - `src/platform` is the kernel and depends on no module;
 *  - `audit` depends on no module, and every module may record into it (operators' changes are
 *    recorded in the transaction that makes them, wherever that is).
 * Changing the graph is a design decision: say why in the commit.
 */
const MODULE_GRAPH = {
  academy: ['accounts'],
  audit: [],
  accounts: [],
  aftersales: ['orders'],
  catalog: [],
  checkins: ['points'],
  competitions: ['accounts', 'coupons', 'distribution', 'ledger', 'orders', 'points'],
  // Communities complete pickup orders (after-sales returns of uncollected ones come through a port).
  communities: ['accounts', 'orders'],
  coupons: ['catalog', 'orders'],
  distribution: ['accounts', 'ledger', 'orders'],
  fulfilment: ['orders'],
  groupbuy: ['catalog', 'orders', 'sharing'],
  honours: ['accounts', 'orders', 'stores'],
  invitations: ['accounts', 'coupons', 'orders', 'points'],
  ledger: [],
  levels: ['accounts', 'coupons', 'orders'],
  // Moderation reaches content through the platform's registry, and people through a port.
  moderation: [],
  // Live rooms read products, names and videos through ports the composition root fills.
  live: [],
  notifications: ['accounts'],
  orders: ['catalog', 'ledger', 'payments'],
  payments: ['ledger'],
  // The console's people: a person's page reads each part from the module that owns it.
  people: ['accounts', 'addresses', 'distribution', 'orders', 'points'],
  points: ['orders'],
  // Posts register their share card with sharing (as group buys do); everything else they need
  // (names, products, uploads, badges, sales) comes through ports wired in app.ts.
  posts: ['sharing'],
  'points-mall': ['catalog', 'coupons', 'orders', 'points'],
  shipping: ['orders'],
  // The recommender shows catalog products and speaks the viewer's language; signals, names and
  // the social graph come through ports it owns (wired in app.ts).
  recommendations: ['accounts', 'catalog'],
  // A review is checked against the order it reviews (the orders module's read).
  reviews: ['orders'],
  'share-earnings': ['catalog', 'distribution'],
  sharing: ['accounts', 'catalog', 'stores'],
  stores: ['accounts', 'catalog'],
  // Shapes of teams (invitations, bindings) and of communities (through a port it owns).
  structure: ['accounts', 'distribution'],
  system: [],
  tasks: ['coupons', 'orders', 'points'],
  // Trust from the orders someone brought (distribution) and their after-sales; reviews,
  // complaints and pickups through ports it owns.
  trust: ['accounts', 'aftersales', 'distribution'],
};

const TESTS = '(\\.test\\.ts$|^test/|/test-steps\\.ts$|/fixtures/)';

const graphRules = Object.entries(MODULE_GRAPH).map(([module, allowed]) => ({
  name: `module-graph-${module}`,
  comment: `${module} may depend on: ${allowed.join(', ') || 'no other module'}`,
  severity: 'error',
  from: { path: `^src/modules/${module}/`, pathNot: TESTS },
  to: { path: `^src/modules/(?!(${[module, 'audit', ...allowed].join('|')})/)[^/]+/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'module-entry-only',
      comment: 'Use another module through its index.ts, never its internals',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TESTS },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'composition-through-entries',
      comment: 'The composition root and the demo use modules through their index.ts',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/modules/', TESTS] },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'src/platform is the kernel: modules depend on it, never the reverse',
      severity: 'error',
      from: { path: '^src/platform/', pathNot: TESTS },
      to: { path: '^src/(modules/|app\\.ts|main\\.ts|reactions\\.ts)' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing package',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    ...graphRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
    },
  },
};
