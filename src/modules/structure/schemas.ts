import { Type } from 'typebox';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { SHAPES } from './rules.js';

export const Problem = ProblemResponse;

const literals = <const T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      { description },
    ),
  );

export const MetricsSchema = Type.Object({
  size: Type.Integer({ description: 'people reachable from the root, the root included' }),
  depth: Type.Integer({ description: 'the longest shortest path from the root, in links' }),
  breadth: Type.Integer({ description: 'the most direct members anyone has' }),
  triangles: Type.Integer({ description: 'closed triangles among them' }),
  clustering: Type.Number({ minimum: 0, maximum: 1, description: 'closed triples ÷ all triples' }),
  shape: literals(
    SHAPES,
    'tower (deep chains), umbrella (one hub, many direct members), honeycomb (interlinked small groups), unclassified (fewer than minSize people)',
  ),
});

export const ThresholdsSchema = Type.Object(
  {
    minSize: Type.Integer(),
    honeycombMinTriangles: Type.Integer(),
    honeycombMinClustering: Type.Number(),
    towerMinDepth: Type.Integer(),
  },
  { description: 'the stated thresholds the shape is decided by' },
);

const Person = Type.Object({ id: Type.String(), name: Type.String() });

const Drawing = {
  root: Person,
  metrics: MetricsSchema,
  thresholds: ThresholdsSchema,
  truncated: Type.Boolean({ description: 'the walk stopped at 500 people' }),
  nodes: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      level: Type.Integer({ description: 'links from the root' }),
    }),
  ),
  links: Type.Array(
    Type.Object({
      source: Type.String({ description: 'the upline: inviter, promoter or leader' }),
      target: Type.String(),
      kind: literals(
        ['invited', 'bound', 'member'] as const,
        'invited, bound (a buyer bound to a promoter) or member',
      ),
    }),
  ),
};

export const TeamStructureSchema = Type.Object(Drawing);
export const CommunityStructureSchema = Type.Object({ community: Person, ...Drawing });
export const TopTeamsSchema = Type.Object({
  items: Type.Array(Type.Object({ user: Person, metrics: MetricsSchema, truncated: Type.Boolean() })),
  thresholds: ThresholdsSchema,
});
