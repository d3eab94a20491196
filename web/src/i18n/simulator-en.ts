/** English strings of the console's incentive simulator. */
export const simulatorEn = {
  simulator: {
    nav: 'Incentive simulator',
    title: 'Incentive simulator',
    intro:
      'Try two incentive schemes on the same simulated population before paying for either. Each run plays out sharing and buying week by week; the figures are the mean across runs, with the 10th–90th percentile band beneath.',
    scheme: 'Scheme {{name}}',
    level: 'Commission level {{level}} (%)',
    groupSize: 'Group size',
    groupSizeHint: 'Blank for no group buy',
    groupDiscount: 'Group discount (%)',
    invitationReward: 'Invitation reward',
    couponOff: 'New customer coupon: amount off',
    couponMinSpend: 'Coupon minimum spend',
    policyProfile: 'Market policy profile',
    population: 'Population',
    kind: 'Who the schemes are tried on',
    kinds: { synthetic: 'A synthetic network', shop: 'This shop' },
    kindHint: {
      synthetic: 'A simulated network of the size and shape you choose, with the rates you set.',
      shop: 'This shop’s own people and who knows whom (invitations, bindings, follows, communities); its buyers are the customers at the start, and the rates are measured from its data.',
    },
    shop: {
      loading: 'Reading the shop…',
      size: '{{people}} people, {{friendships}} friendships, {{customers}} customers at the start.',
      window:
        'Rates measured from {{from}} to {{to}} (the last {{days}} days). Type a value to override one; leave it blank to keep it.',
      empty: 'The shop has nobody yet: the simulation would have no one to reach.',
      source: {
        measured: 'Measured: {{value}}',
        default: 'Not measurable yet (no data): default {{value}}',
        override: 'Your value (measured one overridden)',
      },
    },
    degree: 'Friendship network',
    degrees: { 'power-law': 'Power-law (preferential attachment)', poisson: 'Poisson (random friendships)' },
    degreeHint: {
      'power-law':
        'Barabási–Albert: each newcomer befriends people in proportion to how many friends they have, so a few people have very many friends, as in real social networks.',
      poisson:
        'Erdős–Rényi: friendships drawn uniformly at random, so most people have close to the mean number.',
    },
    fields: {
      people: 'People',
      meanDegree: 'Mean friends per person',
      seedCustomers: 'Customers at the start',
      shareRate: 'Share rate with no incentive (%)',
      visitRate: 'Friends who open a share (%)',
      orderRate: 'Visitors who order, no discount (%)',
      repeatRate: 'Customers who reorder each week (%)',
      averageOrderValue: 'Average order value',
      margin: 'Gross margin (%)',
      weeks: 'Weeks',
      runs: 'Runs',
      seed: 'Seed',
    },
    run: 'Run both schemes',
    cancel: 'Cancel',
    running: 'Simulation progress',
    progress: '{{percent}}% done',
    emptyTitle: 'No simulation yet',
    emptyText: 'Set up scheme A and scheme B, choose a population and run them: the comparison shows here.',
    results: 'A against B',
    model: '{{people}} people, {{friendships}} friendships; both schemes ran on the same network and seed.',
    noWarnings: 'Scheme {{name}}: no warnings.',
    total: 'Over all weeks',
    weekColumn: 'Week',
    week: 'Week {{week}}',
    metric: {
      gmv: 'GMV',
      newCustomers: 'New customers',
      payout: 'Payout',
      marginAfterPayout: 'Margin after payout',
    },
    warning: {
      payout_over_margin_share:
        'payout takes {{value}}% of the gross margin, more than the {{limit}}% allowed.',
      levels_beyond_policy: 'pays {{value}} commission levels; the policy profile allows {{limit}}.',
      payout_over_policy_cap:
        'commission totals {{value}}% of the order; the policy profile caps it at {{limit}}%.',
      policy_forbids: 'the policy profile forbids {{rule}}.',
    },
    rule: { recruitmentRewards: 'rewards for recruiting people' },
    recent: 'Earlier simulations',
    recentNone: 'No simulations yet.',
    recentScheme: 'Scheme',
    recentPopulation: 'Population',
    recentStatus: 'Status',
    recentPeople: '{{people}} people · {{weeks}} weeks × {{runs}} runs',
    recentShop: 'This shop · {{weeks}} weeks × {{runs}} runs',
    status: { running: 'Running', done: 'Done', failed: 'Failed' },
    failureShort: { cancelled: 'cancelled', lost: 'server stopped', error: 'error' },
    showAs: { a: 'Show as A', b: 'Show as B' },
    failure: {
      cancelled: 'The simulation was cancelled.',
      lost: 'The server running this simulation stopped. Run it again.',
      error: 'The simulation failed. Try fewer people or runs.',
    },
  },
};

export const simulatorProblemsEn = {
  reasons: {
    simulation_payout_over_order:
      'Commission on all levels plus the group discount is {{totalBps}} bps: more than the whole order.',
    simulation_too_many_seeds: 'At most {{max}} customers at the start: half the people.',
    simulation_too_large:
      'That is too much work at once: people × runs may be at most {{maxPersonRuns}}. Use fewer runs.',
    simulation_busy: 'The server is already running {{running}} simulations. Try again in a moment.',
    simulation_finished: 'This simulation has already finished.',
  },
};
