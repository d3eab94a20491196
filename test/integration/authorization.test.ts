import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/modules/orders/present.js';
import { ADMIN_ACCESS } from '../../src/platform/http/admin-access.js';
import { BODY_METHODS, bodySchemaOf, documentedRoutes, type Route, sample } from '../support/openapi.js';
import { createProduct, placeOrder, placePaidOrder } from '../support/shop.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Who may call what, swept over every route the OpenAPI document lists, so a route added tomorrow
 * is checked without anyone remembering to: without a token every route that needs sign-in answers
 * 401; a plain buyer gets 403 from every admin route; and another buyer gets 404 for the first
 * buyer's own objects, and finds none of them in their own lists. A route the sweep cannot classify
 * fails it: a public route must be in PUBLIC with its reason, a path parameter in OWNED or SHARED.
 * Console routes are swept by role from the one route → roles table (ADMIN_ACCESS): every role is
 * tried on every /api/admin/ route, and a route missing from the table fails the sweep.
 */

/** Routes anyone may call without signing in, each with the reason it is public. */
const PUBLIC: Record<string, string> = {
  'GET /health': 'load balancers and orchestrators probe it',
  'GET /api/config': 'the web app reads the shop’s settings before anyone signs in',
  'POST /api/test/clock': 'exists only with TEST_CLOCK=1, for tests; never in production',
  'POST /api/auth/register': 'how a person gets an account',
  'POST /api/auth/login': 'how a person signs in',
  'POST /api/auth/forgot-password': 'someone who forgot their password is not signed in (always 202)',
  'POST /api/auth/reset-password': 'the emailed link’s token is the credential',
  'GET /api/products': 'the catalogue is public',
  'GET /api/products/{id}': 'a product page is public (and shared)',
  'GET /api/categories': 'the catalogue is public',
  'POST /api/payments/{provider}/webhook': 'the payment provider calls it, authenticated by its signature',
  'GET /api/stores/{slug}': 'a micro-store’s page is public (and shared)',
  'GET /api/stores/by-id/{id}': 'a micro-store’s page is public (and shared)',
  'GET /api/group-buys': 'running group buys are advertised to everyone',
  'GET /api/group-buys/campaigns/{id}': 'a campaign page is shared to strangers',
  'GET /api/group-buys/{groupId}': 'a group’s page is shared to strangers so they join it (members masked)',
  'GET /api/flash-sales': 'flash sales are advertised to everyone, with their countdowns',
  'GET /api/flash-sales/{id}': 'a flash sale’s page is shared to strangers',
  'GET /api/bargain-campaigns': 'bargains to start are advertised to everyone',
  'GET /api/bargains/{id}': 'a bargain’s page is shared to friends who help',
  'GET /api/gifts/{token}':
    'a gift’s claim link is sent to a friend who may not have an account yet (no prices, no address)',
  'GET /api/coupons': 'the coupon centre shows its offers before sign-in',
  'GET /api/invitation-rewards': 'the invitation page says what inviting earns before sign-in',
  'GET /api/points-mall': 'the points mall shows what points buy before sign-in, to make people want them',
  'GET /api/points-mall/{itemId}': 'a points-mall item is shown (and shared) before sign-in, as the mall is',
  'GET /api/share-links/{code}/qr.svg': 'the QR code of a share link is printed and shown to anyone',
  'GET /api/share-links/{code}/poster.png': 'a share poster is sent to anyone',
  'GET /api/share-previews/{type}/{id}/image.png': 'the link-preview image chat apps fetch without a session',
  'GET /uploads/{key}': 'uploaded images are shown on public pages (products, stores)',
  'GET /api/users/{id}/badges':
    'badges show on store pages and promoter profiles to anyone: earned badges and tiers only, no counts',
  'GET /api/academy': 'the academy’s lessons are open to anyone (completion needs sign-in)',
  'GET /api/academy/lessons/{id}': 'a published lesson is open to anyone',
  'GET /api/academy/questions': 'the Q&A board is read by anyone (authors masked)',
  'GET /api/academy/questions/{id}': 'a question and its answers are read by anyone (authors masked)',
  'GET /api/share-links/{code}/sharer':
    'whoever opens a share link sees who recommends the item (the name masked), before signing in',
  'GET /api/products/{id}/reviews': 'a product page shows its verified reviews to anyone (authors masked)',
  'GET /api/products/{id}/rating': 'a product page shows its rating summary to anyone',
  'GET /api/recommendations': 'signed out, the home page shows popular products (signed in: their own)',
  'GET /api/products/{id}/also-bought': 'a product page shows what people also bought to anyone',
  'GET /api/feed': 'the feed is open to anyone (popular posts; signed in, followed people first)',
  'GET /api/posts/{id}': 'a published post is public (and shared); drafts and hidden posts are 404 to others',
  'POST /api/posts/{id}/clicks':
    'a tap on a tagged product counts whoever makes it (no one reads the count but the author)',
  'GET /api/posts/{id}/comments': 'a published post’s comments are public, as the post is',
  'GET /api/users/{id}/profile':
    'a person’s profile (name, counts, badges, published posts) is public, as on any social app',
  'GET /api/users/{id}/posts': 'a person’s published posts are public',
  'GET /api/users/{id}/followers': 'who follows whom is public, as on any social app',
  'GET /api/users/{id}/following': 'who follows whom is public, as on any social app',
  'GET /api/competitions': 'competitions are announced to everyone, to draw people in',
  'GET /api/live-rooms': 'live sessions are announced to everyone (upcoming, live, replays)',
  'GET /api/live-rooms/{id}': 'a live room is watched (and shared) before sign-in',
  'GET /api/live-rooms/{id}/messages': 'a room’s chat is read by its viewers, signed in or not',
  'GET /api/live-rooms/{id}/events': 'the room’s stream reaches every viewer; writing needs sign-in',
  'POST /api/live-rooms/{id}/pins/{pinId}/clicks':
    'a viewer who is not signed in still opens a pinned product',
  'GET /api/competitions/{id}':
    'a leaderboard is public (names masked, opted-out people left out); the viewer’s standing only when signed in',
  'GET /api/communities': 'neighbours find their community and its pickup point before signing up',
  'GET /api/communities/{id}': 'a community’s page (pickup point, opening hours) is shared to neighbours',
};

/** Buyer A's own objects, and what B must not reach. */
interface Fixture {
  orderId: string;
  orderItemId: string;
  unpaidOrderId: string;
  afterSaleId: string;
  storeId: string;
  shareCode: string;
  withdrawalId: string;
  productId: string;
  variantId: string;
  couponId: string;
  addressId: string;
  lessonId: string;
  questionId: string;
  answerId: string;
  mallItemId: string;
  reviewId: string;
  communityId: string;
  waveId: string;
  postId: string;
  commentId: string;
  userId: string;
  liveRoomId: string;
  bargainId: string;
  giftToken: string;
}

/**
 * Path parameters that name someone's own object, by the path they appear in: the sweep fills them
 * with buyer A's real ids and expects 404 for buyer B.
 */
const OWNED: { pattern: RegExp; param: string; object: keyof Fixture }[] = [
  { pattern: /^\/api\/orders\/\{id\}/, param: 'id', object: 'orderId' },
  { pattern: /^\/api\/payments\/sandbox\/\{orderId\}\//, param: 'orderId', object: 'unpaidOrderId' },
  { pattern: /^\/api\/after-sales\/\{id\}$/, param: 'id', object: 'afterSaleId' },
  { pattern: /^\/api\/stores\/\{id\}(\/|$)/, param: 'id', object: 'storeId' },
  { pattern: /^\/api\/me\/withdrawals\/\{id\}$/, param: 'id', object: 'withdrawalId' },
  { pattern: /^\/api\/share-links\/\{code\}\/stats$/, param: 'code', object: 'shareCode' },
  { pattern: /^\/api\/me\/addresses\/\{id\}/, param: 'id', object: 'addressId' },
  // Changing a question (editing, deleting, marking its best answer) is its asker's alone.
  { pattern: /^\/api\/academy\/questions\/\{id\}(\/best-answer)?$/, param: 'id', object: 'questionId' },
  { pattern: /^\/api\/academy\/answers\/\{id\}$/, param: 'id', object: 'answerId' },
  // A review is public, but only its author follows it up.
  { pattern: /^\/api\/reviews\/\{id\}\/follow-up$/, param: 'id', object: 'reviewId' },
  // A community's running (editing it, its members, helpers, waves, pickups) is its leader's and helpers'.
  {
    pattern: /^\/api\/communities\/\{id\}(\/(helpers|pickups|waves|roster).*)?$/,
    param: 'id',
    object: 'communityId',
  },
  { pattern: /^\/api\/communities\/\{id\}\/waves\/\{waveId\}$/, param: 'waveId', object: 'waveId' },
  // Editing, deleting and reading the figures of a post are its author's alone; a comment's deletion too.
  { pattern: /^\/api\/posts\/\{id\}(\/stats)?$/, param: 'id', object: 'postId' },
  { pattern: /^\/api\/comments\/\{id\}$/, param: 'id', object: 'commentId' },
  // A live room's controls and figures are its host's alone (the reading routes are public).
  {
    pattern: /^\/api\/live-rooms\/\{id\}\/(start|end|cancel|pins|pins\/current|stats)$/,
    param: 'id',
    object: 'liveRoomId',
  },
];

/** Path parameters of signed-in routes that name what everyone shares: nobody else's to try. */
const SHARED: { pattern: RegExp; param: string; object: keyof Fixture; reason: string }[] = [
  {
    pattern: /^\/api\/coupons\/\{id\}\//,
    param: 'id',
    object: 'couponId',
    reason: 'a coupon offer is everyone’s; a claim and its progress are the caller’s own',
  },
  {
    pattern: /^\/api\/points-mall\/\{itemId\}\/redemptions$/,
    param: 'itemId',
    object: 'mallItemId',
    reason: 'a points-mall item is everyone’s; a redemption is the caller’s own',
  },
  {
    pattern: /^\/api\/stores\/\{id\}\/products\/\{productId\}$/,
    param: 'productId',
    object: 'productId',
    reason: 'a product of the catalogue',
  },
  {
    pattern: /^\/api\/me\/academy\/lessons\/\{id\}\/completion$/,
    param: 'id',
    object: 'lessonId',
    reason: 'a lesson is everyone’s; the completion is the caller’s own',
  },
  {
    pattern: /^\/api\/academy\/questions\/\{id\}\/answers$/,
    param: 'id',
    object: 'questionId',
    reason: 'anyone signed in answers any question',
  },
  {
    pattern: /^\/api\/communities\/\{id\}\/members$/,
    param: 'id',
    object: 'communityId',
    reason: 'anyone signed in joins or leaves any community; the membership is the caller’s own',
  },
  {
    pattern: /^\/api\/communities\/\{id\}\/helpers\/\{userId\}$/,
    param: 'userId',
    object: 'communityId',
    reason: 'a person the community’s leader names or removes; the community is the owned part',
  },
  {
    pattern: /^\/api\/live-rooms\/\{id\}\/messages$/,
    param: 'id',
    object: 'liveRoomId',
    reason: 'anyone signed in chats in a room; the message is the sender’s own',
  },
  {
    pattern: /^\/api\/academy\/answers\/\{id\}\/vote$/,
    param: 'id',
    object: 'answerId',
    reason: 'anyone signed in votes for others’ answers; the vote is the caller’s own',
  },
  {
    pattern: /^\/api\/posts\/\{id\}\/(likes|comments)$/,
    param: 'id',
    object: 'postId',
    reason: 'anyone signed in likes and comments on published posts; the like or comment is the caller’s own',
  },
  {
    pattern: /^\/api\/bargains\/\{id\}\/helps$/,
    param: 'id',
    object: 'bargainId',
    reason: 'a bargain is helped by its starter’s friends; the help is the helper’s own',
  },
  {
    pattern: /^\/api\/gifts\/\{token\}\/claim$/,
    param: 'token',
    object: 'giftToken',
    reason: 'a gift’s link is its sender’s to give to anyone; the claim is the claimer’s own',
  },
  {
    pattern: /^\/api\/users\/\{id\}\/followers$/,
    param: 'id',
    object: 'userId',
    reason: 'anyone signed in follows anyone; the follow is the caller’s own',
  },
];

const isAdminRoute = (route: Route) => route.path.startsWith('/api/admin/');
const keyOf = (route: Route) => `${route.method} ${route.path}`;
const paramsOf = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);

let t: TestApp;
let routes: Route[];
let a: { token: string; user: { id: string; email: string } };
let b: { token: string; user: { id: string } };
/** One signed-in person per role the sweep tries on console routes; `buyer` has no role. */
let byRole: Record<'admin' | 'operator' | 'shopkeeper' | 'leader' | 'buyer', string>;
let fixture: Fixture;

/** Where each path parameter of a route comes from, or why the sweep cannot tell. */
function classifyParams(route: Route): { owned: string[]; shared: string[]; unknown: string[] } {
  const owned: string[] = [];
  const shared: string[] = [];
  const unknown: string[] = [];
  for (const param of paramsOf(route.path)) {
    if (OWNED.some((o) => o.param === param && o.pattern.test(route.path))) owned.push(param);
    else if (SHARED.some((s) => s.param === param && s.pattern.test(route.path))) shared.push(param);
    else unknown.push(param);
  }
  return { owned, shared, unknown };
}

/** The route's URL with A's objects in its path and sample values in its required query. */
function urlOf(route: Route): string {
  const path = route.path.replace(/\{([^}]+)\}/g, (_, param: string) => {
    const rule =
      OWNED.find((o) => o.param === param && o.pattern.test(route.path)) ??
      SHARED.find((s) => s.param === param && s.pattern.test(route.path));
    return encodeURIComponent(rule ? fixture[rule.object] : fixture.orderId);
  });
  const query = new URLSearchParams();
  for (const p of route.operation.parameters ?? []) {
    if (p.in !== 'query' || !p.required) continue;
    const value =
      p.name === 'items'
        ? JSON.stringify([{ variantId: fixture.variantId, quantity: 1 }])
        : sample(p.schema ?? {});
    query.set(p.name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** A body the route's schema accepts, with A's real ids where a field names one. */
function bodyOf(route: Route): unknown {
  if (!BODY_METHODS.has(route.method)) return undefined;
  const schema = bodySchemaOf(route.operation);
  return schema
    ? sample(schema, {
        variantId: fixture.variantId,
        productId: fixture.productId,
        orderItemId: fixture.orderItemId,
      })
    : {};
}

function expectProblemStatus(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  what: string,
) {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBe(status);
  expect(res.headers['content-type'], `${what} is not problem+json`).toMatch(/^application\/problem\+json/);
}

beforeAll(async () => {
  t = await createTestApp({ RETURN_WINDOW_DAYS: '0', LIVE_STREAM_ORIGINS: 'https://video.example.com' });
  routes = await documentedRoutes(t);
  const admin = await t.signInAdmin();
  a = await t.signUp({ name: 'Buyer A' });
  b = await t.signUp({ name: 'Buyer B' });
  const staffWith = async (role: 'operator' | 'leader') => {
    const person = await t.signUp({ name: `Sweep ${role}` });
    await t.services.accounts.grantRole(person.user.id, role);
    return person.token;
  };
  byRole = {
    admin: admin.token,
    operator: await staffWith('operator'),
    shopkeeper: a.token, // made a shopkeeper below
    leader: await staffWith('leader'),
    buyer: (await t.signUp({ name: 'Sweep buyer' })).token,
  };
  const { product, variantId } = await createProduct(t, { price: 100_000, stock: 50 });

  // A and B each keep a store, so B's calls on A's store pass the shopkeeper check and reach ownership.
  const stores: string[] = [];
  for (const [person, slug] of [
    [a, 'a-shop'],
    [b, 'b-shop'],
  ] as const) {
    expect((await t.request('POST', '/api/shopkeepers', { token: person.token })).statusCode).toBe(201);
    const store = await t.request('POST', '/api/stores', { token: person.token, body: { name: slug, slug } });
    expect(store.statusCode, store.body).toBe(201);
    stores.push(store.json<{ id: string }>().id);
  }
  const link = await t.request('POST', '/api/share-links', {
    token: a.token,
    body: { productId: product.id },
  });
  expect(link.statusCode, link.body).toBe(201);

  // A's order, shipped, with a return requested; and one left unpaid.
  const order = await placePaidOrder(t, a.token, variantId, 2);
  const shipped = await t.request('POST', `/api/admin/orders/${order.id}/ship`, {
    token: admin.token,
    body: { carrier: 'SF Express', trackingNumber: 'SF0000000001' },
  });
  expect(shipped.statusCode, shipped.body).toBe(200);
  const orderItemId = order.items[0]!.id;
  const asked = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
    token: a.token,
    body: { type: 'return', reason: 'arrived crushed', items: [{ orderItemId, quantity: 1 }] },
  });
  expect(asked.statusCode, asked.body).toBe(201);
  const review = await t.request('POST', `/api/orders/${order.id}/reviews`, {
    token: a.token,
    body: { rating: 4, body: 'Sweep review' },
  });
  expect(review.statusCode, review.body).toBe(201);
  const unpaid = await placeOrder(t, a.token, [{ variantId, quantity: 1 }]);
  expect(unpaid.statusCode, unpaid.body).toBe(201);

  // A earns through the store and asks for the money: a withdrawal of A's own.
  const customer = await t.signUp();
  const sale = await t.request('POST', '/api/orders', {
    token: customer.token,
    body: { items: [{ variantId, quantity: 1 }], storeSlug: 'a-shop' },
  });
  await t.request('POST', `/api/payments/sandbox/${sale.json<Order>().id}/succeed`, {
    token: customer.token,
  });
  await t.request('POST', `/api/admin/orders/${sale.json<Order>().id}/complete`, { token: admin.token });
  await t.services.distribution.settleDue();
  await t.request('PUT', '/api/me/payout-details', {
    token: a.token,
    body: { method: 'alipay', holderName: 'Buyer A', account: '138 0013 8000' },
  });
  const available = (await t.request('GET', '/api/me/wallet', { token: a.token })).json<{
    available: number;
  }>().available;
  await t.request('PUT', '/api/admin/distribution/settings', {
    token: admin.token,
    body: { minWithdrawal: 1 },
  });
  const withdrawal = await t.request('POST', '/api/me/withdrawals', {
    token: a.token,
    body: { amount: available },
  });
  expect(withdrawal.statusCode, withdrawal.body).toBe(201);

  const coupon = await t.request('POST', '/api/admin/coupons', {
    token: admin.token,
    body: { title: 'Sweep', kind: 'amount_off', amountOff: 100 },
  });
  expect(coupon.statusCode, coupon.body).toBe(201);
  const address = await t.request('POST', '/api/me/addresses', {
    token: a.token,
    body: {
      name: 'Buyer A',
      phone: '13800138000',
      province: '浙江省',
      city: '杭州市',
      line1: '文三路 90 号',
    },
  });
  expect(address.statusCode, address.body).toBe(201);
  const academySection = await t.request('POST', '/api/admin/academy/sections', {
    token: admin.token,
    body: { title: 'Sweep' },
  });
  const lesson = await t.request('POST', '/api/admin/academy/lessons', {
    token: admin.token,
    body: {
      sectionId: academySection.json<{ id: string }>().id,
      title: 'Sweep',
      body: '',
      minutes: 1,
      published: true,
    },
  });
  expect(lesson.statusCode, lesson.body).toBe(201);
  const question = await t.request('POST', '/api/academy/questions', {
    token: a.token,
    body: { title: 'Sweep?' },
  });
  expect(question.statusCode, question.body).toBe(201);
  const questionId = question.json<{ id: string }>().id;
  const answered = await t.request('POST', `/api/academy/questions/${questionId}/answers`, {
    token: a.token,
    body: { body: 'Sweep.' },
  });
  expect(answered.statusCode, answered.body).toBe(201);
  const mallItem = await t.request('POST', '/api/admin/points-mall/items', {
    token: admin.token,
    body: { title: 'Sweep perk', kind: 'perk', costPoints: 1, stock: 1 },
  });
  expect(mallItem.statusCode, mallItem.body).toBe(201);
  // A leads a community where a neighbour has a paid pickup order (so it has a wave).
  expect((await t.request('POST', '/api/leaders', { token: a.token })).statusCode).toBe(201);
  const community = await t.request('POST', '/api/communities', {
    token: a.token,
    body: { name: 'Sweep Garden', pickupPoint: { name: 'Gate', address: '1 Sweep Road' } },
  });
  expect(community.statusCode, community.body).toBe(201);
  const communityId = community.json<{ id: string }>().id;
  const neighbour = await t.signUp({ name: 'Sweep neighbour' });
  await t.request('POST', `/api/communities/${communityId}/members`, { token: neighbour.token });
  const pickup = await t.request('POST', '/api/orders', {
    token: neighbour.token,
    body: { items: [{ variantId, quantity: 1 }], pickup: { communityId } },
  });
  expect(pickup.statusCode, pickup.body).toBe(201);
  await t.request('POST', `/api/payments/sandbox/${pickup.json<Order>().id}/succeed`, {
    token: neighbour.token,
  });
  const post = await t.request('POST', '/api/posts', {
    token: a.token,
    body: { body: 'Sweep post', productIds: [product.id] },
  });
  expect(post.statusCode, post.body).toBe(201);
  const postId = post.json<{ id: string }>().id;
  const comment = await t.request('POST', `/api/posts/${postId}/comments`, {
    token: a.token,
    body: { body: 'Sweep comment' },
  });
  expect(comment.statusCode, comment.body).toBe(201);
  // A hosts a live room (A is a shopkeeper): B may chat in it but not run it.
  const room = await t.request('POST', '/api/live-rooms', {
    token: a.token,
    body: {
      title: 'Sweep live',
      startsAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
      streamUrl: 'https://video.example.com/sweep.m3u8',
    },
  });
  expect(room.statusCode, room.body).toBe(201);
  await t.jobs.runDue(); // notifications of A's order
  const bargainCampaign = await t.request('POST', '/api/admin/bargains', {
    token: admin.token,
    body: { variantId, floorPrice: 50_000, helpersNeeded: 5, durationMinutes: 60 },
  });
  expect(bargainCampaign.statusCode, bargainCampaign.body).toBe(201);
  const bargain = await t.request('POST', '/api/bargains', {
    token: a.token,
    body: { campaignId: bargainCampaign.json<{ id: string }>().id },
  });
  expect(bargain.statusCode, bargain.body).toBe(201);
  // A gift A bought and nobody claimed yet: its link is shared, not owned.
  const gift = await t.request('POST', '/api/orders', {
    token: a.token,
    body: { items: [{ variantId, quantity: 1 }], gift: { message: 'Sweep gift' } },
  });
  expect(gift.statusCode, gift.body).toBe(201);
  const giftPaid = await t.request('POST', `/api/payments/sandbox/${gift.json<Order>().id}/succeed`, {
    token: a.token,
  });
  expect(giftPaid.statusCode, giftPaid.body).toBe(200);

  fixture = {
    orderId: order.id,
    orderItemId,
    unpaidOrderId: unpaid.json<Order>().id,
    afterSaleId: asked.json<{ id: string }>().id,
    storeId: stores[0]!,
    shareCode: link.json<{ code: string }>().code,
    withdrawalId: withdrawal.json<{ id: string }>().id,
    productId: product.id,
    variantId,
    couponId: coupon.json<{ id: string }>().id,
    addressId: address.json<{ id: string }>().id,
    lessonId: lesson.json<{ id: string }>().id,
    questionId,
    answerId: answered.json<{ answers: { id: string }[] }>().answers[0]!.id,
    mallItemId: mallItem.json<{ id: string }>().id,
    reviewId: review.json<{ id: string }>().id,
    communityId,
    waveId: (pickup.json<Order>().pickup as { wave: { id: string } }).wave.id,
    postId,
    commentId: comment.json<{ id: string }>().id,
    userId: a.user.id,
    liveRoomId: room.json<{ id: string }>().id,
    bargainId: bargain.json<{ id: string }>().id,
    giftToken: giftPaid.json<Order>().gift?.claimUrl?.split('/gifts/')[1] ?? '',
  };
});
afterAll(() => t.close());

describe('authorization, swept over every route of the OpenAPI document', () => {
  it('classifies every route: public with a reason, admin, or signed in with each path parameter known', () => {
    const documented = new Set(routes.map(keyOf));
    expect(
      Object.keys(PUBLIC).filter((key) => !documented.has(key)),
      'PUBLIC lists routes the document no longer has',
    ).toEqual([]);
    const unclassified = routes
      .filter((r) => !PUBLIC[keyOf(r)] && !isAdminRoute(r))
      .flatMap((r) => classifyParams(r).unknown.map((param) => `${keyOf(r)}: {${param}}`));
    expect(unclassified, 'path parameters neither OWNED nor SHARED').toEqual([]);
    // The admin tag and the /api/admin/ prefix say the same thing, or the document contradicts itself.
    expect(
      routes.filter((r) => (r.operation.tags ?? []).includes('admin') !== isAdminRoute(r)).map(keyOf),
      'admin routes outside /api/admin/, or /api/admin/ routes not tagged admin',
    ).toEqual([]);
    expect(routes.filter(isAdminRoute).length).toBeGreaterThan(40);
  });

  it('answers 401 problem+json without a token on every route that needs sign-in, and only there', async () => {
    for (const route of routes) {
      const url = urlOf(route);
      // Signing in with a real account, so a 401 there could only mean the route wants a session.
      const body =
        keyOf(route) === 'POST /api/auth/login'
          ? { email: a.user.email, password: 'correct horse battery' }
          : bodyOf(route);
      const anonymous = await t.request(route.method, url, { body });
      if (PUBLIC[keyOf(route)]) {
        expect(anonymous.statusCode, `${keyOf(route)} is listed public but answers 401`).not.toBe(401);
        continue;
      }
      expectProblemStatus(anonymous, 401, `${route.method} ${url} without a token`);
      // The guard runs before validation: a stranger learns nothing about the body from a 400.
      if (BODY_METHODS.has(route.method)) {
        const junk = await t.request(route.method, url, { body: { unexpected: true } });
        expectProblemStatus(junk, 401, `${route.method} ${url} without a token, with a bad body`);
      }
    }
  });

  it('lists every console route in the route → roles table, and nothing else', () => {
    const admin = routes.filter(isAdminRoute).map(keyOf);
    expect(
      admin.filter((key) => !ADMIN_ACCESS[key]),
      'console routes missing from ADMIN_ACCESS (src/platform/http/admin-access.ts)',
    ).toEqual([]);
    expect(
      Object.keys(ADMIN_ACCESS).filter((key) => !admin.includes(key)),
      'ADMIN_ACCESS rows for routes the document does not have',
    ).toEqual([]);
  });

  it('answers 403 problem+json to a plain buyer on every admin route', async () => {
    for (const route of routes.filter(isAdminRoute)) {
      const url = urlOf(route);
      const res = await t.request(route.method, url, { token: b.token, body: bodyOf(route) });
      expectProblemStatus(res, 403, `${route.method} ${url} as a buyer`);
    }
  });

  it('answers 404 problem+json to another buyer on the first buyer’s own objects, and changes nothing', async () => {
    const swept = routes.filter(
      (r) => !PUBLIC[keyOf(r)] && !isAdminRoute(r) && classifyParams(r).owned.length > 0,
    );
    expect(swept.map(keyOf)).toEqual(
      expect.arrayContaining([
        'GET /api/orders/{id}',
        'POST /api/orders/{id}/cancel',
        'GET /api/after-sales/{id}',
        'PATCH /api/stores/{id}',
        'GET /api/me/withdrawals/{id}',
        'GET /api/share-links/{code}/stats',
        'PATCH /api/posts/{id}',
        'DELETE /api/posts/{id}',
        'GET /api/posts/{id}/stats',
        'DELETE /api/comments/{id}',
      ]),
    );
    for (const route of swept) {
      const url = urlOf(route);
      const res = await t.request(route.method, url, { token: b.token, body: bodyOf(route) });
      expectProblemStatus(res, 404, `${route.method} ${url} as another buyer`);
      // The same URL works for its owner, so the 404 is about whose it is, not a wrong URL.
      if (route.method === 'GET') {
        const owner = await t.request('GET', url, { token: a.token });
        expect(owner.statusCode, `GET ${url} as its owner → ${owner.body.slice(0, 200)}`).toBe(200);
      }
    }
    const order = (
      await t.request('GET', `/api/orders/${fixture.orderId}`, { token: a.token })
    ).json<Order>();
    expect(order.status).toBe('shipped');
    const unpaid = (
      await t.request('GET', `/api/orders/${fixture.unpaidOrderId}`, { token: a.token })
    ).json<Order>();
    expect(unpaid.status).toBe('pending_payment');
  });

  it('shows another buyer none of the first buyer’s objects in their own lists', async () => {
    const ids = Object.entries(fixture)
      .filter(([name]) => !['productId', 'variantId', 'couponId', 'lessonId', 'userId'].includes(name))
      .map(([, id]) => id);
    const mine = routes.filter(
      (r) => r.method === 'GET' && r.path.startsWith('/api/me') && paramsOf(r.path).length === 0,
    );
    expect(mine.length).toBeGreaterThan(15);
    for (const route of mine) {
      const url = urlOf(route);
      const res = await t.request('GET', url, { token: b.token });
      expect(res.statusCode, `GET ${url} as B → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(
        500,
      );
      for (const id of ids) expect(res.body, `GET ${url} shows B one of A’s objects`).not.toContain(id);
    }
    // And A's own lists do show them, so the check above looks where they would be.
    const own = (await t.request('GET', '/api/me/orders', { token: a.token })).body;
    expect(own).toContain(fixture.orderId);
  });

  // Last: the roles that may call a route really call it (with sample bodies), which changes things.
  it('tries each role on each console route: 403 unless the route → roles table allows the role', async () => {
    const failures: string[] = [];
    for (const route of routes.filter(isAdminRoute)) {
      const allowed = ADMIN_ACCESS[keyOf(route)] ?? [];
      for (const [role, token] of Object.entries(byRole)) {
        const url = urlOf(route);
        const res = await t.request(route.method, url, { token, body: bodyOf(route) });
        const mayCall = (allowed as readonly string[]).includes(role);
        // Allowed: past the guard (any answer but 401/403: a sample body may well be a 400 or 404).
        const ok = mayCall ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === 403;
        if (!ok)
          failures.push(`${role} ${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
