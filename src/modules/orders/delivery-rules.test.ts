import { describe, expect, it } from 'vitest';
import {
  cancelRefusal,
  PICKUP_REFUSALS,
  pickupRefusal,
  receiptRefusal,
  SHIP_REFUSALS,
  shipRefusal,
} from './delivery-rules.js';
import { ORDER_STATUSES, orderMachine } from './rules.js';

const canTransition = orderMachine.canTransition;

const GROUP_STATES = [undefined, 'waiting', 'succeeded', 'failed', 'left'] as const;

describe('who may ship, confirm and cancel', () => {
  it('ships exactly a paid order outside a group or in a succeeded one', () => {
    const shippable = ORDER_STATUSES.flatMap((status) =>
      GROUP_STATES.filter((group) => shipRefusal(status, group) === null).map((g) => `${status}/${g}`),
    );
    expect(shippable).toEqual(['paid/undefined', 'paid/succeeded']);
  });

  it('never lets through a move the state machine forbids, and names every refusal', () => {
    for (const status of ORDER_STATUSES) {
      for (const group of GROUP_STATES) {
        const refusal = shipRefusal(status, group);
        if (refusal === null) expect(canTransition(status, 'shipped')).toBe(true);
        else expect(SHIP_REFUSALS[refusal]).toMatch(/\w/);
      }
    }
    expect(shipRefusal('pending_payment', undefined)).toBe('not_paid');
    expect(shipRefusal('shipped', 'succeeded')).toBe('already_shipped');
    expect(shipRefusal('paid', 'waiting')).toBe('group_waiting');
    expect(shipRefusal('paid', 'failed')).toBe('group_failed');
  });

  it('confirms receipt of a shipped order only, the move the state machine allows', () => {
    for (const status of ORDER_STATUSES) {
      expect(receiptRefusal(status) === null).toBe(status === 'shipped');
      if (status === 'shipped') expect(canTransition(status, 'completed')).toBe(true);
    }
    expect(receiptRefusal('paid')).toBe('not_shipped');
    expect(receiptRefusal('completed')).toBe('already_completed');
  });

  it('cancels an unpaid order only', () => {
    for (const status of ORDER_STATUSES) {
      expect(cancelRefusal(status) === null).toBe(canTransition(status, 'cancelled'));
    }
    expect(cancelRefusal('paid')).toBe('already_paid');
    expect(cancelRefusal('cancelled')).toBe('already_cancelled');
    expect(cancelRefusal('refunded')).toBe('order_closed');
  });

  it('hands over at a pickup point exactly what ships: a paid order outside a group or in a succeeded one', () => {
    const collectable = ORDER_STATUSES.flatMap((status) =>
      GROUP_STATES.filter((group) => pickupRefusal(status, group) === null).map((g) => `${status}/${g}`),
    );
    expect(collectable).toEqual(['paid/undefined', 'paid/succeeded']);
    expect(pickupRefusal('paid', 'waiting')).toBe('group_waiting');
    expect(pickupRefusal('paid', 'failed')).toBe('group_failed');
    expect(pickupRefusal('paid', 'left')).toBe('group_failed');
    for (const status of ORDER_STATUSES)
      for (const group of GROUP_STATES) {
        const refusal = pickupRefusal(status, group);
        if (refusal) expect(PICKUP_REFUSALS[refusal]).toBeTruthy();
      }
  });
});
