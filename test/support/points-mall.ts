import { expect } from 'vitest';
import type { AdminItem, Redemption } from '../../src/modules/points-mall/schemas.js';
import type { TestApp } from './test-app.js';

/** Gives a person points through the points service, as any module earning them does. */
export async function givePoints(t: TestApp, userId: string, points: number) {
  await t.db.transaction((tx) =>
    t.services.points.earn(tx, { userId, points, reason: 'task', ref: `test:${crypto.randomUUID()}` }),
  );
}

export async function createMallItem(t: TestApp, adminToken: string, body: Record<string, unknown>) {
  const res = await t.request('POST', '/api/admin/points-mall/items', {
    token: adminToken,
    body: { title: 'A tea towel', kind: 'perk', costPoints: 100, stock: 5, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AdminItem>();
}

export const redeem = (t: TestApp, token: string, itemId: string, body?: Record<string, unknown>) =>
  t.request('POST', `/api/points-mall/${itemId}/redemptions`, { token, ...(body ? { body } : {}) });

export async function redeemed(t: TestApp, token: string, itemId: string, body?: Record<string, unknown>) {
  const res = await redeem(t, token, itemId, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Redemption>();
}

export const balanceOf = async (t: TestApp, token: string) =>
  (await t.request('GET', '/api/me/points', { token })).json<{ balance: number }>().balance;
