import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why an upload is refused. */
export const uploadsReasons = defineReasons({
  upload_multipart_required: {
    code: 'unsupported_media_type',
    description: 'Send the image as multipart/form-data with one file field named `file`.',
  },
  upload_file_missing: {
    code: 'invalid_input',
    description: 'The form has no file: add the image as the field `file`.',
  },
  upload_not_an_image: {
    code: 'unsupported_media_type',
    params: Type.Object({ accepted: Type.String() }),
    description:
      'The file is not a JPEG, PNG, WebP, GIF or AVIF image (judged by its content, not its name); `accepted` lists the formats.',
  },
  upload_not_a_video: {
    code: 'unsupported_media_type',
    params: Type.Object({ accepted: Type.String() }),
    description:
      'The file is not an MP4 or WebM video (judged by its content, not its name); `accepted` lists the formats.',
  },
  upload_unreadable: {
    code: 'business_rule',
    description: 'The file begins like an image but cannot be read (cut short or damaged).',
  },
  upload_too_large: {
    code: 'payload_too_large',
    params: Type.Object({ maxBytes: Type.Integer(), maxMegabytes: Type.Number() }),
    description: 'The file is larger than the upload limit (`maxBytes`, also in MB, one decimal).',
  },
  upload_too_many_pixels: {
    code: 'business_rule',
    params: Type.Object({
      maxPixels: Type.Integer(),
      maxMegapixels: Type.Number(),
      width: Type.Integer(),
      height: Type.Integer(),
    }),
    description:
      'The image has more pixels (`width` × `height`) than the limit (`maxPixels`, also in millions).',
  },
  upload_not_found: {
    code: 'not_found',
    params: Type.Object({ id: Type.String() }),
    description: 'No such upload, or it is someone else’s.',
  },
  upload_video_host_only: {
    code: 'forbidden',
    description: 'Only people who may host live rooms (shopkeepers and admins) upload videos.',
  },
  upload_video_quota_exceeded: {
    code: 'rate_limited',
    params: Type.Object({
      maxBytes: Type.Integer(),
      maxMegabytes: Type.Number(),
      usedBytes: Type.Integer(),
      retryAfterSeconds: Type.Integer({ minimum: 0 }),
    }),
    description:
      'This video would take the person past their video quota for 24 hours (`maxBytes`, also in MB; ' +
      '`usedBytes` so far); room frees up after `retryAfterSeconds`.',
  },
  uploads_rate_limited: {
    code: 'rate_limited',
    params: Type.Object({ retryAfterSeconds: Type.Integer({ minimum: 0 }), max: Type.Integer() }),
    description: 'Too many uploads in a minute (`max`); try again after `retryAfterSeconds`.',
  },
});

export const refuse = refusalsOf(uploadsReasons);

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export const tooLarge = (maxBytes: number) =>
  refuse(
    'upload_too_large',
    { maxBytes, maxMegabytes: oneDecimal(maxBytes / 1024 / 1024) },
    'The file is too large',
  );

export const tooManyPixels = (maxPixels: number, width: number, height: number) =>
  refuse(
    'upload_too_many_pixels',
    { maxPixels, maxMegapixels: oneDecimal(maxPixels / 1e6), width, height },
    'The image has too many pixels',
  );

export const videoQuotaExceeded = (maxBytes: number, usedBytes: number, retryAfterSeconds: number) =>
  refuse(
    'upload_video_quota_exceeded',
    { maxBytes, maxMegabytes: oneDecimal(maxBytes / 1024 / 1024), usedBytes, retryAfterSeconds },
    'This video would pass your video quota for 24 hours',
  );
