import { describe, expect, it } from 'vitest';
import {
  describe as describeCard,
  messagesFor,
  posterTexts,
  previewTexts,
  SHARE_MESSAGES,
} from './messages.js';
import type { TargetCard } from './targets.js';

const card = (over: Partial<TargetCard> = {}): TargetCard => ({
  id: 'p1',
  title: '茉莉花茶',
  description: null,
  image: null,
  price: 6800,
  path: '/products/p1',
  ...over,
});
const group = card({
  price: 4900,
  facts: { kind: 'group', open: true, leaderName: '陈*', seatsMissing: 2, groupSize: 3 },
});

describe('share messages', () => {
  it('have the same texts in every language', () => {
    const keys = (m: object) => Object.keys(m).sort();
    expect(keys(SHARE_MESSAGES['zh-CN'])).toEqual(keys(SHARE_MESSAGES.en));
    expect(keys(SHARE_MESSAGES['zh-CN'].scan)).toEqual(keys(SHARE_MESSAGES.en.scan));
  });

  it('word a poster in the sharer’s language, money formatted by Intl in it', () => {
    const zh = posterTexts(messagesFor('zh-CN'), {
      type: 'product',
      card: card({ facts: { kind: 'product', priceVaries: true } }),
      sharerName: '陈杰',
      currency: 'CNY',
    });
    expect(zh).toMatchObject({ price: '¥68.00 起', sharedBy: '陈杰 分享', scan: '扫码购买', note: null });
    const en = posterTexts(messagesFor('en'), {
      type: 'product',
      card: card(),
      sharerName: 'Mei',
      currency: 'CNY',
    });
    expect(en).toMatchObject({ price: 'CN¥68.00', sharedBy: 'Shared by Mei', scan: 'Scan to buy' });
  });

  it('word a group’s deal from its facts', () => {
    const zh = posterTexts(messagesFor('zh-CN'), {
      type: 'group',
      card: group,
      sharerName: '陈杰',
      currency: 'CNY',
    });
    expect(zh).toMatchObject({
      price: '拼团价 ¥49.00',
      note: '加入陈*的团：还差 2 人即可享拼团价',
      scan: '扫码参团',
    });
    expect(
      describeCard(messagesFor('en'), {
        ...group,
        facts: { kind: 'group', open: false, leaderName: '陈*', seatsMissing: 2, groupSize: 3 },
      }),
    ).toBe('A group buy of 3');
    expect(describeCard(messagesFor('en'), group)).toBe(
      "Join 陈*'s group: 2 more people to unlock the group price",
    );
  });

  it('say who recommends a preview, and fall back to English for an unknown language', () => {
    expect(
      previewTexts(messagesFor('zh-CN'), { card: card(), recommender: '陈*', currency: 'USD' }),
    ).toMatchObject({
      recommends: '陈* 推荐',
      price: 'US$68.00',
    });
    expect(
      previewTexts(messagesFor('fr'), { card: card(), recommender: null, currency: 'CNY' }),
    ).toMatchObject({
      recommends: null,
      tagline: 'Fission · shop, share, earn',
    });
  });

  it('prefer what the owner wrote, then a worded line, then the title', () => {
    const en = messagesFor('en');
    expect(describeCard(en, card({ description: 'Spring tea' }))).toBe('Spring tea');
    expect(describeCard(en, card({ title: 'Leaf', facts: { kind: 'store', ownerName: 'Mei Lin' } }))).toBe(
      'Leaf — a store by Mei Lin on Fission',
    );
    expect(describeCard(en, card())).toBe('茉莉花茶');
  });
});
