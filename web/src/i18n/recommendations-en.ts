/** English strings of recommendations ("for you", people also bought) and their console page. */
export const recommendationsEn = {
  recommendations: {
    forYou: 'For you',
    popular: 'Popular now',
    empty: 'Nothing to recommend yet: look around, and what you and your friends like will show here.',
    alsoBought: 'People also bought',
  },
  adminRecommendations: {
    nav: 'Recommendations',
    title: 'Recommendations',
    intro:
      'The recommender retrains every 6 hours in a background thread, and is measured on the shop’s own orders of the last week: trained on what came before, how many of those orders were in its top 10.',
    retrain: 'Retrain now',
    queued: 'A training is queued; it starts within a few seconds.',
    none: 'No training yet.',
    startedAt: 'Started',
    finishedAt: 'Last trained',
    status: 'Status',
    statuses: { running: 'Running', done: 'Done', failed: 'Failed' },
    duration: 'Took',
    memory: 'Memory',
    memoryValue: 'model {{model}}, training thread {{heap}}',
    size: 'Trained on',
    sizeValue: '{{users}} people, {{items}} products, {{interactions}} interactions',
    model: 'Model',
    recall: 'Recall@{{k}}',
    recallValue_one: '{{recall}} (most popular: {{popular}}) over {{count}} buyer’s orders after {{cutoff}}',
    recallValue_other:
      '{{recall}} (most popular: {{popular}}) over {{count}} buyers’ orders after {{cutoff}}',
    noHeldOut: 'No orders in the last week to measure on yet.',
    repurchase: 'Repurchase item',
    repurchaseHint:
      'Bought again and again (tea, rice): recommended even to someone who bought it in the last 30 days.',
  },
};
