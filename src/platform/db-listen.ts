import pg from 'pg';
import type { NotificationHandlers } from './db.js';

const RECONNECT_MS = 1_000;
const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/**
 * One LISTEN connection per database handle, shared by every channel and listener, opened on the
 * first `listen`. When it drops, every listener hears `onGap` at once and `onReady` once it is back
 * (a second later, again and again until the server answers), so nothing trusts a cache that may
 * have missed a message.
 */
export function createListener(connectionString: string) {
  const channels = new Map<string, Set<NotificationHandlers>>();
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const everyone = () => [...channels.values()].flatMap((set) => [...set]);

  function lost(dropped: pg.Client) {
    if (client !== dropped) return;
    client = undefined;
    for (const handlers of everyone()) handlers.onGap();
    dropped.end().catch(() => {});
    if (!closed && !retry) retry = setTimeout(reconnect, RECONNECT_MS);
  }

  function reconnect() {
    retry = undefined;
    connect().catch(() => {});
  }

  function connect(): Promise<void> {
    connecting ??= (async () => {
      const fresh = new pg.Client({ connectionString, application_name: 'fission-listen' });
      fresh.on('error', () => lost(fresh));
      fresh.on('end', () => lost(fresh));
      fresh.on('notification', (msg) => {
        for (const handlers of channels.get(msg.channel) ?? []) handlers.message(msg.payload ?? '');
      });
      try {
        await fresh.connect();
        for (const channel of channels.keys()) await fresh.query(`LISTEN ${channel}`);
      } catch (error) {
        fresh.end().catch(() => {});
        if (!closed && !retry) retry = setTimeout(reconnect, RECONNECT_MS);
        throw error;
      }
      if (closed) {
        await fresh.end();
        return;
      }
      client = fresh;
      for (const handlers of everyone()) handlers.onReady();
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  async function listen(channel: string, handlers: NotificationHandlers) {
    if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
    const isNew = !channels.has(channel);
    const set = channels.get(channel) ?? new Set();
    channels.set(channel, set);
    set.add(handlers);
    if (client && isNew) await client.query(`LISTEN ${channel}`);
    if (client) handlers.onReady();
    else await connect().catch(() => {}); // a failed first connection retries; handlers stay in a gap
    return async () => {
      set.delete(handlers);
      if (set.size > 0) return;
      channels.delete(channel);
      await client?.query(`UNLISTEN ${channel}`).catch(() => {});
    };
  }

  async function close() {
    closed = true;
    clearTimeout(retry);
    await connecting?.catch(() => {});
    const open = client;
    client = undefined;
    await open?.end().catch(() => {});
  }

  return { listen, close };
}
