import { describe, expect, it } from 'vitest';
import { mayChangeAccountOf, resetUsable, selfChangeRefusal } from '../accounts/rules.js';
import { dayRange, phoneDigits } from './rules.js';

describe('people rules', () => {
  it('reads a search as a phone only when it is written like one', () => {
    expect(phoneDigits('+86 139-1234-5678')).toBe('8613912345678');
    expect(phoneDigits('(0571) 8888')).toBe('05718888');
    expect(phoneDigits('１３９１２')).toBe('13912');
    expect(phoneDigits('1391')).toBeUndefined();
    expect(phoneDigits('chen 13912345678')).toBeUndefined();
    expect(phoneDigits('buyer1@fission.demo')).toBeUndefined();
  });

  it('takes the last day of a sign-up range whole', () => {
    expect(dayRange('2026-01-01', '2026-01-31')).toEqual({
      from: new Date('2026-01-01T00:00:00Z'),
      before: new Date('2026-02-01T00:00:00Z'),
    });
    expect(dayRange()).toEqual({ from: undefined, before: undefined });
  });

  it('refuses disabling oneself and revoking one’s own admin role, nothing else', () => {
    expect(selfChangeRefusal({ kind: 'disable' }, 'a', 'a')).toBe('cannot_disable_self');
    expect(selfChangeRefusal({ kind: 'revoke', role: 'admin' }, 'a', 'a')).toBe('cannot_revoke_own_admin');
    expect(selfChangeRefusal({ kind: 'revoke', role: 'shopkeeper' }, 'a', 'a')).toBeUndefined();
    expect(selfChangeRefusal({ kind: 'disable' }, 'a', 'b')).toBeUndefined();
    expect(selfChangeRefusal({ kind: 'revoke', role: 'admin' }, 'a', 'b')).toBeUndefined();
  });

  it('lets only an admin change a staff account', () => {
    expect(mayChangeAccountOf(['operator'], ['shopkeeper'])).toBe(true);
    expect(mayChangeAccountOf(['operator'], ['operator'])).toBe(false);
    expect(mayChangeAccountOf(['operator'], ['admin'])).toBe(false);
    expect(mayChangeAccountOf(['admin'], ['admin'])).toBe(true);
  });

  it('a reset link works until it is used or expires', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(resetUsable({ expiresAt: new Date('2026-01-01T12:00:01Z'), usedAt: null }, now)).toBe(true);
    expect(resetUsable({ expiresAt: now, usedAt: null }, now)).toBe(false);
    expect(resetUsable({ expiresAt: new Date('2026-01-02T00:00:00Z'), usedAt: now }, now)).toBe(false);
  });
});
