import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import {
  ClickBody,
  CommentBody,
  CommentPage,
  CommentSchema,
  FollowSchema,
  IdParams,
  LikeSchema,
  MyPostPage,
  PageQuery,
  PeoplePage,
  PostBody,
  PostPage,
  PostPatch,
  PostSchema,
  ProfileSchema,
  StatsSchema,
} from './schemas.js';
import type { PostsService } from './service.js';

export interface PostsRouteOptions {
  posts: PostsService;
  /** Posts (and edits) one person may make per minute; false: no limit. */
  postRateLimit: { max: number; timeWindow: string } | false;
  /** Comments one person may make per minute; false: no limit. */
  commentRateLimit: { max: number; timeWindow: string } | false;
}

const tags = ['posts'];
const SIGNED_IN = { 400: ProblemResponse, 401: ProblemResponse };
const LIMITED = { 429: ProblemResponse };
const viewerId = (request: FastifyRequest) => request.user?.id ?? null;

const perPerson = (name: string, limit: { max: number; timeWindow: string } | false) =>
  limit && {
    ...limit,
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => `${name}:${request.user?.id ?? request.ip}`,
  };

export const postsRoutes: FastifyPluginAsyncTypebox<PostsRouteOptions> = async (app, options) => {
  const { posts } = options;
  const postLimit = perPerson('posts', options.postRateLimit);
  const commentLimit = perPerson('comments', options.commentRateLimit);

  app.post(
    '/api/posts',
    {
      onRequest: signedIn,
      config: { rateLimit: postLimit },
      schema: {
        tags,
        summary: 'Write a post or a purchase list',
        description:
          'Signed in. `body` is stored exactly as typed (pages render it escaped). `images` (up to 9) are URLs the uploads module gave the author for their own uploads, else 400. `productIds` and `listItems[].productId` must be active products, else 400 naming the field. `videoUrl` must be https. `kind: "list"` is a "what is worth buying" list whose `listItems` keep their order. `draft: true` keeps it to the author until a PATCH with `draft: false` publishes it. A banned person gets the moderation refusal; too many posts in a minute, 429.',
        body: PostBody,
        response: { 201: PostSchema, ...SIGNED_IN, 422: ProblemResponse, ...LIMITED },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await posts.create(requireUser(request).id, request.body)),
  );

  app.get(
    '/api/posts/:id',
    {
      schema: {
        tags,
        summary: 'Read a post',
        description:
          'Anyone, for a published post that is not hidden; its author also sees it as a draft or hidden (`draft`, `hidden`). Others get 404. An open by anyone but the author counts as a view in its stats.',
        params: IdParams,
        response: { 200: PostSchema, 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => posts.read(viewerId(request), request.params.id, { countView: true }),
  );

  app.patch(
    '/api/posts/:id',
    {
      onRequest: signedIn,
      config: { rateLimit: postLimit },
      schema: {
        tags,
        summary: 'Edit or publish a post',
        description:
          'Its author only (anyone else: 404). Fields as on creation; `draft: false` publishes a draft (a published post cannot become a draft again, 400).',
        params: IdParams,
        body: PostPatch,
        response: { 200: PostSchema, ...SIGNED_IN, 404: ProblemResponse, 422: ProblemResponse, ...LIMITED },
      },
    },
    async (request) => posts.update(requireUser(request).id, request.params.id, request.body),
  );

  app.delete(
    '/api/posts/:id',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Delete a post',
        description: 'Its author only (anyone else: 404). Its likes and comments go with it.',
        params: IdParams,
        response: { 204: Type.Null(), ...SIGNED_IN, 404: ProblemResponse },
      },
    },
    async (request, reply) => {
      await posts.remove(requireUser(request).id, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/feed',
    {
      schema: {
        tags,
        summary: 'The feed',
        description:
          'Anyone. Signed in: posts of the people I follow, newest first, then everyone else’s popular posts of the last 30 days; anonymous: the popular posts alone. Popularity is a decaying score: (likes + 2 × comments + 5 × purchases + 1) ÷ (hours since published + 2)^1.5, purchases being paid orders placed through the post. `nextCursor` runs across both parts; every page is read as the feed stood when the first page was made, and no post appears twice.',
        querystring: PageQuery,
        response: { 200: PostPage, 400: ProblemResponse },
      },
    },
    async (request) => posts.feed(viewerId(request), request.query),
  );

  app.get(
    '/api/me/posts',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'My posts with their figures',
        description:
          'Signed in. The caller’s posts, drafts and hidden ones included, newest first, each with the figures of `GET /api/posts/:id/stats`.',
        querystring: PageQuery,
        response: { 200: MyPostPage, ...SIGNED_IN },
      },
    },
    async (request) => posts.mine(requireUser(request).id, request.query),
  );

  app.get(
    '/api/admin/posts',
    {
      onRequest: adminOnly,
      schema: {
        tags: [...tags, 'admin'],
        summary: 'Every published post with its figures',
        description:
          'Staff. Published posts of everyone, hidden ones included (`hidden`), newest first, each with the figures of `GET /api/posts/:id/stats`: the console’s content view.',
        querystring: PageQuery,
        response: { 200: MyPostPage, ...SIGNED_IN, 403: ProblemResponse },
      },
    },
    async (request) => posts.everyPublished(request.query),
  );

  app.get(
    '/api/posts/:id/stats',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'A post’s figures',
        description:
          'Its author, or an operator with the admin role; anyone else 404. `views`: opens of the post page by others; `clicks`: taps on its tagged products plus clicks on share links of the post; `orders`/`gmv`: paid orders placed through it (not refunded in full) and their paid amount in minor units.',
        params: IdParams,
        response: { 200: StatsSchema, ...SIGNED_IN, 404: ProblemResponse },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return posts.stats({ id: user.id, isAdmin: user.roles.includes('admin') }, request.params.id);
    },
  );

  app.post(
    '/api/posts/:id/clicks',
    {
      schema: {
        tags,
        summary: 'Count a tap on a tagged product',
        description:
          'Anyone who can see the post. `productId` must be one the post names, else 400. The author’s own taps are not counted. The web app calls it before opening `/products/:id?post=<postId>`.',
        params: IdParams,
        body: ClickBody,
        response: { 204: Type.Null(), 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request, reply) => {
      await posts.click(viewerId(request), request.params.id, request.body.productId);
      return reply.status(204).send(null);
    },
  );

  for (const method of ['post', 'delete'] as const) {
    app[method](
      '/api/posts/:id/likes',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: method === 'post' ? 'Like a post' : 'Withdraw a like',
          description:
            'Signed in, on a published post that is not hidden (else 404). Idempotent: liking twice (or twice at once) counts once; `likes` is the post’s count after the call.',
          params: IdParams,
          response: { 200: LikeSchema, ...SIGNED_IN, 404: ProblemResponse },
        },
      },
      async (request) => posts.setLike(requireUser(request).id, request.params.id, method === 'post'),
    );
  }

  app.get(
    '/api/posts/:id/comments',
    {
      schema: {
        tags,
        summary: 'A post’s comments',
        description:
          'Anyone who can see the post. Top-level comments oldest first, each with its replies (one level), bodies as typed. Hidden comments are left out except to their authors.',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: CommentPage, 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => posts.comments(viewerId(request), request.params.id, request.query),
  );

  app.post(
    '/api/posts/:id/comments',
    {
      onRequest: signedIn,
      config: { rateLimit: commentLimit },
      schema: {
        tags,
        summary: 'Comment or reply',
        description:
          'Signed in, on a published post that is not hidden (else 404). `parentId` replies to a comment of the post (a reply to a reply joins its thread); stored as typed. A banned person gets the moderation refusal; too many comments in a minute, 429.',
        params: IdParams,
        body: CommentBody,
        response: {
          201: CommentSchema,
          ...SIGNED_IN,
          404: ProblemResponse,
          422: ProblemResponse,
          ...LIMITED,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await posts.comment(requireUser(request).id, request.params.id, request.body)),
  );

  app.delete(
    '/api/comments/:id',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Delete my comment',
        description: 'Its author only (anyone else: 404). Its replies go out of sight with it.',
        params: IdParams,
        response: { 204: Type.Null(), ...SIGNED_IN, 404: ProblemResponse },
      },
    },
    async (request, reply) => {
      await posts.deleteComment(requireUser(request).id, request.params.id);
      return reply.status(204).send(null);
    },
  );

  for (const method of ['post', 'delete'] as const) {
    app[method](
      '/api/users/:id/followers',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: method === 'post' ? 'Follow a person' : 'Unfollow a person',
          description:
            'Signed in. Idempotent. Following oneself is 422 `posts_follow_self`; an unknown person is 404. `followers` is their count after the call.',
          params: IdParams,
          response: { 200: FollowSchema, ...SIGNED_IN, 404: ProblemResponse, 422: ProblemResponse },
        },
      },
      async (request) => posts.setFollow(requireUser(request).id, request.params.id, method === 'post'),
    );
  }

  for (const side of ['followers', 'following'] as const) {
    app.get(
      `/api/users/:id/${side}`,
      {
        schema: {
          tags,
          summary: side === 'followers' ? 'Who follows a person' : 'Whom a person follows',
          description: 'Anyone (following is public, as on any social app). Newest follow first.',
          params: IdParams,
          querystring: PageQuery,
          response: { 200: PeoplePage, 400: ProblemResponse, 404: ProblemResponse },
        },
      },
      async (request) => posts.followList(request.params.id, side, request.query),
    );
  }

  app.get(
    '/api/users/:id/profile',
    {
      schema: {
        tags,
        summary: 'A person’s profile',
        description:
          'Anyone. Name, follower and following counts, published posts and the likes on them, earned badges, and the first page of their posts (to themselves drafts and hidden posts too).',
        params: IdParams,
        response: { 200: ProfileSchema, 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => posts.profile(viewerId(request), request.params.id),
  );

  app.get(
    '/api/users/:id/posts',
    {
      schema: {
        tags,
        summary: 'A person’s posts',
        description:
          'Anyone: their published posts newest first (to themselves, drafts and hidden ones too).',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: PostPage, 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => posts.postsOf(viewerId(request), request.params.id, request.query),
  );
};
