import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { NotificationHandlers } from './db.js';

const CHANNEL = /^[a-z_][a-z0-9_]*$/;
const HEARTBEAT_CHANNEL = 'fission_listen_heartbeat';
/** How often the connection proves it still hears, and how long an echo may take. */
const HEARTBEAT_MS = 15_000;
const ECHO_TIMEOUT_MS = 5_000;
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

/**
 * One LISTEN connection per database handle, shared by every channel and listener, opened on the
 * first `listen`. It is trusted (`onReady`) only once a notification sent through `notify` (the
 * pool, as every real message is) has come back on it, and again every 15 s: a connection that
 * dropped without a word (a NAT's idle timeout) or one that hears nothing (LISTEN through a
 * transaction-mode pooler) is found out within seconds. Then every listener hears `onGap` and the
 * connection is made again, a second later and then less often, until it hears.
 */
export function createListener(
  connectionString: string,
  notify: (channel: string, payload: string) => Promise<unknown>,
) {
  const channels = new Map<string, Set<NotificationHandlers>>();
  const echoes = new Map<string, () => void>();
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let failures = 0;
  let closed = false;

  const everyone = () => [...channels.values()].flatMap((set) => [...set]);

  function scheduleReconnect() {
    if (closed || retry) return;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** failures);
    failures++;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch(() => {});
    }, delay);
    retry.unref();
  }

  function lost(dropped: pg.Client) {
    dropped.end().catch(() => {});
    if (client !== dropped) return;
    client = undefined;
    clearInterval(heartbeat);
    for (const handlers of everyone()) handlers.onGap();
    scheduleReconnect();
  }

  /** Sends a fresh nonce through the pool and waits for it on `on`. */
  async function echo(on: pg.Client): Promise<boolean> {
    const nonce = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<boolean>((resolve) => {
      echoes.set(nonce, () => resolve(true));
      timer = setTimeout(() => resolve(false), ECHO_TIMEOUT_MS);
    });
    try {
      await notify(HEARTBEAT_CHANNEL, nonce);
      return (await heard) && client === on;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
      echoes.delete(nonce);
    }
  }

  function connect(): Promise<void> {
    if (client || closed) return Promise.resolve();
    connecting ??= (async () => {
      const fresh = new pg.Client({ connectionString, application_name: 'fission-listen', keepAlive: true });
      fresh.on('error', () => lost(fresh));
      fresh.on('end', () => lost(fresh));
      fresh.on('notification', (msg) => {
        if (msg.channel === HEARTBEAT_CHANNEL) echoes.get(msg.payload ?? '')?.();
        else for (const handlers of channels.get(msg.channel) ?? []) handlers.message(msg.payload ?? '');
      });
      try {
        await fresh.connect();
        await fresh.query(`LISTEN ${HEARTBEAT_CHANNEL}`);
        // The live map: a channel added while this runs is listened to as well.
        for (const channel of channels.keys()) await fresh.query(`LISTEN ${channel}`);
      } catch (error) {
        fresh.end().catch(() => {});
        scheduleReconnect();
        throw error;
      }
      if (closed) {
        await fresh.end().catch(() => {});
        return;
      }
      client = fresh;
      if (!(await echo(fresh))) {
        lost(fresh);
        return;
      }
      failures = 0;
      heartbeat = setInterval(async () => {
        if (client === fresh && !(await echo(fresh))) lost(fresh);
      }, HEARTBEAT_MS);
      heartbeat.unref();
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
    if (client) {
      if (isNew) await client.query(`LISTEN ${channel}`);
      // While its first echo is awaited, `onReady` comes with everyone's.
      if (!connecting) handlers.onReady();
    } else await connect().catch(() => {}); // a failed connection retries; handlers stay in a gap
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
    clearInterval(heartbeat);
    await connecting?.catch(() => {});
    const open = client;
    client = undefined;
    await open?.end().catch(() => {});
  }

  return { listen, close };
}
