import { describe, expect, it } from 'vitest';
import { EventBuffer } from './event-buffer.js';
import type { EventRow } from './queries.js';

const opened = (n: number): EventRow => ({ kind: 'link_opened', occurredAt: new Date(n), subject: `c${n}` });

describe('EventBuffer', () => {
  it('writes what waits in one batch, and nothing twice', async () => {
    const batches: EventRow[][] = [];
    const buffer = new EventBuffer({ write: async (rows) => void batches.push(rows) });
    for (let i = 0; i < 3; i++) buffer.record(opened(i));
    await buffer.flush();
    await buffer.flush();
    expect(batches.map((b) => b.length)).toEqual([3]);
    expect(buffer.buffered).toBe(3);
    expect(buffer.held).toBe(0);
  });

  it('drops and counts events past its capacity instead of queueing them', async () => {
    const buffer = new EventBuffer({ write: async () => {}, capacity: 2 });
    for (let i = 0; i < 5; i++) buffer.record(opened(i));
    expect(buffer.dropped).toBe(3);
    expect(buffer.held).toBe(2);
  });

  it('keeps a failed batch for the next write, first in line', async () => {
    let fail = true;
    const written: string[] = [];
    const lost: number[] = [];
    const buffer = new EventBuffer({
      write: async (rows) => {
        if (fail) throw new Error('database down');
        written.push(...rows.map((r) => r.subject as string));
      },
      onWriteFailed: (_error, n) => lost.push(n),
    });
    buffer.record(opened(1));
    await buffer.flush();
    buffer.record(opened(2));
    fail = false;
    await buffer.close();
    expect(written).toEqual(['c1', 'c2']);
    expect(lost).toEqual([0]);
    expect(buffer.dropped).toBe(0);
  });
});
