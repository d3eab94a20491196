import { type Static, Type } from 'typebox';
import { pageQuery } from '../../platform/http/pagination.js';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';

export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id });
const Instant = Type.String({ format: 'date-time' });

export const MAX_POST_BODY = 5_000;
export const MAX_COMMENT_BODY = 2_000;
export const MAX_IMAGES = 9;
export const MAX_PRODUCTS = 20;

/** An absolute https URL whose host carries no credentials and no spaces (the service parses it too). */
export const VIDEO_URL_PATTERN = '^https://[^/?#@\\s]+(?:[/?#]\\S*)?$';

const ImageUrl = Type.String({
  minLength: 1,
  maxLength: 300,
  description: 'The `url` (or one of the `urls`) the uploads module gave for an image the author uploaded',
});

const ListItemInput = Type.Object(
  { productId: Id, note: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);

const postFields = {
  body: NonBlankText(MAX_POST_BODY),
  images: Type.Array(ImageUrl, { maxItems: MAX_IMAGES }),
  productIds: Type.Array(Id, { maxItems: MAX_PRODUCTS }),
  videoUrl: Nullable(Type.String({ maxLength: 500, pattern: VIDEO_URL_PATTERN })),
  kind: Type.Union([Type.Literal('post'), Type.Literal('list')], {
    description: '`list`: a "what is worth buying" purchase list, its products in `listItems` in order',
  }),
  listItems: Type.Array(ListItemInput, { maxItems: MAX_PRODUCTS }),
  draft: Type.Boolean({ description: 'A draft is seen by its author alone; `false` publishes it' }),
};

export const PostBody = Type.Object(
  {
    body: postFields.body,
    images: Type.Optional(postFields.images),
    productIds: Type.Optional(postFields.productIds),
    videoUrl: Type.Optional(postFields.videoUrl),
    kind: Type.Optional(postFields.kind),
    listItems: Type.Optional(postFields.listItems),
    draft: Type.Optional(postFields.draft),
  },
  { additionalProperties: false },
);
export type PostInput = Static<typeof PostBody>;

export const PostPatch = Type.Partial(Type.Object(postFields), { additionalProperties: false });
export type PostChanges = Static<typeof PostPatch>;

export const CommentBody = Type.Object(
  {
    body: NonBlankText(MAX_COMMENT_BODY),
    parentId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type CommentInput = Static<typeof CommentBody>;

export const ClickBody = Type.Object({ productId: Id }, { additionalProperties: false });

export const PageQuery = Type.Object(pageQuery, { additionalProperties: false });

// Responses ---------------------------------------------------------------------------------------

export const AuthorSchema = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'Authors publish: they appear under the name they chose' }),
});

export const TaggedProductSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  image: Nullable(Type.String()),
  price: Nullable(Type.Integer({ description: 'The lowest price, minor units' })),
});
export type TaggedProduct = Static<typeof TaggedProductSchema>;

export const PostSchema = Type.Object({
  id: Type.String(),
  kind: postFields.kind,
  body: Type.String({ description: 'As typed; render it escaped' }),
  images: Type.Array(Type.String()),
  videoUrl: Nullable(Type.String()),
  author: AuthorSchema,
  /** Tagged products, then a list's products, each once; archived ones are left out. */
  products: Type.Array(TaggedProductSchema),
  listItems: Type.Array(Type.Object({ product: TaggedProductSchema, note: Type.String() })),
  likes: Type.Integer(),
  liked: Type.Boolean({ description: 'Whether the viewer likes it' }),
  comments: Type.Integer(),
  draft: Type.Boolean(),
  hidden: Type.Boolean({ description: 'Hidden by a moderator: only its author still sees it' }),
  mine: Type.Boolean(),
  createdAt: Instant,
  publishedAt: Nullable(Instant),
  editedAt: Nullable(Instant),
});
export type Post = Static<typeof PostSchema>;

export const PostPage = Type.Object({ items: Type.Array(PostSchema), nextCursor: Nullable(Type.String()) });

export const LikeSchema = Type.Object({ liked: Type.Boolean(), likes: Type.Integer() });

export const CommentSchema = Type.Object({
  id: Type.String(),
  postId: Type.String(),
  parentId: Nullable(Type.String()),
  body: Type.String({ description: 'As typed; render it escaped' }),
  author: AuthorSchema,
  mine: Type.Boolean(),
  createdAt: Instant,
  /** Replies, oldest first (one level: a reply to a reply joins its thread). */
  replies: Type.Array(
    Type.Object({
      id: Type.String(),
      postId: Type.String(),
      parentId: Nullable(Type.String()),
      body: Type.String(),
      author: AuthorSchema,
      mine: Type.Boolean(),
      createdAt: Instant,
    }),
  ),
});
export type Comment = Static<typeof CommentSchema>;
export const CommentPage = Type.Object({
  items: Type.Array(CommentSchema),
  nextCursor: Nullable(Type.String()),
});

export const FollowSchema = Type.Object({
  following: Type.Boolean({ description: 'Whether the caller now follows the person' }),
  followers: Type.Integer({ description: 'The person’s followers' }),
});

export const PersonSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  followedAt: Instant,
});
export const PeoplePage = Type.Object({
  items: Type.Array(PersonSchema),
  nextCursor: Nullable(Type.String()),
});

export const ProfileSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  followers: Type.Integer(),
  following: Type.Integer(),
  posts: Type.Integer({ description: 'Published posts others can see' }),
  likes: Type.Integer({ description: 'Likes on those posts' }),
  followedByMe: Type.Boolean(),
  mine: Type.Boolean(),
  badges: Type.Array(Type.Object({ badge: Type.String(), tier: Type.String() })),
  /** The first page of their posts, newest first (the rest from `GET /api/users/:id/posts`). */
  recentPosts: PostPage,
});

export const StatsSchema = Type.Object({
  views: Type.Integer({ description: 'Opens of the post page by anyone but its author' }),
  likes: Type.Integer(),
  comments: Type.Integer(),
  clicks: Type.Integer({ description: 'Taps on tagged products plus clicks on share links of the post' }),
  orders: Type.Integer({ description: 'Paid orders placed through the post, not refunded in full' }),
  gmv: Type.Integer({ description: 'Their paid amount, minor units' }),
});
export type PostStats = Static<typeof StatsSchema>;

export const MyPostSchema = Type.Object({ post: PostSchema, stats: StatsSchema });
export const MyPostPage = Type.Object({
  items: Type.Array(MyPostSchema),
  nextCursor: Nullable(Type.String()),
});
