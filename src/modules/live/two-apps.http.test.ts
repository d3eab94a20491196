import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../../../test/support/sse.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createPostgresDatabase, openTestDatabase, testDialect } from '../../../test/support/test-db.js';
import { openPostgres } from '../../platform/db.js';
import type { Message, Room } from './schemas.js';

/**
 * Two app instances on one database, as two processes behind a load balancer: a message posted to
 * one reaches a stream open on the other. On PostgreSQL each instance has its own connection pool
 * (nothing shared but the database); on PGlite they share its one connection.
 */
let a: TestApp;
let b: TestApp;
let baseB: string;

beforeAll(async () => {
  const url = testDialect === 'postgres' ? await createPostgresDatabase() : undefined;
  const db = url ? openPostgres(url, 10) : await openTestDatabase();
  const second = url ? openPostgres(url, 10) : db;
  const env = { LIVE_POLL_MS: '50', LIVE_STREAM_ORIGINS: 'https://v.example.com' };
  a = await createTestApp(env, db);
  b = await createTestApp(env, second);
  await b.app.listen({ port: 0, host: '127.0.0.1' });
  baseB = `http://127.0.0.1:${(b.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await b.app.close();
  await b.jobs.stop();
  if (testDialect === 'postgres') await b.db.close();
  await a.close();
});

describe('two app instances on one database', () => {
  it('delivers a message posted to one instance to a stream on the other, in order, pins and state too', async () => {
    const host = await a.signUp({ name: 'Host' });
    await a.request('POST', '/api/shopkeepers', { token: host.token });
    const room = (
      await a.request('POST', '/api/live-rooms', {
        token: host.token,
        body: {
          title: 'Across',
          startsAt: new Date(a.clock.now().getTime() + 60_000).toISOString(),
          streamUrl: 'https://v.example.com/a.m3u8',
        },
      })
    ).json<Room>();
    const seen = readEvents(`${baseB}/api/live-rooms/${room.id}/events`, (e) => e.length >= 12, {}, 15_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(
      (await a.request('POST', `/api/live-rooms/${room.id}/start`, { token: host.token })).statusCode,
    ).toBe(200);
    const viewer = await a.signUp({ name: 'Viewer' });
    // Messages sent at once, from both instances: every one arrives once, numbered without a gap.
    const sent = await Promise.all(
      Array.from({ length: 11 }, (_, i) =>
        (i % 2 ? b : a).request('POST', `/api/live-rooms/${room.id}/messages`, {
          token: viewer.token,
          body: { body: `message ${i}` },
        }),
      ),
    );
    expect(sent.map((r) => r.statusCode)).toEqual(Array(11).fill(201));
    const events = await seen;
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(events[0]?.type).toBe('state');
    expect(new Set(events.slice(1).map((e) => (e.data as Message).body))).toEqual(
      new Set(Array.from({ length: 11 }, (_, i) => `message ${i}`)),
    );
  });
});
