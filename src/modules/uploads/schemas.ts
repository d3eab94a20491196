import { type Static, Type } from 'typebox';

// The same list as UPLOAD_PURPOSES and the table's check; the rules test compares them.
export const UploadPurposeSchema = Type.Union(
  [Type.Literal('product'), Type.Literal('store_logo'), Type.Literal('post'), Type.Literal('review')],
  { description: 'What the image is for: product images, a store logo, and (later) posts and reviews.' },
);

export const UploadQuery = Type.Object(
  { purpose: Type.Optional(UploadPurposeSchema) },
  { additionalProperties: false },
);

export const UploadSchema = Type.Object({
  id: Type.String(),
  purpose: UploadPurposeSchema,
  /** The largest width: what a product's `images` or a store's `logo` holds. */
  url: Type.String(),
  /** Every width made, by width in pixels (`"320"`, `"640"`, `"1280"`; none wider than the original). */
  urls: Type.Record(Type.String({ pattern: '^[0-9]+$' }), Type.String()),
  width: Type.Integer(),
  height: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) });

export type Upload = Static<typeof UploadSchema>;

export const VideoUploadSchema = Type.Object({
  id: Type.String(),
  /** Where the video is served: `/uploads/<hash>.mp4` or `.webm`, with byte ranges. */
  url: Type.String(),
  mediaType: Type.Union([Type.Literal('video/mp4'), Type.Literal('video/webm')]),
  bytes: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});

export type VideoUpload = Static<typeof VideoUploadSchema>;
