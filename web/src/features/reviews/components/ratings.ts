export const RATINGS = [1, 2, 3, 4, 5] as const;

/** Up to this many photos per review or follow-up (the server's limit). */
export const MAX_REVIEW_PHOTOS = 9;

/** The width of a histogram bar: its share of all reviews, in whole percent. */
export const barPercent = (count: number, total: number) =>
  total === 0 ? 0 : Math.round((count * 100) / total);
