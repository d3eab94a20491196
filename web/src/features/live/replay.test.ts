import { describe, expect, it } from 'vitest';
import { applyMessage, hideMessage } from './api/room-events';
import { messagesUntil, pinAt, timeUntil } from './replay';
import type { LiveMessage, LivePin } from './types';

const pin = (id: string, atMs: number, untilMs: number | null): LivePin => ({
  id,
  productId: `p-${id}`,
  product: null,
  atMs,
  untilMs,
  pinnedAt: '2026-01-01T00:00:00.000Z',
  unpinnedAt: null,
});
const message = (id: string, atMs: number): LiveMessage => ({
  id,
  body: id,
  author: { id: 'u', name: 'U' },
  atMs,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('the replay', () => {
  const pins = [pin('a', 1000, 5000), pin('b', 5000, 9000), pin('c', 12_000, null)];
  it('shows each pin in its interval, none between, and the last to the end', () => {
    expect(pinAt(pins, 0)).toBeNull();
    expect(pinAt(pins, 1000)?.id).toBe('a');
    expect(pinAt(pins, 4999)?.id).toBe('a');
    expect(pinAt(pins, 5000)?.id).toBe('b');
    expect(pinAt(pins, 10_000)).toBeNull();
    expect(pinAt(pins, 99_000)?.id).toBe('c');
  });

  it('shows the chat sent up to the moment', () => {
    expect(messagesUntil([message('1', 0), message('2', 3000)], 2999).map((m) => m.id)).toEqual(['1']);
  });

  it('counts down to the start, and stops at zero', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(timeUntil(new Date('2026-01-02T01:02:03Z'), now)).toMatchObject({
      days: 1,
      hours: 1,
      minutes: 2,
      seconds: 3,
    });
    expect(timeUntil(new Date('2025-12-31T00:00:00Z'), now).total).toBe(0);
  });
});

describe('the live chat', () => {
  it('adds a message once, in order, and drops a hidden one', () => {
    const one = applyMessage([], message('b', 0));
    const two = applyMessage(applyMessage(one, message('a', 0)), message('b', 0));
    expect(two.map((m) => m.id)).toEqual(['a', 'b']);
    expect(hideMessage(two, 'a').map((m) => m.id)).toEqual(['b']);
  });
});
