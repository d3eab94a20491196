import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { defineMachine } from './state-machine.js';

const door = defineMachine('door', { open: ['closed'], closed: ['open', 'locked'], locked: ['closed'] });

describe('defineMachine', () => {
  it('allows exactly the listed moves', () => {
    expect(door.canTransition('open', 'closed')).toBe(true);
    expect(door.canTransition('open', 'locked')).toBe(false);
    expect(door.fromStates('closed').sort()).toEqual(['locked', 'open']);
    expect(door.fromStates('locked')).toEqual(['closed']);
  });

  it('refuses an illegal move with a reason and the states as params', () => {
    try {
      door.assertTransition('open', 'locked');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).reason).toBe('invalid_transition');
      expect((error as AppError).params).toEqual({ machine: 'door', from: 'open', to: 'locked' });
      expect((error as AppError).status).toBe(409);
    }
  });

  it('refuses a table that leads to an undeclared state', () => {
    expect(() => defineMachine('broken', { a: ['b'] } as never)).toThrow(/undeclared state/);
  });
});
