import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngOf } from '../../../test/support/images.js';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { AppError } from '../../platform/errors.js';
import type { Comment, Post, PostStats } from './schemas.js';

let t: TestApp;
let productId: string;
let secondProductId: string;
beforeAll(async () => {
  t = await createTestApp();
  productId = (await createProduct(t, { title: 'Longjing green tea' })).product.id;
  secondProductId = (await createProduct(t, { title: 'Yixing clay teapot', price: 12_800 })).product.id;
});
afterAll(() => t.close());

type Person = Awaited<ReturnType<TestApp['signUp']>>;

const write = async (who: Person, body: Record<string, unknown>) => {
  const res = await t.request('POST', '/api/posts', { token: who.token, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Post>();
};
const read = (id: string, who?: Person) => t.request('GET', `/api/posts/${id}`, { token: who?.token });
const likeAs = (who: Person, id: string, method: 'POST' | 'DELETE' = 'POST') =>
  t.request(method, `/api/posts/${id}/likes`, { token: who.token });
const uploadAs = async (who: Person) =>
  (await t.services.uploads.upload(who.user.id, await pngOf(400, 300), 'post')).url;

describe('posts', () => {
  it('happy: a post with an uploaded image and tagged products, read by anyone', async () => {
    const author = await t.signUp({ name: 'Lin Xiaomei' });
    const image = await uploadAs(author);
    const post = await write(author, {
      body: 'Spring tea is here 🍵',
      images: [image],
      productIds: [productId],
    });
    expect(post).toMatchObject({
      body: 'Spring tea is here 🍵',
      images: [image],
      author: { id: author.user.id, name: 'Lin Xiaomei' },
      products: [{ id: productId, title: 'Longjing green tea' }],
      likes: 0,
      liked: false,
      comments: 0,
      draft: false,
      hidden: false,
      mine: true,
      kind: 'post',
    });
    const anonymous = await read(post.id);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json<Post>()).toMatchObject({ id: post.id, mine: false });
  });

  it('stores a stored-XSS payload exactly as typed and returns it verbatim', async () => {
    const author = await t.signUp();
    const payload = '<img src=x onerror="alert(1)"><script>alert(`$&`)</script> & "quotes"\n  spaces  ';
    const post = await write(author, { body: payload });
    expect(post.body).toBe(payload);
    expect((await read(post.id)).json<Post>().body).toBe(payload);
  });

  it('refuses unknown products with 400 naming the field, and images not uploaded by the author', async () => {
    const author = await t.signUp();
    const other = await t.signUp();
    const unknown = await t.request('POST', '/api/posts', {
      token: author.token,
      body: { body: 'Try this', productIds: [productId, 'no-such-product'] },
    });
    expect(errorPaths(expectProblem(unknown, 400))).toEqual(['/productIds/1']);
    const listUnknown = await t.request('POST', '/api/posts', {
      token: author.token,
      body: { body: 'List', kind: 'list', listItems: [{ productId: 'nope', note: 'x' }] },
    });
    expect(errorPaths(expectProblem(listUnknown, 400))).toEqual(['/listItems/0/productId']);
    const someoneElses = await uploadAs(other);
    for (const images of [[someoneElses], ['https://evil.example/x.png'], ['/uploads/../../etc/passwd']]) {
      const res = await t.request('POST', '/api/posts', {
        token: author.token,
        body: { body: 'Look', images },
      });
      expect(errorPaths(expectProblem(res, 400))).toEqual(['/images/0']);
    }
    const tooMany = await t.request('POST', '/api/posts', {
      token: author.token,
      body: { body: 'Many', images: Array.from({ length: 10 }, () => someoneElses) },
    });
    expectProblem(tooMany, 400);
    const http = await t.request('POST', '/api/posts', {
      token: author.token,
      body: { body: 'Video', videoUrl: 'http://video.example/a.mp4' },
    });
    expect(new Set(errorPaths(expectProblem(http, 400)))).toEqual(new Set(['/videoUrl']));
  });

  it('keeps a purchase list’s lines in order', async () => {
    const author = await t.signUp();
    const list = await write(author, {
      body: 'What is worth buying this month',
      kind: 'list',
      listItems: [
        { productId: secondProductId, note: 'Brews the best oolong' },
        { productId, note: 'Fresh this spring' },
      ],
    });
    expect(list.kind).toBe('list');
    expect(list.listItems.map((i) => [i.product.id, i.note])).toEqual([
      [secondProductId, 'Brews the best oolong'],
      [productId, 'Fresh this spring'],
    ]);
  });

  it('hides drafts from everyone but the author until they are published', async () => {
    const author = await t.signUp();
    const reader = await t.signUp();
    const draft = await write(author, { body: 'Not yet', draft: true });
    expect(draft).toMatchObject({ draft: true, publishedAt: null });
    expect((await read(draft.id, author)).statusCode).toBe(200);
    expectProblem(await read(draft.id, reader), 404);
    expectProblem(await read(draft.id), 404);
    expectProblem(await likeAs(reader, draft.id), 404);
    const feed = await t.request('GET', '/api/feed?limit=100', { token: reader.token });
    expect(feed.json<{ items: Post[] }>().items.map((p) => p.id)).not.toContain(draft.id);
    const published = await t.request('PATCH', `/api/posts/${draft.id}`, {
      token: author.token,
      body: { draft: false },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<Post>().draft).toBe(false);
    expect((await read(draft.id, reader)).statusCode).toBe(200);
  });

  it('lets only the author edit or delete a post: anyone else gets 404 and changes nothing', async () => {
    const author = await t.signUp();
    const other = await t.signUp();
    const post = await write(author, { body: 'Original' });
    expectProblem(
      await t.request('PATCH', `/api/posts/${post.id}`, { token: other.token, body: { body: 'Hacked' } }),
      404,
    );
    expectProblem(await t.request('DELETE', `/api/posts/${post.id}`, { token: other.token }), 404);
    expectProblem(await t.request('GET', `/api/posts/${post.id}/stats`, { token: other.token }), 404);
    expect((await read(post.id)).json<Post>().body).toBe('Original');
    const edited = await t.request('PATCH', `/api/posts/${post.id}`, {
      token: author.token,
      body: { body: 'Edited', productIds: [productId] },
    });
    expect(edited.json<Post>()).toMatchObject({ body: 'Edited', products: [{ id: productId }] });
    expect(edited.json<Post>().editedAt).not.toBeNull();
    expect((await t.request('DELETE', `/api/posts/${post.id}`, { token: author.token })).statusCode).toBe(
      204,
    );
    expectProblem(await read(post.id, author), 404);
  });
});

describe('likes', () => {
  it('are idempotent: liking twice counts once, unliking twice too', async () => {
    const author = await t.signUp();
    const fan = await t.signUp();
    const post = await write(author, { body: 'Like me' });
    expect((await likeAs(fan, post.id)).json()).toEqual({ liked: true, likes: 1 });
    expect((await likeAs(fan, post.id)).json()).toEqual({ liked: true, likes: 1 });
    expect((await read(post.id, fan)).json<Post>()).toMatchObject({ likes: 1, liked: true });
    expect((await likeAs(fan, post.id, 'DELETE')).json()).toEqual({ liked: false, likes: 0 });
    expect((await likeAs(fan, post.id, 'DELETE')).json()).toEqual({ liked: false, likes: 0 });
    expect((await likeAs(fan, post.id)).json()).toEqual({ liked: true, likes: 1 });
  });

  it(`count once per person when the same person and many people like at once ${RACE}`, async () => {
    const author = await t.signUp();
    const fans = await Promise.all(Array.from({ length: 6 }, () => t.signUp()));
    const post = await write(author, { body: 'Race me' });
    const same = await Promise.all(Array.from({ length: 8 }, () => likeAs(fans[0] as Person, post.id)));
    expect(same.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const many = await Promise.all(fans.map((f) => likeAs(f, post.id)));
    expect(many.every((r) => r.statusCode === 200)).toBe(true);
    expect((await read(post.id)).json<Post>().likes).toBe(6);
    const rows = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM post_likes WHERE post_id = $1 AND unliked_at IS NULL',
      [post.id],
    );
    expect(rows[0]?.n).toBe(6);
  });
});

describe('comments', () => {
  it('takes comments and one level of replies, lists them paginated, and deletes only one’s own', async () => {
    const author = await t.signUp();
    const reader = await t.signUp({ name: 'Wang Fang' });
    const post = await write(author, { body: 'Ask me anything' });
    const comment = async (who: Person, body: string, parentId?: string) => {
      const res = await t.request('POST', `/api/posts/${post.id}/comments`, {
        token: who.token,
        body: parentId ? { body, parentId } : { body },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Comment>();
    };
    const first = await comment(reader, '<b>Where is it grown?</b>');
    const reply = await comment(author, 'West Lake', first.id);
    const replyToReply = await comment(reader, 'Thanks!', reply.id);
    expect(replyToReply.parentId).toBe(first.id);
    for (let i = 0; i < 3; i += 1) await comment(reader, `More ${i}`);
    const page1 = await t.request('GET', `/api/posts/${post.id}/comments?limit=2`);
    const body1 = page1.json<{ items: Comment[]; nextCursor: string }>();
    expect(body1.items[0]).toMatchObject({
      body: '<b>Where is it grown?</b>',
      author: { name: 'Wang Fang' },
    });
    expect(body1.items[0]?.replies.map((r) => r.body)).toEqual(['West Lake', 'Thanks!']);
    const page2 = await t.request('GET', `/api/posts/${post.id}/comments?limit=2&cursor=${body1.nextCursor}`);
    const body2 = page2.json<{ items: Comment[]; nextCursor: string | null }>();
    expect(body2.nextCursor).toBeNull();
    const all = [...body1.items, ...body2.items].map((c) => c.body);
    expect(all).toEqual(['<b>Where is it grown?</b>', 'More 0', 'More 1', 'More 2']);
    expect((await read(post.id)).json<Post>().comments).toBe(6);
    expectProblem(await t.request('DELETE', `/api/comments/${first.id}`, { token: author.token }), 404);
    expect((await t.request('DELETE', `/api/comments/${first.id}`, { token: reader.token })).statusCode).toBe(
      204,
    );
    expect((await read(post.id)).json<Post>().comments).toBe(5);
  });
});

describe('follows and profiles', () => {
  it('follows idempotently, refuses following oneself with 422, and lists both sides', async () => {
    const star = await t.signUp({ name: 'Chen Jie' });
    const fan = await t.signUp({ name: 'Zhao Lei' });
    const follow = (method: 'POST' | 'DELETE', who: Person, id: string) =>
      t.request(method, `/api/users/${id}/followers`, { token: who.token });
    expect((await follow('POST', fan, star.user.id)).json()).toEqual({ following: true, followers: 1 });
    expect((await follow('POST', fan, star.user.id)).json()).toEqual({ following: true, followers: 1 });
    const self = expectProblem(await follow('POST', star, star.user.id), 422);
    expect(self.reason).toBe('posts_follow_self');
    expectProblem(await follow('POST', fan, 'no-such-user'), 404);
    const followers = await t.request('GET', `/api/users/${star.user.id}/followers`);
    expect(followers.json<{ items: { id: string; name: string }[] }>().items).toMatchObject([
      { id: fan.user.id, name: 'Zhao Lei' },
    ]);
    const following = await t.request('GET', `/api/users/${fan.user.id}/following`);
    expect(following.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([star.user.id]);
    await write(star, { body: 'Hello followers' });
    await write(star, { body: 'A draft', draft: true });
    const profile = await t.request('GET', `/api/users/${star.user.id}/profile`, { token: fan.token });
    expect(profile.json()).toMatchObject({
      name: 'Chen Jie',
      followers: 1,
      following: 0,
      posts: 1,
      followedByMe: true,
      mine: false,
      badges: [],
    });
    expect(profile.json<{ recentPosts: { items: Post[] } }>().recentPosts.items.map((p) => p.body)).toEqual([
      'Hello followers',
    ]);
    const own = await t.request('GET', `/api/users/${star.user.id}/profile`, { token: star.token });
    expect(own.json<{ recentPosts: { items: Post[] } }>().recentPosts.items).toHaveLength(2);
    expect((await follow('DELETE', fan, star.user.id)).json()).toEqual({ following: false, followers: 0 });
    expect((await follow('DELETE', fan, star.user.id)).json()).toEqual({ following: false, followers: 0 });
  });
});

describe('moderation', () => {
  it('a hidden post disappears for others and stays visible, marked hidden, to its author', async () => {
    const author = await t.signUp();
    const reader = await t.signUp();
    const post = await write(author, { body: 'Spam spam' });
    const kind = t.services.moderationRegistry.kind('post');
    await t.db.transaction(async (tx) => expect(await kind?.setHidden(tx, post.id, true, 'spam')).toBe(true));
    expectProblem(await read(post.id, reader), 404);
    expect((await read(post.id, author)).json<Post>().hidden).toBe(true);
    const feed = await t.request('GET', '/api/feed?limit=100');
    expect(feed.json<{ items: Post[] }>().items.map((p) => p.id)).not.toContain(post.id);
    expect(await t.services.contentSources.ownerOf(t.db, { type: 'post', id: post.id })).toBeUndefined();
    const described = await t.services.moderationRegistry.kind('post')?.describe(t.db, [post.id]);
    expect(described?.get(post.id)).toMatchObject({ authorId: author.user.id, hidden: true });
  });

  it('asks moderation before storing: a banned person cannot post or comment', async () => {
    const banned = await t.signUp();
    const other = await t.signUp();
    const post = await write(other, { body: 'Open thread' });
    t.services.moderationRegistry.setPostingCheck(async (_conn, userId) => {
      if (userId === banned.user.id) throw new AppError('business_rule', 'Banned');
    });
    try {
      const res = await t.request('POST', '/api/posts', { token: banned.token, body: { body: 'Hi' } });
      expectProblem(res, 422);
      const c = await t.request('POST', `/api/posts/${post.id}/comments`, {
        token: banned.token,
        body: { body: 'Hi' },
      });
      expectProblem(c, 422);
    } finally {
      t.services.moderationRegistry.setPostingCheck(async () => {});
    }
  });

  it('the post content source names the author of a published post only', async () => {
    const author = await t.signUp();
    const post = await write(author, { body: 'Buy through me' });
    const draft = await write(author, { body: 'Later', draft: true });
    expect(await t.services.contentSources.ownerOf(t.db, { type: 'post', id: post.id })).toBe(author.user.id);
    expect(await t.services.contentSources.ownerOf(t.db, { type: 'post', id: draft.id })).toBeUndefined();
  });
});

describe('stats, clicks and sharing', () => {
  it('counts views by others, product-tag clicks and share-link clicks; author and admin read them', async () => {
    const author = await t.signUp();
    const reader = await t.signUp();
    const admin = await t.signInAdmin();
    const post = await write(author, { body: 'Stats', productIds: [productId] });
    await read(post.id, author); // the author's own opens are not views
    await read(post.id, reader);
    await read(post.id);
    const click = (body: unknown, who?: Person) =>
      t.request('POST', `/api/posts/${post.id}/clicks`, { token: who?.token, body });
    expect((await click({ productId }, reader)).statusCode).toBe(204);
    expect((await click({ productId: secondProductId }, reader)).statusCode).toBe(400);
    const link = await t.request('POST', '/api/share-links', {
      token: reader.token,
      body: { postId: post.id },
    });
    expect(link.statusCode, link.body).toBe(201);
    const code = link.json<{ code: string }>().code;
    const redirect = await t.app.inject({ method: 'GET', url: `/s/${code}` });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toContain(`/posts/${post.id}`);
    await t.services.sharing.flushClicks();
    const stats = await t.request('GET', `/api/posts/${post.id}/stats`, { token: author.token });
    expect(stats.json<PostStats>()).toEqual({
      views: 2,
      likes: 0,
      comments: 0,
      clicks: 2,
      orders: 0,
      gmv: 0,
    });
    expect((await t.request('GET', `/api/posts/${post.id}/stats`, { token: admin.token })).statusCode).toBe(
      200,
    );
    const mine = await t.request('GET', '/api/me/posts', { token: author.token });
    expect(mine.json<{ items: { post: Post; stats: PostStats }[] }>().items[0]).toMatchObject({
      post: { id: post.id },
      stats: { views: 2 },
    });
    expect(
      (await t.request('GET', '/api/me/posts', { token: reader.token })).json<{ items: unknown[] }>().items,
    ).toEqual([]);
  });

  it('can be reported once published: a draft or a hidden post is 404 to a reporter', async () => {
    const author = await t.signUp();
    const reporter = await t.signUp();
    const report = (id: string) =>
      t.request('POST', '/api/reports', {
        token: reporter.token,
        body: { type: 'post', id, reason: 'spam' },
      });
    const draft = await write(author, { body: 'My unpublished thoughts', draft: true });
    expectProblem(await report(draft.id), 404);
    const published = await write(author, { body: 'Out in the open' });
    expect((await report(published.id)).statusCode).toBe(201);
    await t.db.transaction((tx) =>
      t.services.moderationRegistry.kind('post')!.setHidden(tx, published.id, true, 'spam'),
    );
    const again = await t.signUp();
    expectProblem(
      await t.request('POST', '/api/reports', {
        token: again.token,
        body: { type: 'post', id: published.id, reason: 'spam' },
      }),
      404,
    );
  });

  it('lists every published post, hidden ones too but no drafts, with figures for staff only', async () => {
    const author = await t.signUp();
    const reader = await t.signUp();
    const admin = await t.signInAdmin();
    const shown = await write(author, { body: 'Console sees me', productIds: [productId] });
    const hidden = await write(author, { body: 'Console sees me hidden' });
    const draft = await write(author, { body: 'Console never sees a draft', draft: true });
    await read(shown.id, reader);
    await t.db.transaction((tx) =>
      t.services.moderationRegistry.kind('post')!.setHidden(tx, hidden.id, true, 'spam'),
    );
    const list = await t.request('GET', '/api/admin/posts?limit=100', { token: admin.token });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: { post: Post; stats: PostStats }[] }>().items;
    const ids = items.map((i) => i.post.id);
    expect(ids).toEqual(expect.arrayContaining([shown.id, hidden.id]));
    expect(ids).not.toContain(draft.id);
    expect(ids.indexOf(hidden.id)).toBeLessThan(ids.indexOf(shown.id)); // newest first
    expect(items.find((i) => i.post.id === shown.id)?.stats).toMatchObject({ views: 1 });
    expect(items.find((i) => i.post.id === hidden.id)?.post).toMatchObject({ hidden: true });
    expectProblem(await t.request('GET', '/api/admin/posts', { token: reader.token }), 403);
    const first = await t.request('GET', '/api/admin/posts?limit=1', { token: admin.token });
    const cursor = first.json<{ nextCursor: string }>().nextCursor;
    const second = await t.request('GET', `/api/admin/posts?limit=1&cursor=${encodeURIComponent(cursor)}`, {
      token: admin.token,
    });
    expect(second.json<{ items: { post: Post }[] }>().items[0]?.post.id).not.toBe(
      first.json<{ items: { post: Post }[] }>().items[0]?.post.id,
    );
  });

  it('counts paid orders placed through the post in its stats and as purchases for the feed', async () => {
    const author = await t.signUp();
    const buyer = await t.signUp();
    const { product, variantId } = await createProduct(t, { price: 3_000 });
    const post = await write(author, { body: 'Buy through me', productIds: [product.id] });
    const placed = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity: 2 }], postId: post.id },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const orderId = placed.json<{ id: string }>().id;
    const paid = await t.request('POST', `/api/payments/sandbox/${orderId}/succeed`, { token: buyer.token });
    expect(paid.statusCode, paid.body).toBe(200);
    await t.jobs.runDue();
    await t.jobs.runDue();
    const stats = await t.request('GET', `/api/posts/${post.id}/stats`, { token: author.token });
    expect(stats.json<PostStats>()).toMatchObject({ orders: 1, gmv: 6_000 });
    const purchases = await t.db.query('SELECT order_id FROM post_purchases WHERE post_id = $1', [post.id]);
    expect(purchases).toEqual([{ order_id: orderId }]);
    // A replayed reaction counts nothing more.
    await t.db.transaction((tx) => t.services.posts.reactions.countPurchase(tx, { orderId }));
    expect(await t.db.query('SELECT 1 FROM post_purchases WHERE post_id = $1', [post.id])).toHaveLength(1);
  });

  it('gives /posts/:id its Open Graph card', async () => {
    const author = await t.signUp();
    const post = await write(author, { body: 'Open <Graph> & friends\nsecond line' });
    const card = await t.services.shareTargets.cardOfPage(`/posts/${post.id}`);
    expect(card).toMatchObject({ type: 'post', title: 'Open <Graph> & friends', path: `/posts/${post.id}` });
  });
});
