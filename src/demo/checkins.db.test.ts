import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import type { CalendarView } from '../modules/checkins/index.js';
import { seedDemoCheckins } from './checkins.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo check-ins', () => {
  it('leave a 5-day streak ending yesterday, so today’s check-in continues it; seeding twice changes nothing', async () => {
    const { token, user } = await t.signUp({ name: 'Chen Jie' });
    await seedDemoCheckins(t.services, user);
    await seedDemoCheckins(t.services, user);
    const view = (await t.request('GET', '/api/me/check-ins', { token })).json<CalendarView>();
    expect(view).toMatchObject({ checkedInToday: false, streak: 5, pointsToday: 15 });
    const points = (await t.request('GET', '/api/me/points', { token })).json<{ balance: number }>();
    expect(points.balance).toBe(5 + 5 + 5 + 10 + 10 + 15);
    const today = await t.request('POST', '/api/me/check-ins', { token });
    expect(today.json()).toEqual({ points: 15, streak: 6 });
  });
});
