import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../accounts/rules.js';
import {
  addressOf,
  EMAIL_BY_DEFAULT,
  formatMoney,
  NOTIFICATION_TYPES,
  type NotificationEvent,
  type NotificationType,
  renderNotification,
} from './rules.js';

const ORDER = '01938c7e-0000-7000-8000-00000abc1234';
const samples: { [T in NotificationType]: NotificationEvent<T>[] } = {
  'order.paid': [{ orderId: ORDER, userId: 'u1' }],
  'order.redeemed': [{ orderId: ORDER, userId: 'u1' }],
  'order.shipped': [{ orderId: ORDER, userId: 'u1' }],
  'after_sale.decided': [
    { afterSaleId: 'as1', orderId: ORDER, userId: 'u1', status: 'refunded', amount: 1250 },
    { afterSaleId: 'as2', orderId: ORDER, userId: 'u1', status: 'rejected', amount: 0 },
  ],
  'commission.earned': [{ commissionId: 'c1', orderId: ORDER, userId: 'p1', amount: 490, level: 2 }],
  'commission.settled': [{ commissionId: 'c1', orderId: ORDER, userId: 'p1', amount: 490 }],
  'group.succeeded': [
    { groupId: 'g1', campaignId: 'k1', memberIds: ['u1', 'u2', 'u1'], orderIds: ['o1', 'o2', 'o3'] },
  ],
  'group.failed': [{ groupId: 'g1', campaignId: 'k1', memberIds: [] }],
  'badge.granted': [{ userId: 'p1', badge: 'customers', tier: 'silver' }],
  'points.expiring': [{ userId: 'u1', lotId: 'l1', points: 120, expiresAt: '2026-03-08T10:00:00.000Z' }],
  'pickup.reminder': [
    { userId: 'u1', orderId: 'o1', communityId: 'c1', collectBy: '2026-03-08T10:00:00.000Z' },
  ],
  'gift.claimed': [{ orderId: ORDER, userId: 'u1' }],
  'gift.refunded': [{ orderId: ORDER, userId: 'u1' }],
  'withdrawal.decided': [
    { withdrawalId: 'w1', userId: 'p1', amount: 10_000, status: 'approved' },
    { withdrawalId: 'w2', userId: 'p1', amount: 10_000, status: 'rejected' },
  ],
  'level.changed': [
    {
      userId: 'u1',
      fromLevel: 1,
      toLevel: 2,
      name: 'Silver',
      direction: 'up',
      changedAt: '2026-01-01T00:00:00Z',
    },
    { userId: 'u1', fromLevel: 3, toLevel: 2, name: 'Silver', direction: 'down' },
    { userId: 'u1', fromLevel: 3, toLevel: 2, name: 'Silver', direction: 'down', cause: 'level_removed' },
  ],
  'level.review_announced': [
    { userId: 'u1', reviewDay: '2027-01-01', level: 2, name: 'Silver', growth: 120, keepGrowth: 500 },
  ],
  'task.completed': [
    { userId: 'u1', taskId: 't1', title: 'Share 3 products', rewardPoints: 30, periodKey: '2026-11-30' },
    { userId: 'u1', taskId: 't2', title: 'Invite a friend', rewardPoints: 0, periodKey: 'once' },
  ],
  'competition.placed': [{ userId: 'p1', competitionId: 'k1', title: 'Spring sprint', rank: 2 }],
};

describe('renderNotification', () => {
  it('has a title and a body for every type, outcome and language, and the two languages differ', () => {
    for (const type of NOTIFICATION_TYPES) {
      for (const event of samples[type] as NotificationEvent[]) {
        const [en, zh] = LANGUAGES.map((l) => renderNotification(type, event as never, l, 'CNY'));
        for (const text of [en!, zh!]) {
          expect(text.title.length).toBeGreaterThan(0);
          expect(text.body.length).toBeGreaterThan(0);
        }
        expect(zh!.title).not.toBe(en!.title);
      }
    }
  });

  it('names the order by its short reference and amounts in the platform currency', () => {
    const refund = samples['after_sale.decided'][0]!;
    expect(renderNotification('after_sale.decided', refund, 'en', 'CNY').body).toBe(
      'CN¥12.50 is on its way back to you for order 0ABC1234.',
    );
    expect(renderNotification('after_sale.decided', refund, 'zh-CN', 'CNY').body).toContain('¥12.50');
    const withdrawal = samples['withdrawal.decided'][0]!;
    expect(renderNotification('withdrawal.decided', withdrawal, 'en', 'USD').body).toContain('$100.00');
    expect(renderNotification('withdrawal.decided', withdrawal, 'en', 'JPY').body).toContain('¥10,000');
  });
});

describe('formatMoney', () => {
  it('reads minor units with the currency’s own digits', () => {
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(5, 'CNY', 'zh-CN')).toBe('¥0.05');
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
  });

  it('shows every digit of any safe amount (no rounding away a minor unit)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (minor) => {
        const digits = formatMoney(minor, 'USD', 'en').replace(/[^0-9]/g, '');
        expect(Number(digits)).toBe(minor);
      }),
    );
  });
});

describe('addressOf', () => {
  it('tells the person the event names, once each, with the page of what it is about', () => {
    expect(addressOf('order.paid', samples['order.paid'][0]!)).toEqual({
      recipients: ['u1'],
      subject: ORDER,
      link: `/orders/${ORDER}`,
    });
    expect(addressOf('after_sale.decided', samples['after_sale.decided'][0]!)).toMatchObject({
      subject: 'as1',
      link: `/orders/${ORDER}`,
    });
    expect(addressOf('group.succeeded', samples['group.succeeded'][0]!)).toEqual({
      recipients: ['u1', 'u2'],
      subject: 'g1',
      link: '/groups/g1',
    });
    expect(addressOf('commission.settled', samples['commission.settled'][0]!).link).toBe(
      '/promote/commissions',
    );
    expect(addressOf('withdrawal.decided', samples['withdrawal.decided'][0]!).link).toBe(
      '/promote/withdrawals',
    );
    expect(addressOf('level.changed', samples['level.changed'][0]!).link).toBe('/level');
    expect(addressOf('level.review_announced', samples['level.review_announced'][0]!)).toEqual({
      recipients: ['u1'],
      subject: '2027-01-01',
      link: '/level',
    });
    expect(addressOf('task.completed', samples['task.completed'][0]!)).toEqual({
      recipients: ['u1'],
      subject: 't1:2026-11-30',
      link: '/tasks',
    });
    expect(addressOf('badge.granted', samples['badge.granted'][0]!)).toEqual({
      recipients: ['p1'],
      subject: 'customers:silver',
      link: '/badges',
    });
  });

  it('names the badge and its tier in the person’s language', () => {
    const badge = samples['badge.granted'][0]!;
    expect(renderNotification('badge.granted', badge, 'en', 'CNY').title).toBe(
      'New badge: Customers (silver)',
    );
    expect(renderNotification('badge.granted', badge, 'zh-CN', 'CNY').title).toBe(
      '获得新徽章：客户达人（银牌）',
    );
    expect(addressOf('points.expiring', samples['points.expiring'][0]!)).toEqual({
      recipients: ['u1'],
      subject: 'l1',
      link: '/points',
    });
  });
});

it('emails by default for orders, pickups waiting, after-sales, withdrawals, competition prizes and unclaimed gifts only', () => {
  expect(NOTIFICATION_TYPES.filter((t) => EMAIL_BY_DEFAULT[t])).toEqual([
    'order.paid',
    'order.redeemed',
    'order.shipped',
    'after_sale.decided',
    'withdrawal.decided',
    'competition.placed',
    'pickup.reminder',
    'gift.refunded',
  ]);
});
