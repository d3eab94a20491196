import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-db.js';
import type { Database } from '../../platform/db.js';
import { insertClicks } from './queries.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

describe('a batch of clicks', () => {
  it('is stored field for field in one statement, whatever a user agent holds; absent fields NULL', async () => {
    const at = new Date('2026-12-04T01:02:03.456Z');
    await insertClicks(db, [
      {
        code: 'Abc123',
        clickedAt: at,
        deviceId: 'device-one-0123456789',
        ip: '203.0.113.9',
        userAgent: 'A\tB\nC',
      },
      { code: 'Abc123', clickedAt: at, deviceId: null, ip: null, userAgent: null },
      { code: 'Zz9', clickedAt: at, deviceId: 'd2', ip: '::1', userAgent: 'Mozilla/5.0 "quoted" \\ back' },
    ]);
    const rows = await db.query(
      'SELECT code, clicked_at, device_id, ip, user_agent FROM share_clicks ORDER BY id',
    );
    expect(rows).toEqual([
      {
        code: 'Abc123',
        clicked_at: at,
        device_id: 'device-one-0123456789',
        ip: '203.0.113.9',
        user_agent: 'A\tB\nC',
      },
      { code: 'Abc123', clicked_at: at, device_id: null, ip: null, user_agent: null },
      { code: 'Zz9', clicked_at: at, device_id: 'd2', ip: '::1', user_agent: 'Mozilla/5.0 "quoted" \\ back' },
    ]);
  });
});
