import { LRUCache } from 'lru-cache';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import type { AuthUser } from '../../platform/http/auth.js';
import { AUTH_CHANNEL } from './queries.js';

const MAX_SESSIONS = 10_000;
const TTL_MS = 60_000;
/** How long a person changed in an open transaction is read from the database only (if it rolls back, no message comes). */
const HOLD_MS = 5_000;

interface Cached {
  user: AuthUser;
  expiresAt: Date;
}

/**
 * Who a session token authenticates, kept a minute so most requests skip the session look-up.
 * Trusted only while this process hears `AUTH_CHANNEL`: every change to a session or to a
 * person's roles or access notifies it from the changing statement, so each process forgets the
 * person once the change commits. A person changed in this process is read from the database until
 * its own message comes back (the change may not have committed yet). If the listening connection
 * drops, the cache is emptied and bypassed until it is back. A read that was in flight while
 * anything changed is not stored: it may have seen the state before.
 */
export function createSessionCache(deps: { db: Database; clock: Clock }) {
  const tokensOf = new Map<string, Set<string>>();
  const entries = new LRUCache<string, Cached>({
    max: MAX_SESSIONS,
    ttl: TTL_MS,
    dispose: (value, tokenHash) => {
      const tokens = tokensOf.get(value.user.id);
      tokens?.delete(tokenHash);
      if (tokens?.size === 0) tokensOf.delete(value.user.id);
    },
  });
  const held = new Map<string, number>();
  let trusted = false;
  let epoch = 0;

  function forget(userId: string) {
    epoch++;
    for (const tokenHash of tokensOf.get(userId) ?? []) entries.delete(tokenHash);
  }

  const isHeld = (userId: string) => {
    const until = held.get(userId);
    if (until === undefined) return false;
    if (until > performance.now()) return true;
    held.delete(userId);
    return false;
  };

  const stopping = deps.db.listen(AUTH_CHANNEL, {
    message(userId) {
      forget(userId);
      held.delete(userId);
    },
    onReady() {
      // A read that began before this did so unheard: it must not be stored.
      epoch++;
      trusted = true;
    },
    onGap() {
      trusted = false;
      epoch++;
      entries.clear();
    },
  });
  stopping.catch(() => {}); // not listening: never trusted, every look-up reads the database

  return {
    /** The session's person, from the cache or from `load` (the database). */
    async lookup(tokenHash: string, load: () => Promise<Cached | undefined>): Promise<AuthUser | null> {
      const hit = trusted ? entries.get(tokenHash) : undefined;
      if (hit && hit.expiresAt > deps.clock.now() && !isHeld(hit.user.id)) return hit.user;
      const started = epoch;
      const found = await load();
      if (!found) return null;
      if (trusted && epoch === started && !isHeld(found.user.id)) {
        entries.set(tokenHash, found);
        const tokens = tokensOf.get(found.user.id) ?? new Set();
        tokensOf.set(found.user.id, tokens.add(tokenHash));
      }
      return found.user;
    },
    /** The person's sessions or access are changing in a transaction now: forget them until it commits. */
    changing(userId: string) {
      forget(userId);
      held.set(userId, performance.now() + HOLD_MS);
    },
    async close() {
      const stop = await stopping.catch(() => undefined);
      await stop?.();
    },
  };
}
