import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly } from '../../platform/http/auth.js';
import { CommunityStructureSchema, Problem, TeamStructureSchema, TopTeamsSchema } from './schemas.js';
import type { StructureService } from './service.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const SHAPE_TEXT =
  'Depth, breadth, size, triangles and clustering, the shape (tower, umbrella, honeycomb) with the ' +
  'thresholds that decide it, and the people and links to draw.';

/** The operator's view of how teams and communities are built. */
export const structureRoutes: FastifyPluginAsyncTypebox<{ structure: StructureService }> = async (
  app,
  { structure },
) => {
  app.get(
    '/api/admin/structure/teams',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'structure'],
        summary: 'Top promoters’ team structures',
        description:
          'The promoters with the most bound buyers, each team’s metrics and shape, largest first.',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 10 })) },
          { additionalProperties: false },
        ),
        response: { 200: TopTeamsSchema, 400: Problem },
      },
    },
    async (request) => structure.topTeams(request.query.limit ?? 10),
  );

  app.get(
    '/api/admin/structure/teams/:userId',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'structure'],
        summary: 'A promoter’s team structure',
        description: `Everyone below the promoter along invitations and bindings. ${SHAPE_TEXT} Unknown person → 404.`,
        params: Type.Object({ userId: Id }),
        response: { 200: TeamStructureSchema, 404: Problem },
      },
    },
    async (request) => structure.team(request.params.userId),
  );

  app.get(
    '/api/admin/structure/communities/:communityId',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'structure'],
        summary: 'A community’s structure',
        description:
          'From its leader: each member hangs from whoever in the community invited or bound them, else ' +
          `from the leader. ${SHAPE_TEXT} Unknown community → 404.`,
        params: Type.Object({ communityId: Id }),
        response: { 200: CommunityStructureSchema, 404: Problem },
      },
    },
    async (request) => structure.community(request.params.communityId),
  );
};
