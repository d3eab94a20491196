import { describe, expect, it } from 'vitest';
import { commissionMachine, withdrawalMachine } from './rules.js';

/** The transition tables (states.db.test.ts checks the database's status checks against them). */
describe('commission machine', () => {
  it('settles or reverses a pending commission, reverses a settled one, and ends at reversed', () => {
    expect(commissionMachine.transitions).toEqual({
      pending: ['settled', 'reversed'],
      settled: ['reversed'],
      reversed: [],
    });
    expect(commissionMachine.fromStates('settled')).toEqual(['pending']);
    expect(commissionMachine.fromStates('reversed')).toEqual(['pending', 'settled']);
    expect(() => commissionMachine.assertTransition('reversed', 'settled')).toThrow(
      expect.objectContaining({ reason: 'invalid_transition' }),
    );
  });
});

describe('withdrawal machine', () => {
  it('decides a requested withdrawal once: paid or rejected', () => {
    expect(withdrawalMachine.transitions).toEqual({
      requested: ['paid', 'rejected'],
      paid: [],
      rejected: [],
    });
    for (const decided of ['paid', 'rejected'] as const) {
      expect(withdrawalMachine.fromStates(decided)).toEqual(['requested']);
      expect(() => withdrawalMachine.assertTransition(decided, 'paid')).toThrow(
        expect.objectContaining({
          reason: 'invalid_transition',
          params: { machine: 'withdrawal', from: decided, to: 'paid' },
        }),
      );
    }
  });
});
