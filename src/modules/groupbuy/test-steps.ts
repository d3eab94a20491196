import { expect } from 'vitest';
import { createProduct } from '../../../test/support/shop.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/index.js';
import type { Campaign, Group } from './schemas.js';

/** Group-buy test steps over HTTP, shared by this module's test files. */
export function groupBuySteps(t: TestApp) {
  let adminToken: string | undefined;

  async function admin() {
    adminToken ??= (await t.signInAdmin()).token;
    return adminToken;
  }

  async function createCampaign(
    options: { groupSize?: number; price?: number; stock?: number; regularPrice?: number } & Record<
      string,
      unknown
    > = {},
  ) {
    const { groupSize = 3, price = 2900, stock = 50, regularPrice = 4900, ...rest } = options;
    const { product, variantId } = await createProduct(t, { price: regularPrice, stock });
    const res = await t.request('POST', '/api/admin/group-buys', {
      token: await admin(),
      body: { variantId, groupSize, price, durationMinutes: 60, ...rest },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { campaign: res.json<Campaign>(), product, variantId };
  }

  const order = (
    token: string,
    variantId: string,
    groupBuy: { campaignId: string; groupId?: string },
    quantity = 1,
  ) => t.request('POST', '/api/orders', { token, body: { items: [{ variantId, quantity }], groupBuy } });

  async function pay(token: string, orderId: string) {
    const res = await t.request('POST', `/api/payments/sandbox/${orderId}/succeed`, { token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Order>();
  }

  /** Places and pays a group order; returns the paid order. */
  async function joinAndPay(
    token: string,
    variantId: string,
    groupBuy: { campaignId: string; groupId?: string },
  ) {
    const placed = await order(token, variantId, groupBuy);
    expect(placed.statusCode, placed.body).toBe(201);
    return pay(token, placed.json<Order>().id);
  }

  const group = async (groupId: string) =>
    (await t.request('GET', `/api/group-buys/${groupId}`)).json<Group>();

  /** Moves the server's clock and runs the work that fell due, as POST /api/test/clock does. */
  async function advanceMinutes(n: number) {
    const res = await t.request('POST', '/api/test/clock', { body: { advanceMs: n * 60_000 } });
    expect(res.statusCode).toBe(200);
  }

  return { admin, createCampaign, order, pay, joinAndPay, group, advanceMinutes };
}
