import { Pool } from 'undici';
import { onCleanup } from './cleanup.js';

export interface Reply<T> {
  status: number;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A keep-alive JSON client for one server, with at most `connections` sockets open. */
export class Api {
  private readonly pool: Pool;
  readonly close: () => Promise<void>;

  constructor(url: string, connections: number) {
    const pool = new Pool(url, { connections, pipelining: 1 });
    this.pool = pool;
    this.close = onCleanup(() => pool.close());
  }

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    options: CallOptions = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.pool.request({
      method,
      path,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.body.text();
    return { status: res.statusCode, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Like `call`, but anything other than `expected` is an error that shows the answer. */
  async expect<T = Record<string, unknown>>(
    expected: number,
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    options: CallOptions = {},
  ): Promise<T> {
    const reply = await this.call<T>(method, path, options);
    if (reply.status !== expected) {
      throw new Error(
        `${method} ${path}: expected ${expected}, got ${reply.status} ${JSON.stringify(reply.body)}`,
      );
    }
    return reply.body;
  }
}
