import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ConfigError, loadConfig } from '../../config.js';

/**
 * A client must not choose the address its sales are checked against by sending X-Forwarded-For:
 * the address recorded for a signed-in person (`device_sightings`) follows TRUST_PROXY.
 */
/** The addresses recorded for a person after one request from `remoteAddress` with that header. */
async function seenFrom(trustProxy: string, remoteAddress: string, forwardedFor: string) {
  const t = await createTestApp({ TRUST_PROXY: trustProxy });
  try {
    return await seenIn(t, remoteAddress, forwardedFor);
  } finally {
    await t.close();
  }
}

async function seenIn(t: TestApp, remoteAddress: string, forwardedFor: string) {
  const person = await t.signUp();
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/me',
    remoteAddress,
    headers: { authorization: `Bearer ${person.token}`, 'x-forwarded-for': forwardedFor },
  });
  expect(res.statusCode).toBe(200);
  const seen = async () =>
    (
      await t.db.query<{ ip: string }>('SELECT ip FROM device_sightings WHERE user_id = $1', [person.user.id])
    ).map((r) => r.ip);
  // The sighting is written after the response.
  await expect.poll(async () => (await seen()).length).toBeGreaterThan(0);
  return seen();
}

describe('client addresses', () => {
  it('ignores X-Forwarded-For when TRUST_PROXY is off', async () => {
    expect(await seenFrom('off', '203.0.113.9', '6.6.6.6')).toEqual(['203.0.113.9']);
  });

  it('with one hop, takes the entry the proxy added, not one the client sent ahead of it', async () => {
    expect(await seenFrom('1', '10.0.0.1', '6.6.6.6, 198.51.100.20')).toEqual(['198.51.100.20']);
  });

  it('with a proxy list, believes the header only from a listed proxy', async () => {
    const t = await createTestApp({ TRUST_PROXY: '10.0.0.0/8' });
    try {
      expect(await seenIn(t, '10.0.0.1', '6.6.6.6, 198.51.100.20')).toEqual(['198.51.100.20']);
      expect(await seenIn(t, '203.0.113.9', '6.6.6.6')).toEqual(['203.0.113.9']);
    } finally {
      await t.close();
    }
  });

  it('refuses a setting that would trust every X-Forwarded-For', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'all' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: 'on' }).trustProxy).toEqual({ hops: 1 });
  });
});
