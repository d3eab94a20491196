import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './json-depth.js';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('exceedsJsonDepth', () => {
  it('counts objects and arrays inside each other', () => {
    expect(exceedsJsonDepth(nested(3), 3)).toBe(false);
    expect(exceedsJsonDepth(nested(4), 3)).toBe(true);
    expect(exceedsJsonDepth('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
    expect(exceedsJsonDepth('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
    // Siblings do not add up: depth, not count.
    expect(exceedsJsonDepth(`[${Array(1000).fill('[1]').join(',')}]`, 2)).toBe(false);
  });

  it('ignores brackets inside strings, with escaped quotes and backslashes', () => {
    expect(exceedsJsonDepth(JSON.stringify({ a: '[[[[[[{{{{' }), 1)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ a: 'say \\"[[[[[[' }), 1)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ a: 'ends in a backslash \\', b: [[[1]]] }), 3)).toBe(true);
    expect(exceedsJsonDepth(JSON.stringify({ a: 'ends in a backslash \\', b: [[1]] }), 3)).toBe(false);
  });

  it('agrees with the depth of any JSON value', () => {
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, max) => {
        expect(exceedsJsonDepth(JSON.stringify(value), max)).toBe(depthOf(value) > max);
      }),
    );
  });
});
