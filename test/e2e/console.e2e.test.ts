import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupBuySteps } from '../../src/modules/groupbuy/test-steps.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * The operator on a phone (390 px): opens a campaign's groups and completes a nearly-full one at
 * the platform's cost, seeing what it costs first; approves one shopkeeper application and
 * rejects another with a reason, which the applicant reads on their store page, in Chinese too.
 */
let shop: Shop;
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop({ env: { SHOPKEEPER_APPROVAL: 'on' } }), launchBrowser()]);
  adminToken = (await shop.t.signInAdmin()).token;
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function asAdmin(language: 'en' | 'zh-CN' = 'en'): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  if (language === 'zh-CN')
    await page.context().addInitScript(() => localStorage.setItem('fission.lang', 'zh-CN'));
  await signInWithToken(page.context(), shop.baseUrl, adminToken);
  return page;
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('a campaign’s groups in the console', () => {
  it('shows the groups with members and counts, and completes one at the platform’s cost after confirming', async () => {
    const gb = groupBuySteps(shop.t);
    // Regular 49.00, group price 29.00: completing four paid members costs 4 × 20.00 = 80.00.
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 5 });
    const people = await Promise.all([1, 2, 3, 4].map((i) => shop.t.signUp({ name: `Member ${i}` })));
    const first = await gb.joinAndPay(people[0]!.token, variantId, { campaignId: campaign.id });
    const groupId = first.groupBuy!.groupId;
    for (const p of people.slice(1))
      await gb.joinAndPay(p.token, variantId, { campaignId: campaign.id, groupId });

    const page = await asAdmin();
    await page.goto('/admin/group-buys');
    await page.getByTestId('campaign-open').first().click();
    await page.waitForURL(`**/admin/group-buys/${campaign.id}`);
    const row = page.locator(`[data-testid="campaign-group-row"][data-group-id="${groupId}"]`);
    await row.waitFor();
    await expect(row.getByTestId('group-counts').textContent()).resolves.toBe('4 joined · 4 of 5 paid');
    await expect(row.textContent()).resolves.toContain('Member 1');
    // Stacked on a phone: each cell carries its column's name, and nothing runs off the screen.
    await expect(row.locator('td').first().getAttribute('data-label')).resolves.toBe('Leader');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await row.getByTestId('group-complete').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog.textContent()).resolves.toContain('80.00');
    await expect(dialog.textContent()).resolves.toContain('1 of 5 places are missing');
    await dialog.getByTestId('confirm-ok').click();
    await row.locator('[data-testid="group-status"][data-status="succeeded"]').waitFor();
    await expect(row.getByTestId('group-complete').count()).resolves.toBe(0);
    await expect(row.textContent()).resolves.toContain('Completed by the platform');

    // The campaign's form says what may change once groups exist, with the time to fill in days.
    const form = page.getByTestId('campaign-edit-form');
    await expect(form.textContent()).resolves.toContain('group size cannot change');
    await expect(page.getByTestId('edit-duration-unit').inputValue()).resolves.toBe('hours');
    await page.getByTestId('edit-duration').fill('2');
    await page.getByTestId('edit-duration-unit').selectOption('days');
    await page.getByTestId('edit-save').click();
    await form.getByRole('status').waitFor();
    const saved = await shop.t.request('GET', `/api/admin/group-buys/${campaign.id}`, { token: adminToken });
    expect(saved.json()).toMatchObject({ durationMinutes: 2 * 24 * 60 });
    await page.context().close();
  });
});

describe('shopkeeper applications in the console', () => {
  it('approves one application and rejects another with a reason the applicant sees', async () => {
    const approved = await shop.t.signUp({ name: 'Gao Yan' });
    const rejected = await shop.t.signUp({ name: 'Sun Li' });
    for (const s of [approved, rejected])
      expect((await shop.t.request('POST', '/api/shopkeepers', { token: s.token })).statusCode).toBe(201);

    const page = await asAdmin();
    await page.goto('/admin/shopkeepers');
    const row = (userId: string) =>
      page.locator(`[data-testid="shopkeepers-pending"] [data-user-id="${userId}"]`);
    await row(approved.user.id).getByTestId('shopkeeper-approve').click();
    await page.getByTestId('confirm-dialog').getByTestId('confirm-ok').click();
    await page
      .getByTestId('shopkeeper-decided')
      .filter({ hasText: 'Gao Yan is now a shopkeeper.' })
      .waitFor();
    await row(approved.user.id).waitFor({ state: 'detached' });

    await row(rejected.user.id).getByTestId('shopkeeper-reject').click();
    await page.getByTestId('reject-reason').fill('Please tell us which neighbourhood you serve.');
    await page.getByTestId('reject-ok').click();
    await page.getByTestId('shopkeepers-pending-empty').waitFor();
    const decided = page.getByTestId('shopkeepers-decided');
    await decided.locator(`[data-user-id="${approved.user.id}"]`).filter({ hasText: 'Approved' }).waitFor();
    await decided
      .locator(`[data-user-id="${rejected.user.id}"]`)
      .filter({ hasText: 'Please tell us which neighbourhood you serve.' })
      .waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();

    // The applicant reads the decision on their store page, in Chinese, and may apply again.
    const applicant = await openPage(browser, shop.baseUrl);
    await applicant.context().addInitScript(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await signInWithToken(applicant.context(), shop.baseUrl, rejected.token);
    await applicant.goto('/my-store');
    const notice = applicant.getByTestId('shopkeeper-rejected');
    await expect(notice.textContent()).resolves.toContain('你的店主申请未通过');
    await expect(notice.textContent()).resolves.toContain('Please tell us which neighbourhood you serve.');
    await applicant.getByTestId('become-shopkeeper').click();
    await applicant.getByTestId('shopkeeper-pending').waitFor();
    await applicant.context().close();

    // The console in Chinese: the queue shows the application again, and nothing overflows.
    const zh = await asAdmin('zh-CN');
    await zh.goto('/admin/shopkeepers');
    await zh.getByRole('heading', { name: '店主申请' }).waitFor();
    await zh.locator(`[data-testid="shopkeepers-pending"] [data-user-id="${rejected.user.id}"]`).waitFor();
    expect(await overflow(zh)).toBeLessThanOrEqual(0);
    await zh.context().close();
  });
});
