import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { cachedRedirect } from './redirect.js';
import type { SharingService } from './service.js';

/** The fast path answers cached codes before the framework; the request log still sees a sample. */
describe('the fast redirect', () => {
  it('answers a cached code with a 302, records each click, and logs one in 100 with the rate', () => {
    const clicks: unknown[] = [];
    const logged: object[] = [];
    const sharing = {
      cachedLink: (code: string) =>
        code === 'Abc123'
          ? { code, ownerId: 'u1', targetType: 'product', targetId: 'p1', landing: '/p/p1' }
          : undefined,
      recordClick: (_link: unknown, click: unknown) => clicks.push(click),
    } as unknown as SharingService;
    const answer = cachedRedirect(sharing, () => false, undefined, {
      info: (details) => logged.push(details),
    });
    const statuses: number[] = [];
    const response = {
      writeHead: (status: number) => statuses.push(status),
      end: () => {},
    } as unknown as ServerResponse;
    const request = (url: string) =>
      ({
        method: 'GET',
        url,
        headers: {},
        socket: { remoteAddress: '203.0.113.5' },
      }) as unknown as IncomingMessage;

    for (let i = 0; i < 250; i++) expect(answer(request('/s/Abc123'), response)).toBe(true);
    expect(answer(request('/s/Unknown1'), response)).toBe(false); // left to the Fastify route
    expect(statuses).toHaveLength(250);
    expect(new Set(statuses)).toEqual(new Set([302]));
    expect(clicks).toHaveLength(250);
    expect(logged).toEqual([
      expect.objectContaining({ res: { statusCode: 302 }, fastPath: true, sampleRate: 100 }),
      expect.objectContaining({ res: { statusCode: 302 }, fastPath: true, sampleRate: 100 }),
    ]);
  });
});
