import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { popularityScore } from './rules.js';
import type { Post } from './schemas.js';

const HOUR = 60 * 60 * 1000;

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let viewer: Person;
let followed: Person;
let others: Person[];
const ids: Record<string, string> = {};

const write = async (who: Person, body: string) => {
  const res = await t.request('POST', '/api/posts', { token: who.token, body: { body } });
  expect(res.statusCode, res.body).toBe(201);
  ids[body] = res.json<Post>().id;
  return res.json<Post>();
};
const likeBy = (who: Person, id: string, method: 'POST' | 'DELETE' = 'POST') =>
  t.request(method, `/api/posts/${id}/likes`, { token: who.token });
const page = async (who: Person | undefined, query: string) => {
  const res = await t.request('GET', `/api/feed${query}`, { token: who?.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Post[]; nextCursor: string | null }>();
};
const names = (posts: readonly Post[]) => posts.map((p) => p.body);

/** Every page of the feed at `limit`, with something done between pages. */
async function everyPage(
  who: Person | undefined,
  limit: number,
  between: (n: number) => Promise<void> = async () => {},
) {
  const all: Post[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 50; n += 1) {
    const got = await page(who, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    all.push(...got.items);
    cursor = got.nextCursor;
    if (!cursor) break;
    await between(n);
  }
  return all;
}

beforeAll(async () => {
  t = await createTestApp();
  viewer = await t.signUp();
  followed = await t.signUp();
  others = await Promise.all(Array.from({ length: 4 }, () => t.signUp()));
  const [b, c, d, e] = others as [Person, Person, Person, Person];
  await write(c, 'old and loved');
  t.clock.advance(48 * HOUR);
  await write(followed, 'followed older');
  await write(b, 'fresh and quiet');
  t.clock.advance(2 * HOUR);
  await write(b, 'fresh and liked');
  await write(d, 'fresh and discussed');
  t.clock.advance(HOUR);
  await write(followed, 'followed newer');
  for (const fan of [c, d, e]) await likeBy(fan, ids['old and loved'] as string);
  for (const fan of [c, d, e]) await likeBy(fan, ids['fresh and liked'] as string);
  await t.request('POST', `/api/posts/${ids['fresh and discussed']}/comments`, {
    token: e.token,
    body: { body: 'Nice' },
  });
  expect(
    (await t.request('POST', `/api/users/${followed.user.id}/followers`, { token: viewer.token })).statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

describe('GET /api/feed', () => {
  it('shows followed people newest first, then everyone else by the decaying score', async () => {
    const feed = await page(viewer, '?limit=100');
    expect(names(feed.items).slice(0, 2)).toEqual(['followed newer', 'followed older']);
    const popular = names(feed.items).slice(2);
    // The score of rules.ts, one hour after the last posts: likes, comments (×2) and age.
    const expected = [
      ['old and loved', popularityScore({ likes: 3, comments: 0, purchases: 0, ageHours: 51 })],
      ['fresh and quiet', popularityScore({ likes: 0, comments: 0, purchases: 0, ageHours: 3 })],
      ['fresh and liked', popularityScore({ likes: 3, comments: 0, purchases: 0, ageHours: 1 })],
      ['fresh and discussed', popularityScore({ likes: 0, comments: 1, purchases: 0, ageHours: 1 })],
    ] as const;
    const byScore = [...expected].sort((x, y) => y[1] - x[1]).map(([name]) => name);
    expect(popular).toEqual(byScore);
    expect(popular.at(-1)).toBe('old and loved'); // decayed below the fresh ones
    expect(feed.nextCursor).toBeNull();
  });

  it('paginates across both parts with one cursor and no duplicates, at every page size', async () => {
    const whole = names((await page(viewer, '?limit=100')).items);
    for (const limit of [1, 2, 3, 5]) {
      const paged = names(await everyPage(viewer, limit));
      expect(paged, `limit ${limit}`).toEqual(whole);
    }
  });

  it('neither repeats nor skips a post when likes come and go between pages', async () => {
    const whole = names((await page(viewer, '?limit=100')).items);
    const [, , , d] = others as [Person, Person, Person, Person];
    const paged = await everyPage(viewer, 3, async (n) => {
      if (n !== 0) return;
      // After the first page: the last popular post gains likes, a shown one loses its likes.
      await likeBy(viewer, ids['old and loved'] as string);
      await likeBy(d, ids['fresh and liked'] as string, 'DELETE');
      await likeBy(viewer, ids['fresh and quiet'] as string);
    });
    expect(names(paged)).toEqual(whole);
    expect(new Set(paged.map((p) => p.id)).size).toBe(paged.length);
  });

  it('gives anonymous readers the popular part alone, followed authors included', async () => {
    const feed = await page(undefined, '?limit=100');
    expect(names(feed.items)).toContain('followed newer');
    expect(feed.items.every((p) => !p.liked && !p.mine)).toBe(true);
    expect(names(await everyPage(undefined, 2))).toEqual(names(feed.items));
  });

  it('refuses a cursor it did not issue with 400', async () => {
    for (const cursor of ['junk', Buffer.from('["p","2026-01-01T00:00:00Z",-1,"x"]').toString('base64url')])
      expectProblem(await t.request('GET', `/api/feed?cursor=${cursor}`), 400);
  });

  // Last in the file: it moves the clock a month on.
  it('scores only posts of the last 30 days for the popular part; followed people keep older ones', async () => {
    t.clock.advance(31 * 24 * HOUR);
    // Sessions from a month ago have lapsed: new people write and read.
    const [writer, reader] = [await t.signUp(), await t.signUp()];
    await write(writer, 'a month later');
    await t.request('POST', `/api/users/${followed.user.id}/followers`, { token: reader.token });
    expect(names((await page(reader, '?limit=100')).items)).toEqual([
      'followed newer',
      'followed older',
      'a month later',
    ]);
    expect(names((await page(undefined, '?limit=100')).items)).toEqual(['a month later']);
  });
});
