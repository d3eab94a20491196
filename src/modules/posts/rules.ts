import { storableInstant } from '../../platform/clock.js';
import { invalidInput } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.js';

/** Pure rules of posts: the feed's popularity score, its cursor, and what a post may name. */

/**
 * Weights of the popularity score: a purchase through a post says more than a comment, a comment
 * more than a like. Stated once, here, and in the feed's route description.
 */
export const SCORE_WEIGHTS = { like: 1, comment: 2, purchase: 5 } as const;
/** Hours added to a post's age, so a brand-new post is not divided by zero (nor by almost zero). */
export const SCORE_AGE_OFFSET_HOURS = 2;
/** How fast a post's score decays with age (Hacker News' gravity). */
export const SCORE_GRAVITY = 1.5;
/**
 * Only posts published in this many days before the feed's moment are scored for its popular part:
 * every feed page scores each candidate, so the candidates must be bounded, and at 30 days a post
 * with no reactions scores under 1/19,000 of a new one (the followed part keeps older posts).
 */
export const POPULAR_WINDOW_DAYS = 30;

export interface ScoreInputs {
  likes: number;
  comments: number;
  purchases: number;
  ageHours: number;
}

/**
 * score = (likes + 2·comments + 5·purchases + 1) / (ageHours + 2)^1.5. The +1 ranks a new post
 * with no reactions above an old one with none. The SQL in feed queries computes the same figure.
 */
export function popularityScore({ likes, comments, purchases, ageHours }: ScoreInputs): number {
  const points =
    SCORE_WEIGHTS.like * likes + SCORE_WEIGHTS.comment * comments + SCORE_WEIGHTS.purchase * purchases + 1;
  return points / (Math.max(0, ageHours) + SCORE_AGE_OFFSET_HOURS) ** SCORE_GRAVITY;
}

/**
 * Where a reader is in the feed: both parts are read as they stood at `asOf` (the first page's
 * time), so later pages neither repeat nor skip a post because of what happened since.
 * `following`: the last post of followed people shown (newest first); `popular`: the last score.
 */
export type FeedCursor =
  | { part: 'following'; asOf: string; at: string; id: string }
  | { part: 'popular'; asOf: string; score: number; id: string };

export function encodeFeedCursor(cursor: FeedCursor): string {
  return cursor.part === 'following'
    ? encodeCursor(['f', cursor.asOf, cursor.at, cursor.id])
    : encodeCursor(['p', cursor.asOf, cursor.score, cursor.id]);
}

const badCursor = () => invalidInput('/query/cursor', 'is not a cursor this server issued', 'cursor');

const instant = (value: unknown): string => {
  const at = typeof value === 'string' ? storableInstant(value) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw badCursor();
  return at.toISOString();
};

export function decodeFeedCursor(cursor: string | undefined): FeedCursor | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [part, asOf, position, id] = key;
  if (key.length !== 4 || typeof id !== 'string') throw badCursor();
  if (part === 'f') return { part: 'following', asOf: instant(asOf), at: instant(position), id };
  if (part === 'p' && typeof position === 'number' && position >= 0)
    return { part: 'popular', asOf: instant(asOf), score: position, id };
  throw badCursor();
}

/** A video link must be https (the schema's pattern) and parse as a URL. */
export function checkVideoUrl(url: string | null | undefined): void {
  if (url === null || url === undefined) return;
  try {
    if (new URL(url).protocol === 'https:') return;
  } catch {}
  throw invalidInput('/videoUrl', 'must be an https URL', 'format', { format: 'https-url' });
}

/** The product ids a post names, tags first, then list lines, each once. */
export function namedProducts(productIds: readonly string[], listItems: readonly { productId: string }[]) {
  return [...new Set([...productIds, ...listItems.map((i) => i.productId)])];
}

/** Field errors for the ids the catalog does not know (or archived): a 400 naming each. */
export function unknownProductError(
  productIds: readonly string[],
  listItems: readonly { productId: string }[],
  known: ReadonlySet<string>,
) {
  const tag = productIds.findIndex((id) => !known.has(id));
  if (tag >= 0)
    return invalidInput(`/productIds/${tag}`, 'is not a product of the catalog', 'unknown_product', {
      productId: productIds[tag] as string,
    });
  const line = listItems.findIndex((i) => !known.has(i.productId));
  if (line >= 0)
    return invalidInput(
      `/listItems/${line}/productId`,
      'is not a product of the catalog',
      'unknown_product',
      { productId: listItems[line]?.productId as string },
    );
  return undefined;
}

/** A list without lines is only a post: refused, so the list page never renders empty. */
export function checkKind(kind: 'post' | 'list', listItems: readonly unknown[]): void {
  if (kind === 'list' && listItems.length === 0)
    throw invalidInput('/listItems', 'a purchase list needs at least one product', 'minItems', {
      limit: 1,
    });
  if (kind === 'post' && listItems.length > 0)
    throw invalidInput('/listItems', 'only a purchase list (kind "list") has lines', 'kind');
}
