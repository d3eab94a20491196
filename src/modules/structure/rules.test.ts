import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communityLinks, distancesFrom, type Link, measure } from './rules.js';

const invited = (from: string, to: string): Link => ({ from, to, kind: 'invited' });
const chain = (n: number) => Array.from({ length: n - 1 }, (_, i) => invited(`p${i}`, `p${i + 1}`));
const star = (n: number) => Array.from({ length: n - 1 }, (_, i) => invited('hub', `m${i}`));

describe('shapes of hand-built graphs', () => {
  it('a chain is a tower', () => {
    const m = measure('p0', chain(6));
    expect(m).toMatchObject({ size: 6, depth: 5, breadth: 1, triangles: 0, shape: 'tower' });
  });

  it('a star is an umbrella', () => {
    const m = measure('hub', star(8));
    expect(m).toMatchObject({ size: 8, depth: 1, breadth: 7, triangles: 0, shape: 'umbrella' });
  });

  it('overlapping triangles are a honeycomb', () => {
    // r–a–b, a–b–c, b–c–d, c–d–e: a strip of triangles, each sharing an edge with the next.
    const links: Link[] = [
      invited('r', 'a'),
      invited('r', 'b'),
      { from: 'a', to: 'b', kind: 'bound' },
      invited('a', 'c'),
      { from: 'b', to: 'c', kind: 'bound' },
      invited('b', 'd'),
      { from: 'c', to: 'd', kind: 'bound' },
      invited('c', 'e'),
      { from: 'd', to: 'e', kind: 'bound' },
    ];
    const m = measure('r', links);
    expect(m.triangles).toBe(4);
    expect(m.clustering).toBeGreaterThanOrEqual(0.3);
    expect(m.shape).toBe('honeycomb');
  });

  it('a star with one triangle stays an umbrella', () => {
    const m = measure('hub', [...star(10), { from: 'm0', to: 'm1', kind: 'bound' }]);
    expect(m).toMatchObject({ triangles: 1, shape: 'umbrella' });
  });

  it('a shallow broad tree is an umbrella, and a tiny team has no shape yet', () => {
    const tree = [
      invited('r', 'a'),
      invited('r', 'b'),
      invited('a', 'c'),
      invited('a', 'd'),
      invited('b', 'e'),
    ];
    expect(measure('r', tree).shape).toBe('umbrella');
    expect(measure('r', [invited('r', 'a'), invited('a', 'b')]).shape).toBe('unclassified');
    expect(measure('alone', []).shape).toBe('unclassified');
    expect(measure('alone', []).size).toBe(1);
  });

  it('a community whose neighbours recruited each other in a line is a tower', () => {
    const links = communityLinks(
      'leader',
      ['a', 'b', 'c', 'd'],
      [invited('a', 'b'), invited('b', 'c'), invited('c', 'd')],
    );
    expect(measure('leader', links)).toMatchObject({ size: 5, depth: 4, shape: 'tower' });
  });

  it('a community the leader filled alone is an umbrella; outside links are ignored', () => {
    const links = communityLinks('leader', ['a', 'b', 'c', 'd'], [invited('stranger', 'a')]);
    expect(measure('leader', links)).toMatchObject({ size: 5, depth: 1, breadth: 4, shape: 'umbrella' });
  });

  it('members who only bind each other still belong to the community', () => {
    const links = communityLinks(
      'leader',
      ['a', 'b'],
      [
        { from: 'a', to: 'b', kind: 'bound' },
        { from: 'b', to: 'a', kind: 'bound' },
      ],
    );
    expect(measure('leader', links).size).toBe(3);
  });
});

/** Random graphs over people 0..n-1, the root being 0. */
const graphs = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 40 }),
  }),
);
const linksOf = (edges: readonly [number, number][], name: (i: number) => string) =>
  edges.map(([a, b], i): Link => ({ from: name(a), to: name(b), kind: i % 2 ? 'bound' : 'invited' }));

describe('laws of the measures', () => {
  it('size is the number of people reachable from the root, and depth never exceeds it', () => {
    fc.assert(
      fc.property(graphs, ({ edges }) => {
        const links = linksOf(edges, (i) => `u${i}`);
        const m = measure('u0', links);
        expect(m.size).toBe(distancesFrom('u0', links).size);
        expect(m.depth).toBeLessThan(m.size);
        expect(m.breadth).toBeLessThan(m.size);
        expect(m.clustering).toBeGreaterThanOrEqual(0);
        expect(m.clustering).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('renaming people (and reordering links) changes nothing', () => {
    fc.assert(
      fc.property(
        graphs.chain((g) =>
          fc.record({
            g: fc.constant(g),
            perm: fc.shuffledSubarray([...Array(g.n).keys()], { minLength: g.n, maxLength: g.n }),
          }),
        ),
        ({ g, perm }) => {
          const original = measure(
            'u0',
            linksOf(g.edges, (i) => `u${i}`),
          );
          const renamed = linksOf(g.edges, (i) => `z${perm[i]}`).reverse();
          expect(measure(`z${perm[0]}`, renamed)).toEqual(original);
        },
      ),
    );
  });
});
