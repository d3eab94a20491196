import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import type { Academy, Question, QuestionSummary } from '../modules/academy/schemas.js';
import type { PublicUser } from '../modules/accounts/index.js';
import { demoAcademy, seedDemoAcademy } from './academy.js';
import type { DemoPerson } from './people.js';

let t: TestApp;
let shopkeeperToken: string;
beforeAll(async () => {
  t = await createTestApp();
  const people = new Map<DemoPerson['key'], PublicUser>();
  for (const key of ['shopkeeper', 'buyer1', 'buyer2', 'buyer3'] as const) {
    const session = await t.signUp({ name: key });
    people.set(key, session.user);
    if (key === 'shopkeeper') shopkeeperToken = session.token;
  }
  await seedDemoAcademy(t.services, people);
});
afterAll(() => t.close());

describe('the demo academy', () => {
  it('publishes two sections of 5–6 lessons, two of them finished by the shopkeeper', async () => {
    const academy = (await t.request('GET', '/api/academy', { token: shopkeeperToken })).json<Academy>();
    expect(academy.items.map((s) => s.title)).toEqual(demoAcademy.map((s) => s.title));
    const total = demoAcademy.reduce((n, s) => n + s.lessons.length, 0);
    expect(total).toBeGreaterThanOrEqual(5);
    expect(total).toBeLessThanOrEqual(6);
    expect(academy.progress).toEqual({ completed: 2, total });
    expect(academy.items[0]?.lessons.slice(0, 2).every((l) => l.completedAt !== null)).toBe(true);
  });

  it('fills the board: a solved question with votes, an answered one and one waiting', async () => {
    const board = (await t.request('GET', '/api/academy/questions')).json<{ items: QuestionSummary[] }>();
    expect(board.items).toHaveLength(3);
    expect(board.items.filter((q) => q.hasBestAnswer)).toHaveLength(1);
    expect(board.items.map((q) => q.answers).sort()).toEqual([0, 1, 2]);
    const solved = board.items.find((q) => q.hasBestAnswer) as QuestionSummary;
    const question = (await t.request('GET', `/api/academy/questions/${solved.id}`)).json<Question>();
    expect(question.answers[0]).toMatchObject({ best: true, votes: 2 });
  });
});
