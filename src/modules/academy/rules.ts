/** Pure rules of the academy: lesson order and videos, and the Q&A board's answers, votes and marks. */

/** Things shown in the operator's order: by position, then the one made first, then by id. */
export interface Placed {
  id: string;
  position: number;
  createdAt: Date;
}

export function byPosition(a: Placed, b: Placed): number {
  return (
    a.position - b.position ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * A lesson's video as the web shows it. `file`: a direct video file on the shop's own origin, which
 * plays in a `<video>` under the page's policy (media comes from 'self' only); anything else, and
 * every third-party page (YouTube, Bilibili…), is a `link` opened outside the app: no iframes.
 * Without a configured public URL the origin is unknown, so every video is a link.
 */
export type VideoKind = 'file' | 'link';

const VIDEO_FILE = /\.(mp4|webm|ogv|ogg|m4v|mov)$/i;

export function videoKindOf(url: string, ownOrigin: string | undefined): VideoKind {
  const parsed = new URL(url);
  const own = ownOrigin ? new URL(ownOrigin).origin : undefined;
  return parsed.origin === own && VIDEO_FILE.test(parsed.pathname) ? 'file' : 'link';
}

/**
 * Why a video URL is refused, or undefined when it is one: an absolute `https:` URL with a host and
 * no credentials in it (a link that carries a password leaks it to every reader).
 */
export function videoUrlProblem(url: string): 'https' | 'credentials' | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'https';
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname) return 'https';
  if (parsed.username || parsed.password) return 'credentials';
  return undefined;
}

/** How far a person is: the published lessons they finished, of all published lessons. */
export function progressOf(
  published: readonly string[],
  finished: ReadonlySet<string>,
): { completed: number; total: number } {
  return { completed: published.filter((id) => finished.has(id)).length, total: published.length };
}

export interface RankedAnswer {
  id: string;
  votes: number;
  createdAt: Date;
}

/**
 * The order answers are read in: the best answer first, then most votes, then the earlier (it was
 * there first for the votes to find), then by id. Total: two different answers never tie, so
 * every reader sees the same order.
 */
export function answerOrder(bestAnswerId: string | null) {
  return (a: RankedAnswer, b: RankedAnswer): number => {
    const best = Number(b.id === bestAnswerId) - Number(a.id === bestAnswerId);
    return (
      best ||
      b.votes - a.votes ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  };
}

export const sortAnswers = <A extends RankedAnswer>(
  answers: readonly A[],
  bestAnswerId: string | null,
): A[] => [...answers].sort(answerOrder(bestAnswerId));

export interface Viewer {
  id: string;
  isAdmin: boolean;
}

/** The asker marks the best answer; the operator may too (a question left by someone gone). */
export const mayMarkBest = (viewer: Viewer | null, askerId: string): boolean =>
  viewer !== null && (viewer.id === askerId || viewer.isAdmin);

/** Why a person may not vote for an answer, or undefined when they may. */
export function voteRefusal(voterId: string, answerAuthorId: string): 'own_answer' | undefined {
  return voterId === answerAuthorId ? 'own_answer' : undefined;
}

/**
 * An asker may delete their question only while nobody answered it: deleting it would delete
 * other people's answers with it. Editing stays open (it says so: `editedAt`).
 */
export const mayDeleteQuestion = (answerCount: number): boolean => answerCount === 0;

/** Text as stored: line endings made one kind, trailing spaces and blank edges gone. */
export function normalizedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}
