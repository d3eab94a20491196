import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, testDialect } from '../../test/support/test-db.js';
import { openPostgres } from './db.js';
import { createListener } from './db-listen.js';

const handlersFor = () => {
  const seen = { ready: 0, gaps: 0, messages: [] as string[] };
  return {
    seen,
    handlers: {
      message: (payload: string) => seen.messages.push(payload),
      onReady: () => seen.ready++,
      onGap: () => seen.gaps++,
    },
  };
};

const within = async (ms: number, check: () => boolean) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return check();
};

/** The LISTEN connection a session cache trusts: trusted only once it has heard its own echo. */
describe.runIf(testDialect === 'postgres')('listening for notifications on PostgreSQL', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('is ready once its echo comes back, then hears what the pool sends after commit', async () => {
    const db = openPostgres(await createPostgresDatabase(), 2);
    closers.push(() => db.close());
    const { seen, handlers } = handlersFor();
    await db.listen('fission_test', handlers);
    expect(await within(5_000, () => seen.ready === 1)).toBe(true);
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_notify('fission_test', 'inside')`);
      expect(seen.messages).toEqual([]); // not before the commit
    });
    expect(await within(2_000, () => seen.messages.length === 1)).toBe(true);
    expect(seen.messages).toEqual(['inside']);
  });

  it('is never ready when what is sent never reaches it (as LISTEN through a transaction-mode pooler)', async () => {
    const url = await createPostgresDatabase();
    const listener = createListener(url, async () => {}); // the echo goes nowhere
    closers.push(() => listener.close());
    const { seen, handlers } = handlersFor();
    await listener.listen('fission_test', handlers);
    expect(await within(6_000, () => seen.ready > 0)).toBe(false);
  }, 20_000);
});
