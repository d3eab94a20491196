import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMITS: 'on', POST_RATE_LIMIT: '2', COMMENT_RATE_LIMIT: '1' });
});
afterAll(() => t.close());

describe('rate limits on posting', () => {
  it('answers 429 after POST_RATE_LIMIT posts and COMMENT_RATE_LIMIT comments a minute, per person', async () => {
    const writer = await t.signUp();
    const other = await t.signUp();
    const post = (token: string) => t.request('POST', '/api/posts', { token, body: { body: 'Hello' } });
    const first = await post(writer.token);
    expect(first.statusCode).toBe(201);
    expect((await post(writer.token)).statusCode).toBe(201);
    const limited = expectProblem(await post(writer.token), 429);
    expect(limited.reason).toBe('rate_limited');
    expect((await post(other.token)).statusCode).toBe(201);
    const id = first.json<{ id: string }>().id;
    const comment = () =>
      t.request('POST', `/api/posts/${id}/comments`, { token: other.token, body: { body: 'Nice' } });
    expect((await comment()).statusCode).toBe(201);
    expectProblem(await comment(), 429);
  });
});
