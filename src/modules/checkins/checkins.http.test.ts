import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { addDays, dayIn } from '../../platform/calendar.js';
import { days } from '../../platform/clock.js';
import type { DomainEvents } from '../../platform/events.js';
import { DEFAULT_SETTINGS } from './rules.js';
import type { CalendarView, Settings } from './schemas.js';

let t: TestApp;
const made: DomainEvents['checkin.made'][] = [];
beforeAll(async () => {
  t = await createTestApp();
  // Inside the check-in's transaction: what tasks, honours and levels would hear.
  t.services.events.subscribe('checkin.made', async (_tx, event) => {
    made.push(event);
  });
});
afterAll(() => t.close());

/**
 * Moves the clock on to noon (UTC, the test app's zone) of the next day that is the `dayOfMonth`th
 * of a month: a test then never straddles midnight, and a make-up test has days of the month behind it.
 */
function moveToDayOfMonth(dayOfMonth: number) {
  const now = t.clock.now();
  const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), dayOfMonth, 12));
  while (target <= now) target.setUTCMonth(target.getUTCMonth() + 1);
  t.clock.advance(target.getTime() - now.getTime());
}
const today = () => dayIn('UTC', t.clock.now());

const checkIn = (token?: string) => t.request('POST', '/api/me/check-ins', { token });
const calendar = async (token: string, month?: string) => {
  const res = await t.request('GET', `/api/me/check-ins${month ? `?month=${month}` : ''}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CalendarView>();
};
const balance = async (token: string) =>
  (await t.request('GET', '/api/me/points', { token })).json<{ balance: number }>().balance;
const makeUp = (token: string, day: string) =>
  t.request('POST', '/api/me/check-ins/make-up', { token, body: { day } });
async function saveSettings(body: Settings) {
  const { token } = await t.signInAdmin();
  const res = await t.request('PUT', '/api/admin/check-ins/settings', { token, body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Settings>();
}

describe('checking in', () => {
  it('happy: 201 with the points and the streak, then 409 already_checked_in the same day; points once', async () => {
    moveToDayOfMonth(10);
    const { token, user } = await t.signUp();
    const first = await checkIn(token);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ points: 5, streak: 1 });
    const again = await checkIn(token);
    expect(expectProblem(again, 409)).toMatchObject({
      reason: 'already_checked_in',
      params: { day: today() },
    });
    expect(await balance(token)).toBe(5);
    const history = (await t.request('GET', '/api/me/points', { token })).json<{
      items: { reason: string }[];
    }>();
    expect(history.items.map((p) => p.reason)).toEqual(['checkin']);
    expect(made.filter((e) => e.userId === user.id)).toEqual([
      { userId: user.id, day: today(), streak: 1, points: 5 },
    ]);
  });

  it(`a double tap earns once: one 201, one 409 ${RACE}`, async () => {
    const { token, user } = await t.signUp();
    const taps = await Promise.all([checkIn(token), checkIn(token), checkIn(token)]);
    expect(taps.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await balance(token)).toBe(5);
    expect((await calendar(token)).days).toHaveLength(1);
    expect(made.filter((e) => e.userId === user.id)).toHaveLength(1);
  });

  it('a streak over eight days earns the table, then the beyond value; tomorrow’s points are shown', async () => {
    const { token } = await t.signUp();
    const earned: number[] = [];
    for (let day = 1; day <= 8; day++) {
      const before = await calendar(token);
      const res = await checkIn(token);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ streak: day, points: before.pointsToday });
      earned.push(res.json<{ points: number }>().points);
      const after = await calendar(token);
      expect(after).toMatchObject({ checkedInToday: true, streak: day, pointsToday: before.pointsToday });
      expect(after.pointsTomorrow).toBe(day + 1 <= 7 ? DEFAULT_SETTINGS.streakPoints[day] : 30);
      t.clock.advance(days(1));
    }
    expect(earned).toEqual([5, 5, 10, 10, 15, 15, 30, 30]);
    expect(await balance(token)).toBe(120);
    // The streak still stands the next morning, before today's check-in.
    expect(await calendar(token)).toMatchObject({ checkedInToday: false, streak: 8, pointsToday: 30 });
  });

  it('a missed day resets the streak to day 1', async () => {
    const { token } = await t.signUp();
    for (let i = 0; i < 3; i++) {
      expect((await checkIn(token)).statusCode).toBe(201);
      t.clock.advance(days(1));
    }
    t.clock.advance(days(1)); // a day without a check-in
    expect(await calendar(token)).toMatchObject({ streak: 0, pointsToday: 5 });
    expect((await checkIn(token)).json()).toEqual({ points: 5, streak: 1 });
  });

  it('the calendar shows the month asked for; a month of another form is 400', async () => {
    moveToDayOfMonth(3);
    const { token, user } = await t.signUp();
    // A day of last month, checked in as the demo loads its history (the clock never goes back).
    const lastMonthDay = addDays(today(), -3);
    await t.services.checkins.checkInOn(user.id, lastMonthDay);
    await checkIn(token);
    const now = await calendar(token);
    expect(now.month).toBe(today().slice(0, 7));
    expect(now.days.map((d) => d.day)).toEqual([today()]);
    const before = await calendar(token, lastMonthDay.slice(0, 7));
    expect(before.days).toEqual([{ day: lastMonthDay, madeUp: false, points: 5 }]);
    expect(before.today).toBe(today());
    for (const month of ['2026-13', '2026-1', 'May'])
      expect(
        errorPaths(expectProblem(await t.request('GET', `/api/me/check-ins?month=${month}`, { token }), 400)),
      ).toEqual(['/querystring/month']);
  });
});

describe('make-up cards', () => {
  it('fill a missed day of this month: it joins the streak, earns nothing, and uses the month’s card', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, streakPoints: [...DEFAULT_SETTINGS.streakPoints] });
    moveToDayOfMonth(10);
    const { token, user } = await t.signUp();
    for (const skip of [false, false, true]) {
      if (!skip) expect((await checkIn(token)).statusCode).toBe(201);
      t.clock.advance(days(1));
    }
    // Checked in on the 10th and 11th, missed the 12th; today is the 13th.
    expect((await checkIn(token)).json()).toEqual({ points: 5, streak: 1 });
    const missed = addDays(today(), -1);
    const view = await calendar(token);
    expect(view).toMatchObject({ makeUpCardsLeft: 1, makeUpCardsPerMonth: 1 });
    expect(view.makeUpDays).toContain(missed);
    expect(view.makeUpDays).not.toContain(addDays(today(), -2));
    const pointsBefore = await balance(token);
    const eventsBefore = made.filter((e) => e.userId === user.id).length;

    const filled = await makeUp(token, missed);
    expect(filled.statusCode, filled.body).toBe(201);
    expect(filled.json()).toEqual({ day: missed, points: 0, streak: 4, makeUpCardsLeft: 0 });
    expect(await balance(token)).toBe(pointsBefore);
    expect(made.filter((e) => e.userId === user.id)).toHaveLength(eventsBefore);
    const after = await calendar(token);
    expect(after).toMatchObject({ streak: 4, makeUpCardsLeft: 0, makeUpDays: [] });
    expect(after.days.find((d) => d.day === missed)).toEqual({ day: missed, madeUp: true, points: 0 });

    // Tomorrow is the fifth day of the streak the card mended.
    t.clock.advance(days(1));
    expect((await checkIn(token)).json()).toEqual({ points: 15, streak: 5 });
  });

  it('error: today, a day to come, last month, a checked day, no card left, cards off; a bad day is 400', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, streakPoints: [...DEFAULT_SETTINGS.streakPoints] });
    moveToDayOfMonth(20);
    const { token } = await t.signUp();
    await checkIn(token);
    const refused = async (day: string, status: number, reason: string) =>
      expect(expectProblem(await makeUp(token, day), status).reason, day).toBe(reason);
    await refused(today(), 422, 'make_up_not_past');
    await refused(addDays(today(), 1), 422, 'make_up_not_past');
    await refused(addDays(today(), -25), 422, 'make_up_other_month');
    await refused(today(), 422, 'make_up_not_past');
    t.clock.advance(days(1));
    await refused(addDays(today(), -1), 409, 'make_up_day_checked');
    expect((await makeUp(token, addDays(today(), -5))).statusCode).toBe(201);
    const none = expectProblem(await makeUp(token, addDays(today(), -6)), 422);
    expect(none).toMatchObject({ reason: 'make_up_no_cards', params: { perMonth: 1 } });
    await saveSettings({
      ...DEFAULT_SETTINGS,
      streakPoints: [...DEFAULT_SETTINGS.streakPoints],
      makeUpCardsPerMonth: 0,
    });
    await refused(addDays(today(), -7), 422, 'make_up_off');
    expect((await calendar(token)).makeUpDays).toEqual([]);
    for (const day of ['2026-02-30', 'yesterday', ''])
      expect(errorPaths(expectProblem(await makeUp(token, day), 400))).toEqual(['/day']);
    expect(
      errorPaths(
        expectProblem(await t.request('POST', '/api/me/check-ins/make-up', { token, body: {} }), 400),
      ),
    ).toEqual(['/day']);
  });

  it(`two cards at once with one left: one fills its day, the other is refused ${RACE}`, async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, streakPoints: [...DEFAULT_SETTINGS.streakPoints] });
    moveToDayOfMonth(15);
    const { token } = await t.signUp();
    const results = await Promise.all([
      makeUp(token, addDays(today(), -1)),
      makeUp(token, addDays(today(), -2)),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect((await calendar(token)).days.filter((d) => d.madeUp)).toHaveLength(1);
  });
});

describe('the operator’s settings', () => {
  it('happy: defaults, then a new table applies from the next check-in', async () => {
    const { token: admin } = await t.signInAdmin();
    const current = await t.request('GET', '/api/admin/check-ins/settings', { token: admin });
    expect(current.statusCode).toBe(200);
    const table = { streakPoints: [1, 2, 3, 4, 5, 6, 7], beyondPoints: 50, makeUpCardsPerMonth: 2 };
    expect(await saveSettings(table)).toEqual(table);
    expect((await t.request('GET', '/api/admin/check-ins/settings', { token: admin })).json()).toEqual(table);
    moveToDayOfMonth(5);
    const { token } = await t.signUp();
    expect((await checkIn(token)).json()).toEqual({ points: 1, streak: 1 });
    expect(await calendar(token)).toMatchObject({
      pointsTomorrow: 2,
      makeUpCardsLeft: 2,
      bonus: { streakPoints: table.streakPoints, beyondPoints: 50 },
    });
    await saveSettings({ ...DEFAULT_SETTINGS, streakPoints: [...DEFAULT_SETTINGS.streakPoints] });
  });

  it('error: field errors for a table of the wrong length, negative points, too many cards, unknown keys', async () => {
    const { token } = await t.signInAdmin();
    const put = (body: unknown) => t.request('PUT', '/api/admin/check-ins/settings', { token, body });
    const base = { streakPoints: [5, 5, 10, 10, 15, 15, 30], beyondPoints: 30, makeUpCardsPerMonth: 1 };
    expect(errorPaths(expectProblem(await put({ ...base, streakPoints: [1, 2, 3] }), 400))).toEqual([
      '/streakPoints',
    ]);
    expect(
      errorPaths(expectProblem(await put({ ...base, streakPoints: [-1, 2, 3, 4, 5, 6, 7] }), 400)),
    ).toEqual(['/streakPoints/0']);
    const several = expectProblem(await put({ ...base, beyondPoints: 1.5, makeUpCardsPerMonth: 11 }), 400);
    expect(errorPaths(several).sort()).toEqual(['/beyondPoints', '/makeUpCardsPerMonth']);
    expect(expectProblem(await put({ ...base, extra: 1 }), 400).errors).toEqual([
      expect.objectContaining({ rule: 'additionalProperties' }),
    ]);
    expect(errorPaths(expectProblem(await put({ beyondPoints: 3 }), 400)).sort()).toEqual([
      '/makeUpCardsPerMonth',
      '/streakPoints',
    ]);
    expect((await t.request('GET', '/api/admin/check-ins/settings', { token })).json()).toEqual(base);
  });

  it('security: a buyer is 403 on the settings; no token is 401 everywhere', async () => {
    const { token } = await t.signUp();
    expectProblem(await t.request('GET', '/api/admin/check-ins/settings', { token }), 403);
    expectProblem(
      await t.request('PUT', '/api/admin/check-ins/settings', {
        token,
        body: { streakPoints: [0, 0, 0, 0, 0, 0, 0], beyondPoints: 0, makeUpCardsPerMonth: 0 },
      }),
      403,
    );
    expectProblem(await checkIn(), 401);
    expectProblem(await t.request('GET', '/api/me/check-ins'), 401);
    expectProblem(await t.request('POST', '/api/me/check-ins/make-up', { body: { day: today() } }), 401);
    expectProblem(await t.request('GET', '/api/admin/check-ins/settings'), 401);
  });

  it('security: one person’s check-ins are not another’s', async () => {
    const a = await t.signUp();
    const b = await t.signUp();
    expect((await checkIn(a.token)).statusCode).toBe(201);
    expect(await calendar(b.token)).toMatchObject({ checkedInToday: false, days: [] });
    expect((await checkIn(b.token)).statusCode).toBe(201);
  });
});

describe('the day is the platform’s time zone’s', () => {
  it('two check-ins an hour apart in UTC are two days on Kiritimati (UTC+14)', async () => {
    const k = await createTestApp({ TIME_ZONE: 'Pacific/Kiritimati' });
    try {
      const now = k.clock.now();
      // 09:30 UTC is 23:30 on Kiritimati; an hour later it is tomorrow there, still today in UTC.
      const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9, 30));
      if (target <= now) target.setUTCDate(target.getUTCDate() + 1);
      k.clock.advance(target.getTime() - now.getTime());
      const { token } = await k.signUp();
      const first = await k.request('POST', '/api/me/check-ins', { token });
      expect(first.statusCode).toBe(201);
      const day = (await k.request('GET', '/api/me/check-ins', { token })).json<CalendarView>().today;
      expect(day).toBe(dayIn('Pacific/Kiritimati', k.clock.now()));
      k.clock.advance(60 * 60_000);
      const second = await k.request('POST', '/api/me/check-ins', { token });
      expect(second.json()).toEqual({ points: 5, streak: 2 });
    } finally {
      await k.close();
    }
  });
});
