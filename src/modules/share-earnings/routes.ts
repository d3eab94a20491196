import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { signedIn } from '../../platform/http/auth.js';
import { ShareEarningPage } from './schemas.js';
import type { ShareEarningsService } from './service.js';

/** Up to 50 product ids, comma-separated. */
const ProductIds = Type.String({
  minLength: 1,
  maxLength: 3300,
  pattern: '^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,49}$',
});

export const shareEarningsRoutes: FastifyPluginAsyncTypebox<{ shareEarnings: ShareEarningsService }> = async (
  app,
  { shareEarnings },
) => {
  app.get(
    '/api/me/share-earnings',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        summary: 'What a share earns, per product',
        description:
          'For the signed-in promoter: the level-1 commission one unit sold through their link earns, ' +
          "at each variant's price and each running group-buy's price, after the product's commission " +
          'override and the cap. Unknown or archived products are left out.',
        querystring: Type.Object({ productIds: ProductIds }, { additionalProperties: false }),
        response: { 200: ShareEarningPage },
      },
    },
    async (request) => ({ items: await shareEarnings.forProducts(request.query.productIds.split(',')) }),
  );
};
