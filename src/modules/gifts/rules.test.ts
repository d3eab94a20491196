import { describe, expect, it } from 'vitest';
import { randomToken } from '../../platform/ids.js';
import {
  claimDeadline,
  claimRefusal,
  claimUrlOf,
  GIFT_STATUSES,
  type GiftStatus,
  giftMachine,
  relationOf,
  TOKEN_BYTES,
} from './rules.js';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const LATER = new Date('2026-03-02T10:00:00.000Z');
const gift = (status: GiftStatus, claimBy: Date | null = LATER) => ({ status, senderId: 'sender', claimBy });

describe('the gift state machine', () => {
  it('moves a gift from payment to one end: claimed, refunded or cancelled, and never back', () => {
    const moves = GIFT_STATUSES.flatMap((from) =>
      GIFT_STATUSES.filter((to) => giftMachine.canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(moves).toEqual([
      'awaiting_payment→unclaimed',
      'awaiting_payment→cancelled',
      'unclaimed→claimed',
      'unclaimed→refunded',
    ]);
  });
});

describe('claimRefusal', () => {
  it('lets anyone but the sender claim an unclaimed gift before its deadline', () => {
    expect(claimRefusal(gift('unclaimed'), 'friend', NOW)).toBeNull();
  });

  it('says why for every state, whoever asks', () => {
    const table = GIFT_STATUSES.map((status) => [
      status,
      claimRefusal(gift(status), 'friend', NOW),
      claimRefusal(gift(status), 'sender', NOW),
    ]);
    expect(table).toEqual([
      ['awaiting_payment', 'gift_unknown', 'gift_unknown'],
      ['unclaimed', null, 'gift_own'],
      ['claimed', 'gift_already_claimed', 'gift_own'],
      ['refunded', 'gift_refunded', 'gift_own'],
      ['cancelled', 'gift_unknown', 'gift_unknown'],
    ]);
  });

  it('closes the gift at its deadline, to the millisecond', () => {
    expect(claimRefusal(gift('unclaimed', NOW), 'friend', new Date(NOW.getTime() - 1))).toBeNull();
    expect(claimRefusal(gift('unclaimed', NOW), 'friend', NOW)).toBe('gift_expired');
  });
});

describe('links, deadlines and viewers', () => {
  it('makes a claim link of the origin and the token, whatever slashes the origin ends with', () => {
    expect(claimUrlOf('https://shop.example.com', 'abc')).toBe('https://shop.example.com/gifts/abc');
    expect(claimUrlOf('https://shop.example.com/', 'abc')).toBe('https://shop.example.com/gifts/abc');
  });

  it('draws tokens of at least 128 random bits, in base64url', () => {
    expect(TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
    const tokens = Array.from({ length: 200 }, () => randomToken(TOKEN_BYTES));
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('sets the deadline claimDays after payment', () => {
    expect(claimDeadline(NOW, 1)).toEqual(LATER);
    expect(claimDeadline(NOW, 3).getTime() - NOW.getTime()).toBe(3 * 86_400_000);
  });

  it('tells the sender and the recipient from anyone else', () => {
    const g = { senderId: 's', recipientId: 'r' };
    expect([relationOf(g, 's'), relationOf(g, 'r'), relationOf(g, 'x'), relationOf(g, undefined)]).toEqual([
      'sent',
      'received',
      null,
      null,
    ]);
    expect(relationOf({ senderId: 's', recipientId: null }, 'r')).toBeNull();
  });
});
