import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../test/support/images.js';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct } from '../../../test/support/shop.js';
import { readEvents } from '../../../test/support/sse.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { AppError } from '../../platform/errors.js';
import type { Message, Pin, Room, Stats } from './schemas.js';

let t: TestApp;
let host: { token: string; user: { id: string } };
let viewer: { token: string; user: { id: string } };
let productId: string;

const inAnHour = () => new Date(t.clock.now().getTime() + 3_600_000).toISOString();
const STREAM = 'https://video.example.com/live/tea.m3u8';

async function schedule(token = host.token, body: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/live-rooms', {
    token,
    body: { title: 'Spring tea tasting', startsAt: inAnHour(), streamUrl: STREAM, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Room>();
}

async function liveRoom() {
  const room = await schedule();
  const started = await t.request('POST', `/api/live-rooms/${room.id}/start`, { token: host.token });
  expect(started.statusCode, started.body).toBe(200);
  return started.json<Room>();
}

beforeAll(async () => {
  t = await createTestApp({ LIVE_STREAM_ORIGINS: 'https://video.example.com' });
  host = await t.signUp({ name: 'Host' });
  expect((await t.request('POST', '/api/shopkeepers', { token: host.token })).statusCode).toBe(201);
  viewer = await t.signUp({ name: 'Viewer' });
  productId = (await createProduct(t, { price: 3900, title: 'Longjing, 50 g' })).product.id;
});
afterAll(() => t.close());

describe('scheduling', () => {
  it('lets a shopkeeper schedule a session with an HLS stream, and refuses a buyer (403)', async () => {
    const room = await schedule();
    expect(room).toMatchObject({
      status: 'scheduled',
      streamUrl: STREAM,
      host: { id: host.user.id, name: 'Host' },
    });
    const refused = await t.request('POST', '/api/live-rooms', {
      token: viewer.token,
      body: { title: 'Mine', startsAt: inAnHour(), streamUrl: STREAM },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().reason).toBe('live_host_role_required');
  });

  it('takes exactly one source: an https .m3u8 stream or the host’s own uploaded video', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ streamUrl: undefined }, 'live_source_required'],
      [{ streamUrl: 'http://video.example.com/a.m3u8' }, 'live_stream_url_invalid'],
      [{ streamUrl: 'https://video.example.com/a.mp4' }, 'live_stream_url_invalid'],
      [{ streamUrl: undefined, videoId: 'nope' }, 'live_video_not_found'],
      [{ videoId: 'nope' }, 'live_source_required'],
    ];
    for (const [body, reason] of cases) {
      const res = await t.request('POST', '/api/live-rooms', {
        token: host.token,
        body: { title: 'x', startsAt: inAnHour(), streamUrl: STREAM, ...body },
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().reason).toBe(reason);
    }
    const past = await t.request('POST', '/api/live-rooms', {
      token: host.token,
      body: {
        title: 'x',
        startsAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
        streamUrl: STREAM,
      },
    });
    expect(past.statusCode).toBe(422);
  });

  it('plays streams only from LIVE_STREAM_ORIGINS (422 otherwise), and with none set, no stream at all', async () => {
    const elsewhere = await t.request('POST', '/api/live-rooms', {
      token: host.token,
      body: { title: 'x', startsAt: inAnHour(), streamUrl: 'https://evil.example.net/live/a.m3u8' },
    });
    expect(expectProblem(elsewhere, 422)).toMatchObject({
      reason: 'live_stream_origin_not_allowed',
      params: { origin: 'https://evil.example.net' },
    });
    // Same host, another port: another origin.
    const port = await t.request('POST', '/api/live-rooms', {
      token: host.token,
      body: { title: 'x', startsAt: inAnHour(), streamUrl: 'https://video.example.com:8443/a.m3u8' },
    });
    expect(expectProblem(port, 422).reason).toBe('live_stream_origin_not_allowed');
    const none = await createTestApp({ LIVE_STREAM_ORIGINS: 'none' });
    try {
      const shopkeeper = await none.signUp();
      await none.request('POST', '/api/shopkeepers', { token: shopkeeper.token });
      const refused = await none.request('POST', '/api/live-rooms', {
        token: shopkeeper.token,
        body: { title: 'x', startsAt: inAnHour(), streamUrl: STREAM },
      });
      expect(expectProblem(refused, 422)).toMatchObject({
        reason: 'live_stream_origin_not_allowed',
        params: { origin: 'https://video.example.com' },
      });
    } finally {
      await none.close();
    }
  }, 120_000);

  it('plays an uploaded MP4, judged by its bytes; someone else’s video is unknown', async () => {
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(64, 1)]);
    const up = await t.request('POST', '/api/uploads/videos', {
      token: host.token,
      ...(() => {
        const f = multipartFile(mp4, 'clip.bin', 'application/octet-stream');
        return { body: f.payload, headers: f.headers };
      })(),
    });
    expect(up.statusCode, up.body).toBe(201);
    const video = up.json<{ id: string; url: string; mediaType: string }>();
    expect(video.mediaType).toBe('video/mp4');
    const room = await schedule(host.token, { streamUrl: undefined, videoId: video.id });
    expect(room.videoUrl).toBe(video.url);
    const served = await t.app.inject({ method: 'GET', url: video.url, headers: { range: 'bytes=4-11' } });
    expect(served.statusCode).toBe(206);
    expect(served.body).toBe('ftypisom');
    const renamedText = multipartFile(Buffer.from('just text, named .mp4'), 'clip.mp4', 'video/mp4');
    const text = await t.request('POST', '/api/uploads/videos', {
      token: host.token,
      body: renamedText.payload,
      headers: renamedText.headers,
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().reason).toBe('upload_not_a_video');
    const other = await t.signUp();
    await t.request('POST', '/api/shopkeepers', { token: other.token });
    const theirs = await t.request('POST', '/api/live-rooms', {
      token: other.token,
      body: { title: 'x', startsAt: inAnHour(), videoId: video.id },
    });
    expect(theirs.json().reason).toBe('live_video_not_found');
  });

  it('lists upcoming, live and replays, each room in its own list', async () => {
    const upcoming = await schedule();
    const onAir = await liveRoom();
    const replay = await liveRoom();
    await t.request('POST', `/api/live-rooms/${replay.id}/end`, { token: host.token });
    const ids = async (status: string) =>
      (await t.request('GET', `/api/live-rooms?status=${status}&limit=100`))
        .json<{ items: Room[] }>()
        .items.map((r) => r.id);
    expect(await ids('upcoming')).toContain(upcoming.id);
    expect(await ids('upcoming')).not.toContain(onAir.id);
    expect(await ids('live')).toContain(onAir.id);
    expect(await ids('replays')).toEqual(expect.arrayContaining([replay.id]));
    expect(await ids('replays')).not.toContain(onAir.id);
  });
});

describe('host-only actions', () => {
  it('answers 404 to anyone but the host on start, end, cancel, pin, unpin and stats', async () => {
    const room = await schedule();
    for (const [method, path] of [
      ['POST', 'start'],
      ['POST', 'cancel'],
      ['POST', 'end'],
      ['POST', 'pins'],
      ['DELETE', 'pins/current'],
      ['GET', 'stats'],
    ] as const) {
      const res = await t.request(method, `/api/live-rooms/${room.id}/${path}`, {
        token: viewer.token,
        ...(path === 'pins' ? { body: { productId } } : {}),
      });
      expect(res.statusCode, `${method} ${path}`).toBe(404);
      expect(res.json().reason).toBe('live_room_not_found');
    }
    expect((await t.request('GET', `/api/live-rooms/${room.id}`)).json<Room>().status).toBe('scheduled');
  });

  it('follows the state machine: no pin before live, no start twice, no cancel once live', async () => {
    const room = await schedule();
    const early = await t.request('POST', `/api/live-rooms/${room.id}/pins`, {
      token: host.token,
      body: { productId },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().reason).toBe('live_room_not_live');
    await t.request('POST', `/api/live-rooms/${room.id}/start`, { token: host.token });
    const again = await t.request('POST', `/api/live-rooms/${room.id}/start`, { token: host.token });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      reason: 'invalid_transition',
      params: { from: 'live', to: 'live' },
    });
    expect(
      (await t.request('POST', `/api/live-rooms/${room.id}/cancel`, { token: host.token })).statusCode,
    ).toBe(409);
  });
});

describe('pins', () => {
  it('records each pin’s time from the start, and a replay keeps them', async () => {
    const room = await liveRoom();
    t.clock.advance(60_000);
    const first = await t.request('POST', `/api/live-rooms/${room.id}/pins`, {
      token: host.token,
      body: { productId },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<Pin>()).toMatchObject({
      untilMs: null,
      product: { title: 'Longjing, 50 g', price: 3900 },
    });
    // The clock runs on while the test does: a few seconds of slack around each moved minute.
    const near = (ms: number) => expect.toSatisfy((v: number) => v >= ms && v < ms + 5_000);
    expect(first.json<Pin>().atMs).toEqual(near(60_000));
    const other = (await createProduct(t, { price: 1200, title: 'Gaiwan' })).product.id;
    t.clock.advance(30_000);
    await t.request('POST', `/api/live-rooms/${room.id}/pins`, {
      token: host.token,
      body: { productId: other },
    });
    const shown = (await t.request('GET', `/api/live-rooms/${room.id}`)).json<Room>();
    expect(shown.currentPin?.productId).toBe(other);
    t.clock.advance(30_000);
    expect(
      (
        await t.request('DELETE', `/api/live-rooms/${room.id}/pins/current`, { token: host.token })
      ).json<Room>().currentPin,
    ).toBeNull();
    expect(
      (await t.request('DELETE', `/api/live-rooms/${room.id}/pins/current`, { token: host.token })).json()
        .reason,
    ).toBe('live_nothing_pinned');
    await t.request('POST', `/api/live-rooms/${room.id}/end`, { token: host.token });
    const replay = (await t.request('GET', `/api/live-rooms/${room.id}`)).json<Room>();
    expect(replay.status).toBe('ended');
    expect(replay.pins.map((p) => [p.productId, p.atMs, p.untilMs])).toEqual([
      [productId, near(60_000), near(90_000)],
      [other, near(90_000), near(120_000)],
    ]);
    // The second pin went up the moment the first came off.
    expect(replay.pins[0]?.untilMs).toBe(replay.pins[1]?.atMs);
    const unknown = await liveRoom();
    const bad = await t.request('POST', `/api/live-rooms/${unknown.id}/pins`, {
      token: host.token,
      body: { productId: 'nope' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().reason).toBe('live_product_not_found');
  });

  it('counts clicks on a pin for the host’s figures', async () => {
    const room = await liveRoom();
    const pin = (
      await t.request('POST', `/api/live-rooms/${room.id}/pins`, { token: host.token, body: { productId } })
    ).json<Pin>();
    expect((await t.request('POST', `/api/live-rooms/${room.id}/pins/${pin.id}/clicks`)).statusCode).toBe(
      204,
    );
    await t.request('POST', `/api/live-rooms/${room.id}/pins/${pin.id}/clicks`, { token: viewer.token });
    expect((await t.request('POST', `/api/live-rooms/${room.id}/pins/nope/clicks`)).statusCode).toBe(404);
    const stats = await t.request('GET', `/api/live-rooms/${room.id}/stats`, { token: host.token });
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json<Stats>()).toMatchObject({ pinClicks: 2, pins: [{ pinId: pin.id, clicks: 2 }] });
    const admin = await t.signInAdmin();
    expect(
      (await t.request('GET', `/api/live-rooms/${room.id}/stats`, { token: admin.token })).statusCode,
    ).toBe(200);
    // Operators see every room in the console (GET /api/admin/live-rooms), and so its figures.
    const operator = await t.signUp();
    await t.services.accounts.grantRole(operator.user.id, 'operator');
    expect(
      (await t.request('GET', '/api/admin/live-rooms', { token: operator.token }))
        .json<{ items: Room[] }>()
        .items.map((r) => r.id),
    ).toContain(room.id);
    const read = await t.request('GET', `/api/live-rooms/${room.id}/stats`, { token: operator.token });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<Stats>()).toMatchObject({ pinClicks: 2 });
  });
});

describe('orders from the room', () => {
  it('credit a room that is live or has a replay, and count in the host’s figures', async () => {
    const { variantId } = await createProduct(t, { price: 2500 });
    const scheduled = await schedule();
    const order = (liveRoomId: string) =>
      t.request('POST', '/api/orders', {
        token: viewer.token,
        body: { items: [{ variantId, quantity: 2 }], liveRoomId },
      });
    // Not yet on air: nothing to credit.
    expect((await order(scheduled.id)).json().reason).toBe('order_source_unknown');
    await t.request('POST', `/api/live-rooms/${scheduled.id}/cancel`, { token: host.token });
    expect((await order(scheduled.id)).statusCode).toBe(400);
    const room = await liveRoom();
    const placed = await order(room.id);
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().source).toEqual({ type: 'live', id: room.id });
    const id = placed.json<{ id: string }>().id;
    expect(
      (await t.request('POST', `/api/payments/sandbox/${id}/succeed`, { token: viewer.token })).statusCode,
    ).toBe(200);
    await t.request('POST', `/api/live-rooms/${room.id}/end`, { token: host.token });
    expect((await order(room.id)).statusCode).toBe(201);
    const stats = (
      await t.request('GET', `/api/live-rooms/${room.id}/stats`, { token: host.token })
    ).json<Stats>();
    expect(stats).toMatchObject({ orders: 1, gmv: 5000 });
    // The host earns on the sale like a sharer (distribution credits the content's owner).
    const commissions = (await t.request('GET', '/api/me/commissions', { token: host.token })).json<{
      items: { orderId: string; level: number; amount: number }[];
    }>().items;
    expect(commissions.find((c) => c.orderId === id)).toMatchObject({ level: 1 });
    expect(commissions.find((c) => c.orderId === id)?.amount).toBeGreaterThan(0);
  });
});

describe('chat', () => {
  it('stores text as typed, refuses after the end, and needs sign-in', async () => {
    const room = await liveRoom();
    const body = '<img src=x onerror=alert(1)> 好茶 $& ';
    const sent = await t.request('POST', `/api/live-rooms/${room.id}/messages`, {
      token: viewer.token,
      body: { body },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json<Message>()).toMatchObject({ body, author: { id: viewer.user.id, name: 'Viewer' } });
    expect(
      (await t.request('POST', `/api/live-rooms/${room.id}/messages`, { body: { body: 'hi' } })).statusCode,
    ).toBe(401);
    await t.request('POST', `/api/live-rooms/${room.id}/end`, { token: host.token });
    const late = await t.request('POST', `/api/live-rooms/${room.id}/messages`, {
      token: viewer.token,
      body: { body: 'hi' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().reason).toBe('live_chat_closed');
    const list = (await t.request('GET', `/api/live-rooms/${room.id}/messages`)).json<{ items: Message[] }>();
    expect(list.items.map((m) => m.body)).toEqual([body]);
  });

  it('refuses someone moderation bans, through the posting check', async () => {
    const room = await liveRoom();
    const banned = await t.signUp({ name: 'Banned' });
    t.services.moderationRegistry.setPostingCheck(async (_conn, userId) => {
      if (userId === banned.user.id) throw new AppError('forbidden', 'Banned from posting');
    });
    try {
      const res = await t.request('POST', `/api/live-rooms/${room.id}/messages`, {
        token: banned.token,
        body: { body: 'spam' },
      });
      expect(res.statusCode).toBe(403);
      const fine = await t.request('POST', `/api/live-rooms/${room.id}/messages`, {
        token: viewer.token,
        body: { body: 'ok' },
      });
      expect(fine.statusCode).toBe(201);
    } finally {
      t.services.moderationRegistry.setPostingCheck(async () => {});
    }
    const bodies = (await t.request('GET', `/api/live-rooms/${room.id}/messages`))
      .json<{ items: Message[] }>()
      .items.map((m) => m.body);
    expect(bodies).toEqual(['ok']);
  });

  it('hides a message through the moderation registry: it leaves the list and the catch-up', async () => {
    const room = await liveRoom();
    const m = (
      await t.request('POST', `/api/live-rooms/${room.id}/messages`, {
        token: viewer.token,
        body: { body: 'rude' },
      })
    ).json<Message>();
    const kind = t.services.moderationRegistry.kind('chat_message');
    if (!kind) throw new Error('chat messages are not registered with moderation');
    expect((await kind.describe(t.db, [m.id]))?.get(m.id)).toMatchObject({
      authorId: viewer.user.id,
      text: 'rude',
      hidden: false,
      link: `/live/${room.id}`,
    });
    expect(await t.db.transaction((tx) => kind.setHidden(tx, m.id, true, 'abuse'))).toBe(true);
    expect(
      (await t.request('GET', `/api/live-rooms/${room.id}/messages`)).json<{ items: Message[] }>().items,
    ).toEqual([]);
    const events = await t.services.live.backlog(room.id, 0);
    expect(events.map((e) => e.type)).toEqual(['state', 'hide']);
    expect(await t.db.transaction((tx) => kind.setHidden(tx, 'nope', true, null))).toBe(false);
    // Restored: back in the list, and sent again to open streams.
    expect(await t.db.transaction((tx) => kind.setHidden(tx, m.id, false, null))).toBe(true);
    expect(
      (await t.request('GET', `/api/live-rooms/${room.id}/messages`))
        .json<{ items: Message[] }>()
        .items.map((x) => x.id),
    ).toEqual([m.id]);
    expect((await t.services.live.backlog(room.id, 0)).map((e) => e.type)).toEqual([
      'state',
      'message',
      'hide',
      'message',
    ]);
  });

  it('pages through a room’s chat and the lists with cursors, each item once', async () => {
    const room = await liveRoom();
    for (let i = 0; i < 5; i++)
      await t.request('POST', `/api/live-rooms/${room.id}/messages`, {
        token: viewer.token,
        body: { body: `m${i}` },
      });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await t.request('GET', `/api/live-rooms/${room.id}/messages?limit=2${query}`)).json<{
        items: Message[];
        nextCursor: string | null;
      }>();
      seen.push(...page.items.map((x) => x.body));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    const rooms: string[] = [];
    cursor = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await t.request('GET', `/api/live-rooms?status=live&limit=2${query}`)).json<{
        items: Room[];
        nextCursor: string | null;
      }>();
      rooms.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(rooms).size).toBe(rooms.length);
    expect(rooms).toContain(room.id);
    expect((await t.request('GET', '/api/live-rooms?cursor=nonsense')).statusCode).toBe(400);
  });

  it('limits messages per person a minute when rate limits are on (429)', async () => {
    const limited = await createTestApp({
      RATE_LIMITS: 'on',
      LIVE_CHAT_RATE_LIMIT: '3',
      LIVE_STREAM_ORIGINS: 'https://video.example.com',
    });
    try {
      const h = await limited.signUp();
      await limited.request('POST', '/api/shopkeepers', { token: h.token });
      const room = (
        await limited.request('POST', '/api/live-rooms', {
          token: h.token,
          body: {
            title: 'x',
            startsAt: new Date(limited.clock.now().getTime() + 60_000).toISOString(),
            streamUrl: STREAM,
          },
        })
      ).json<Room>();
      const v = await limited.signUp();
      const send = (token: string) =>
        limited.request('POST', `/api/live-rooms/${room.id}/messages`, { token, body: { body: 'hello' } });
      for (let i = 0; i < 3; i++) expect((await send(v.token)).statusCode).toBe(201);
      const fourth = await send(v.token);
      expect(fourth.statusCode).toBe(429);
      expect(fourth.json()).toMatchObject({ reason: 'live_chat_rate_limited', params: { max: 3 } });
      expect((await send(h.token)).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('the event stream', () => {
  let base: string;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });

  it('delivers messages, pins and state changes as they happen, and resumes after Last-Event-ID', async () => {
    const room = await liveRoom();
    const seen = readEvents(`${base}/api/live-rooms/${room.id}/events`, (e) =>
      e.some((x) => x.type === 'pin'),
    );
    await new Promise((r) => setTimeout(r, 200));
    await t.request('POST', `/api/live-rooms/${room.id}/messages`, {
      token: viewer.token,
      body: { body: '<b>hi</b>' },
    });
    await t.request('POST', `/api/live-rooms/${room.id}/pins`, { token: host.token, body: { productId } });
    const events = await seen;
    expect(events.map((e) => e.type)).toEqual(['state', 'message', 'pin']);
    expect((events[1]!.data as Message).body).toBe('<b>hi</b>');
    expect(events.map((e) => e.id)).toEqual([1, 2, 3]);
    const resumed = await readEvents(`${base}/api/live-rooms/${room.id}/events`, (e) => e.length >= 1, {
      'last-event-id': '2',
    });
    expect(resumed.map((e) => [e.id, e.type])).toEqual([[3, 'pin']]);
    const after = await readEvents(`${base}/api/live-rooms/${room.id}/events?after=1`, (e) => e.length >= 2);
    expect(after.map((e) => e.type)).toEqual(['message', 'pin']);
  });

  it('sends a replay’s events and closes; an unknown room is 404', async () => {
    const room = await liveRoom();
    await t.request('POST', `/api/live-rooms/${room.id}/end`, { token: host.token });
    const events = await readEvents(`${base}/api/live-rooms/${room.id}/events`, () => false);
    expect(events.map((e) => (e.data as { status: string }).status)).toEqual(['live', 'ended']);
    expect((await fetch(`${base}/api/live-rooms/nope/events`)).status).toBe(404);
  });

  it('counts viewers: distinct in total, and at the peak', async () => {
    const room = await liveRoom();
    // Both streams stay open until the stats are read, however slow the machine is.
    const stop = new AbortController();
    const open = (headers: Record<string, string>) =>
      readEvents(`${base}/api/live-rooms/${room.id}/events`, () => false, headers, 30_000, stop.signal);
    const a = open({ authorization: `Bearer ${viewer.token}` });
    const b = open({});
    const stats = async () =>
      (await t.request('GET', `/api/live-rooms/${room.id}/stats`, { token: host.token })).json<Stats>();
    await expect.poll(async () => (await stats()).viewers.now, { timeout: 20_000 }).toBe(2);
    expect((await stats()).viewers).toMatchObject({ now: 2, peak: 2, total: 2 });
    stop.abort();
    await Promise.all([a, b]);
    await expect.poll(async () => (await stats()).viewers.now, { timeout: 20_000 }).toBe(0);
    expect((await stats()).viewers).toMatchObject({ peak: 2, total: 2 });
  });
});
