import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { demoPeople } from './people.js';
import { seedDemoShop } from './seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoShop(t.services, t.db, t);
}, 180_000);
afterAll(() => t.close());

const signIn = async (key: string) => {
  const person = demoPeople.find((p) => p.key === key);
  if (!person) throw new Error(key);
  const res = await t.request('POST', '/api/auth/login', {
    body: { email: person.email, password: person.password },
  });
  return res.json<{ token: string }>().token;
};

describe('the demo shop’s recommendations', () => {
  it('is trained at seed, and gives every demo buyer a "for you" with reasons from friends and browsing', async () => {
    const trainings = await t.services.recommendations.trainings(1);
    expect(trainings.items[0]).toMatchObject({ status: 'done' });
    const reasons = new Set<string>();
    for (const key of ['buyer1', 'buyer2', 'buyer3']) {
      const res = await t.request('GET', '/api/recommendations?limit=12', { token: await signIn(key) });
      const items = res.json<{ items: { reason: { type: string } }[] }>().items;
      expect(items.length, key).toBeGreaterThanOrEqual(6);
      for (const item of items) reasons.add(item.reason.type);
    }
    expect(reasons).toContain('friends_bought');
    expect([...reasons].some((r) => r === 'because_you_bought' || r === 'because_you_viewed')).toBe(true);
  });
});
