import { describe, expect, it } from 'vitest';
import { ClickBuffer } from './click-buffer.js';
import type { ClickRow } from './queries.js';

const click = (code = 'abc123XYZ'): ClickRow => ({
  code,
  clickedAt: new Date(0),
  deviceId: null,
  ip: null,
  userAgent: null,
});

describe('ClickBuffer', () => {
  it('writes waiting clicks in one batch on flush, and a full batch without waiting', async () => {
    const batches: number[] = [];
    const buffer = new ClickBuffer({ write: async (rows) => void batches.push(rows.length), batchSize: 3 });
    buffer.record(click());
    buffer.record(click());
    expect(batches).toEqual([]);
    buffer.record(click());
    await buffer.flush();
    buffer.record(click());
    await buffer.close();
    expect(batches).toEqual([3, 1]);
  });

  it('keeps a failed batch for the next try, and drops clicks past its capacity', async () => {
    let fail = true;
    const written: ClickRow[] = [];
    const losses: number[] = [];
    const buffer = new ClickBuffer({
      write: async (rows) => {
        if (fail) throw new Error('database down');
        written.push(...rows);
      },
      capacity: 4,
      onWriteFailed: (_error, lost) => losses.push(lost),
    });
    for (let i = 0; i < 3; i++) buffer.record(click());
    await buffer.flush();
    expect(losses).toEqual([0]);
    for (let i = 0; i < 3; i++) buffer.record(click());
    expect(buffer.held).toBe(4);
    expect(buffer.dropped).toBe(2);
    fail = false;
    await buffer.flush();
    expect(written).toHaveLength(4);
    expect(buffer.held).toBe(0);
  });
});
