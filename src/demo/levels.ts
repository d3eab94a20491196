/**
 * The demo's membership levels: four, named the way a Chinese shop names them, with benefits that
 * grow with rank, and a reward-only coupon the top two levels get every month. Created after the
 * story's orders, so each buyer's growth (one per yuan paid, refunds taken back) already stands and
 * the buyers land on different levels at once, each told so in a notification.
 */
import type { BuiltApp } from '../app.js';

type Services = BuiltApp['services'];

const NEUTRAL = { discountBps: 0, commissionMultiplierBps: 10_000, freeShipping: false } as const;

/**
 * Thresholds chosen for the story's orders (one growth per yuan paid; the orders through content
 * come later and move nobody up): Wang Fang (99) is Silver, Chen
 * Jie (234) Gold with 166 to go to Platinum, Zhao Lei (462) Platinum; Lin Xiaomei, who bought nothing, a Member.
 */
export const demoLevels = [
  { rank: 2, name: '白银会员 Silver', threshold: 60, ...NEUTRAL, discountBps: 200 },
  {
    rank: 3,
    name: '黄金会员 Gold',
    threshold: 200,
    discountBps: 500,
    commissionMultiplierBps: 12_000,
    freeShipping: true,
  },
  {
    rank: 4,
    name: '铂金会员 Platinum',
    threshold: 400,
    discountBps: 800,
    commissionMultiplierBps: 15_000,
    freeShipping: true,
  },
] as const;

export async function seedDemoLevels(services: Services): Promise<{ levels: number }> {
  const existing = (await services.levels.listLevels({ limit: 100 })).items;
  if (existing.length > 1) return { levels: existing.length };
  const coupon = await services.coupons.createTemplate({
    title: '会员月券 ¥10 off',
    description: 'Every month for Gold and Platinum members / 黄金及铂金会员每月一张',
    kind: 'amount_off',
    amountOff: 1000,
    minSpend: 5000,
    validDays: 31,
    claimable: false,
  });
  await services.levels.updateLevel(1, {
    name: '普通会员 Member',
    threshold: 0,
    ...NEUTRAL,
    monthlyCouponTemplateId: null,
  });
  for (const level of demoLevels) {
    const monthlyCouponTemplateId = level.rank >= 3 ? coupon.id : null;
    await services.levels.createLevel({ ...level, monthlyCouponTemplateId });
  }
  return { levels: demoLevels.length + 1 };
}
