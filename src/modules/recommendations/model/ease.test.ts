import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr, transpose } from './csr.js';
import { buildEase, invertInPlace } from './ease.js';

describe('invertInPlace', () => {
  it('turns XᵀX + λI into its inverse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 36, maxLength: 36 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (n, x, lambda) => {
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              for (let r = 0; r < 6; r++) a[i * n + j]! += x[r * 6 + i]! * x[r * 6 + j]!;
              if (i === j) a[i * n + j]! += lambda;
            }
          const inverse = a.slice();
          invertInPlace(inverse, n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              let sum = 0;
              for (let c = 0; c < n; c++) sum += a[i * n + c]! * inverse[c * n + j]!;
              expect(sum).toBeCloseTo(i === j ? 1 : 0, 6);
            }
        },
      ),
    );
  });
});

describe('buildEase', () => {
  // Users 0..3 have items 0 and 1; users 4..5 have items 2 and 3; user 6 has item 0 only; item 4 is rare.
  const pairs: [number, number][] = [];
  for (let u = 0; u < 4; u++) pairs.push([u, 0], [u, 1]);
  for (let u = 4; u < 6; u++) pairs.push([u, 2], [u, 3]);
  pairs.push([6, 0], [6, 4]);
  const userItems = buildCsr(
    7,
    Uint32Array.from(pairs, (p) => p[0]),
    Uint32Array.from(pairs, (p) => p[1]),
  );
  const itemUsers = transpose(userItems, 5);

  it('covers only the most popular items and never scores an item by itself', () => {
    const ease = buildEase(userItems, itemUsers, { items: 4, regularisation: 1 });
    expect([...ease.items].sort()).toEqual([0, 1, 2, 3]);
    expect(ease.local[4]).toBe(-1);
    for (let i = 0; i < 4; i++) expect(ease.weights[i * 4 + i]).toBe(0);
  });

  it('ranks what co-occurs with the user’s items first, and writes zeros for a stranger', () => {
    const ease = buildEase(userItems, itemUsers, { items: 4, regularisation: 1 });
    const out = new Float64Array(5);
    const best = ease.scoreInto(6, out);
    expect(best).toBe(out[1]);
    expect(out[1]).toBeGreaterThan(Math.max(out[2]!, out[3]!));
    ease.scoreInto(99, out);
    expect([...out.slice(0, 4)]).toEqual([0, 0, 0, 0]);
  });
});
