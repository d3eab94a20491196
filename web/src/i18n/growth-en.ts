/** English strings shared by the growth system's pages; each part keeps its own file beside this one. */
export const growthEn = {
  growth: {
    title: 'Rewards and growth',
    pages: {
      checkIn: 'Daily check-in',
      points: 'My points',
      level: 'My level',
      tasks: 'Tasks',
      pointsMall: 'Points mall',
      badges: 'Badges',
      competitions: 'Competitions',
      academy: 'Academy',
    },
  },
};

/** Refusals of the growth system's modules (points, check-ins, tasks, the points mall, …). */
export const growthReasonsEn = {
  not_enough_points: 'You have {{balance}} points; this needs {{needed}}.',
};
