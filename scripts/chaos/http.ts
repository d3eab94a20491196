/** One answer from a server process, or none: the process died or the connection broke. */
export type Answer<T> = { status: number; body: T } | { status: 'no answer'; error: string };

export interface Request {
  token?: string;
  body?: unknown;
  /** Sent as it is (a signed webhook's exact bytes), with the caller's content-type. */
  rawBody?: string;
  headers?: Record<string, string>;
}

const TIMEOUT_MS = 20_000;

/** JSON over HTTP that reports a broken connection as an answer instead of throwing. */
export async function send<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  request: Request = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  } catch (error) {
    return { status: 'no answer', error: (error as Error).message };
  }
}

/** Like `send`, for set-up steps that must work: anything but `expected` throws. */
export async function must<T = Record<string, unknown>>(
  expected: number,
  base: string,
  method: string,
  path: string,
  request: Request = {},
): Promise<T> {
  const answer = await send<T>(base, method, path, request);
  if (answer.status !== expected)
    throw new Error(`${method} ${path}: expected ${expected}, got ${JSON.stringify(answer)}`);
  return (answer as { body: T }).body;
}

/** A small seeded generator (mulberry32): the same seed draws the same choices. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    /** A name drawn by weight: `{ checkout: 5, pay: 3 }`. */
    weighted<K extends string>(weights: Record<K, number>): K {
      const entries = Object.entries(weights) as [K, number][];
      let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [name, weight] of entries) {
        roll -= weight;
        if (roll < 0) return name;
      }
      return entries[entries.length - 1]![0];
    },
  };
}

export type Random = ReturnType<typeof seededRandom>;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
