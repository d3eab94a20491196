import { describe, expect, it } from 'vitest';
import { train } from './model/index.js';
import { EMPTY, runTraining, type TrainingInput } from './run-training.js';
import { trainInWorker } from './train-worker.js';

/** A shop of `users` people, each with a few items of a block of 50, and a follow to the next person. */
function syntheticShop(users: number, items: number, perUser: number): TrainingInput {
  const u: number[] = [];
  const i: number[] = [];
  for (let user = 0; user < users; user++) {
    const block = (user % Math.max(1, Math.floor(items / 50))) * 50;
    for (let k = 0; k < perUser; k++) {
      u.push(user);
      i.push((block + ((user * 7 + k * 13) % 50)) % items);
    }
  }
  const from = Uint32Array.from({ length: users }, (_, x) => x);
  const to = Uint32Array.from({ length: users }, (_, x) => (x + 1) % users);
  return {
    interactions: {
      userCount: users,
      itemCount: items,
      users: Uint32Array.from(u),
      items: Uint32Array.from(i),
    },
    social: { from, to },
    excludeOffsets: new Uint32Array(users + 1),
    excludeItems: new Uint32Array(0),
    userSlots: 10,
    itemSlots: 5,
  };
}

describe('trainInWorker', () => {
  it('answers what the same training gives in this thread', async () => {
    const input = syntheticShop(60, 200, 6);
    const here = runTraining(structuredClone(input), train);
    const there = await trainInWorker(structuredClone(input));
    expect(Array.from(there.userTop)).toEqual(Array.from(here.userTop));
    expect(Array.from(there.itemTop)).toEqual(Array.from(here.itemTop));
    expect(there.model).toBe(here.model);
    expect(there.heapBytes).toBeGreaterThan(0);
  });

  it('never recommends an excluded item', async () => {
    const input = syntheticShop(20, 60, 4);
    // Person 0 must never see the items 0..29.
    const excluded = Array.from({ length: 30 }, (_, k) => k);
    input.excludeOffsets = Uint32Array.from({ length: 21 }, (_, row) => (row === 0 ? 0 : 30));
    input.excludeItems = Uint32Array.from(excluded);
    const out = await trainInWorker(input);
    const first = Array.from(out.userTop.subarray(0, 10)).filter((x) => x !== EMPTY);
    expect(first.length).toBeGreaterThan(0);
    for (const item of first) expect(excluded).not.toContain(item);
  });

  it('keeps the event loop free while it trains', async () => {
    const input = syntheticShop(3000, 5000, 25);
    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks += 1;
    }, 5);
    const started = performance.now();
    await trainInWorker(input);
    const took = performance.now() - started;
    clearInterval(timer);
    // The training takes a good while; the loop ticked all along, never blocked for long.
    expect(took).toBeGreaterThan(200);
    expect(ticks).toBeGreaterThan(took / 50);
    expect(longestGap).toBeLessThan(took / 2);
  });

  it('reports a failure of the thread as a rejected promise', async () => {
    const input = syntheticShop(5, 10, 2);
    // A negative slot count: the thread cannot make its arrays and throws.
    input.userSlots = -1;
    await expect(trainInWorker(input, { timeoutMs: 20_000 })).rejects.toThrow();
  });
});
