import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dashboardRefundKind,
  disputeMachine,
  paymentMachine,
  providerRefundMachine,
  refundMachine,
  sandboxIntentMachine,
  unknownRefunds,
  unmatchedPaymentMachine,
} from './rules.js';

describe('the payments state machines', () => {
  it.each(refundMachine.states.flatMap((from) => refundMachine.states.map((to) => [from, to] as const)))(
    'refund %s → %s follows the table',
    (from, to) => {
      const allowed = refundMachine.transitions[from].includes(to);
      if (allowed) expect(() => refundMachine.assertTransition(from, to)).not.toThrow();
      else
        expect(() => refundMachine.assertTransition(from, to)).toThrow(
          expect.objectContaining({ reason: 'invalid_transition' }),
        );
    },
  );

  it('names the states a refund may fail from', () => {
    expect(refundMachine.fromStates('failed')).toEqual(['requested', 'succeeded']);
  });

  it('lets a payment succeed once, after a failed attempt too, and refund only what succeeded', () => {
    expect(paymentMachine.fromStates('succeeded')).toEqual(['pending', 'failed']);
    expect(paymentMachine.fromStates('failed')).toEqual(['pending']);
    expect(paymentMachine.fromStates('refunded')).toEqual(['succeeded']);
    expect(paymentMachine.transitions.refunded).toEqual([]);
  });

  it('settles provider refunds, disputes, unmatched payments and sandbox intents once', () => {
    expect(providerRefundMachine.fromStates('applied')).toEqual(['applying']);
    expect(providerRefundMachine.fromStates('needs_review')).toEqual(['applying']);
    expect(disputeMachine.fromStates('lost')).toEqual(['open']);
    expect(disputeMachine.fromStates('won')).toEqual(['open']);
    expect(unmatchedPaymentMachine.fromStates('refund_failed')).toEqual(['refunding', 'refunded']);
    expect(unmatchedPaymentMachine.fromStates('refunded')).toEqual(['refunding']);
    expect(sandboxIntentMachine.fromStates('succeeded')).toEqual(['requires_payment', 'failed']);
  });
});

describe('dashboardRefundKind', () => {
  it('is full only for the whole payment, refunded from nothing', () => {
    expect(dashboardRefundKind({ refundAmount: 100, paymentAmount: 100, alreadyRefunded: 0 })).toBe('full');
    expect(dashboardRefundKind({ refundAmount: 99, paymentAmount: 100, alreadyRefunded: 0 })).toBe('partial');
    expect(dashboardRefundKind({ refundAmount: 100, paymentAmount: 100, alreadyRefunded: 1 })).toBe(
      'partial',
    );
  });
});

describe('unknownRefunds', () => {
  const own = [
    { id: 'fission-1', externalId: 're_own', amount: 300 },
    { id: 'unmatched:u1', externalId: null, amount: 50 },
  ];

  it('skips Fission’s own refunds by reference or by provider id, and refunds seen before', () => {
    const listed = [
      { id: 're_own', amount: 300, reference: null },
      { id: 're_inflight', amount: 200, reference: 'fission-1' },
      { id: 're_unmatched', amount: 50, reference: 'unmatched:u1' },
      { id: 're_seen', amount: 100, reference: null },
      { id: 're_new', amount: 400, reference: null },
    ];
    const seen = [{ externalId: 're_seen', amount: 100 }];
    expect(unknownRefunds({ eventId: 'e', amountRefunded: 1050, listed, own, seen })).toEqual([
      { id: 're_new', amount: 400 },
    ]);
  });

  it('skips Fission’s own refunds that failed since, when an older snapshot still lists them', () => {
    const listed = [
      { id: 're_failed_later', amount: 200, reference: 'fission-2' },
      { id: 're_failed_known', amount: 100, reference: null },
    ];
    const failed = [
      { id: 'fission-2', externalId: null },
      { id: 'fission-3', externalId: 're_failed_known' },
    ];
    expect(unknownRefunds({ eventId: 'e', amountRefunded: 300, listed, own: [], failed, seen: [] })).toEqual(
      [],
    );
  });

  it('without a list, is the part of the refunded total nobody accounts for', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(10_000), (ownAmount, seenAmount, extra) => {
        const found = unknownRefunds({
          eventId: 'evt',
          amountRefunded: ownAmount + seenAmount + extra,
          listed: null,
          own: [{ id: 'a', externalId: null, amount: ownAmount }],
          seen: [{ externalId: 'x', amount: seenAmount }],
        });
        expect(found).toEqual(extra > 0 ? [{ id: 'evt:unlisted', amount: extra }] : []);
      }),
    );
  });
});
