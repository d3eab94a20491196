import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import { type ImageLimits, processImage } from './images.js';
import { refuse, tooLarge } from './reasons.js';
import {
  sniffVideoFormat,
  UPLOADS_PATH,
  type UploadPurpose,
  VARIANT_KEY,
  VIDEO_KEY,
  VIDEO_TYPES,
  type VideoFormat,
  variantKey,
  variantUrl,
  videoKey,
  videoUrl,
} from './rules.js';
import type { Upload, VideoUpload } from './schemas.js';
import type { ObjectStorage, StoredObject } from './storage.js';

interface UploadRow {
  id: string;
  owner_id: string;
  purpose: UploadPurpose;
  content_hash: string;
  original_type: string;
  original_bytes: number;
  width: number;
  height: number;
  widths: number[];
  created_at: Date;
}

export interface UploadsDeps {
  db: Database;
  clock: Clock;
  storage: ObjectStorage;
  limits: ImageLimits;
  /** Largest video accepted, in bytes (UPLOAD_VIDEO_MAX_BYTES). */
  videoMaxBytes: number;
}

interface VideoRow {
  id: string;
  owner_id: string;
  content_hash: string;
  media_type: string;
  bytes: number;
  created_at: Date;
}

const formatOf = (mediaType: string): VideoFormat => (mediaType === 'video/webm' ? 'webm' : 'mp4');

const presentVideo = (row: VideoRow): VideoUpload => ({
  id: row.id,
  url: videoUrl(row.content_hash, formatOf(row.media_type)),
  mediaType: row.media_type as VideoUpload['mediaType'],
  bytes: row.bytes,
  createdAt: row.created_at.toISOString(),
});

function present(row: UploadRow): Upload {
  const widths = [...row.widths].sort((a, b) => a - b);
  const urls = Object.fromEntries(widths.map((w) => [String(w), variantUrl(row.content_hash, w)]));
  return {
    id: row.id,
    purpose: row.purpose,
    url: variantUrl(row.content_hash, widths[widths.length - 1] as number),
    urls,
    width: row.width,
    height: row.height,
    createdAt: row.created_at.toISOString(),
  };
}

export type UploadsService = ReturnType<typeof createUploadsService>;

export function createUploadsService({ db, clock, storage, limits, videoMaxBytes }: UploadsDeps) {
  /**
   * Checks and resizes the image, stores every width, then records the upload. The bytes are
   * written before the row (no transaction spans the storage calls): a failure between leaves
   * unreferenced objects under content keys, which a later upload of the same picture reuses.
   */
  async function upload(ownerId: string, bytes: Buffer, purpose: UploadPurpose): Promise<Upload> {
    const image = await processImage(bytes, limits);
    for (const variant of image.variants)
      await storage.put(variantKey(image.hash, variant.width), variant.bytes, 'image/webp');
    const rows = await db.query<UploadRow>(
      `INSERT INTO uploads (id, owner_id, purpose, content_hash, original_type, original_bytes, width, height, widths, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [
        newId(),
        ownerId,
        purpose,
        image.hash,
        `image/${image.format}`,
        bytes.length,
        image.width,
        image.height,
        image.variants.map((v) => v.width),
        clock.now(),
      ],
    );
    return present(rows[0] as UploadRow);
  }

  /** The person's own upload, or null: someone else's upload is as good as unknown. */
  async function findOwned(conn: Queryable, ownerId: string, id: string): Promise<Upload | null> {
    const rows = await conn.query<UploadRow>('SELECT * FROM uploads WHERE id = $1 AND owner_id = $2', [
      id,
      ownerId,
    ]);
    return rows[0] ? present(rows[0]) : null;
  }

  async function getOwned(conn: Queryable, ownerId: string, id: string): Promise<Upload> {
    const found = await findOwned(conn, ownerId, id);
    if (!found) throw refuse('upload_not_found', { id }, 'Upload not found');
    return found;
  }

  /**
   * Whether `url` is one this module handed out (`url` or one of `urls`) for an image `ownerId`
   * uploaded: posts and reviews name pictures by URL, and may name only their author's own.
   */
  async function ownsUrl(conn: Queryable, ownerId: string, url: string): Promise<boolean> {
    const key = url.startsWith(UPLOADS_PATH) ? url.slice(UPLOADS_PATH.length) : '';
    if (!VARIANT_KEY.test(key)) return false;
    const [hash, width] = key.replace('.webp', '').split('-');
    const rows = await conn.query(
      'SELECT 1 FROM uploads WHERE owner_id = $1 AND content_hash = $2 AND $3 = ANY(widths) LIMIT 1',
      [ownerId, hash, Number(width)],
    );
    return rows.length > 0;
  }

  /**
   * Stores a video as sent (no transcoding): the format from its first bytes, never its name. The
   * bytes go under their content hash before the row, as images do.
   */
  async function uploadVideo(ownerId: string, bytes: Buffer): Promise<VideoUpload> {
    if (bytes.length > videoMaxBytes) throw tooLarge(videoMaxBytes);
    const format = sniffVideoFormat(bytes);
    if (!format) throw refuse('upload_not_a_video', { accepted: 'mp4, webm' }, 'The file is not a video');
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    await storage.put(videoKey(hash, format), bytes, VIDEO_TYPES[format]);
    const rows = await db.query<VideoRow>(
      `INSERT INTO upload_videos (id, owner_id, content_hash, media_type, bytes, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [newId(), ownerId, hash, VIDEO_TYPES[format], bytes.length, clock.now()],
    );
    return presentVideo(rows[0] as VideoRow);
  }

  /** The person's own video, or null (someone else's is as good as unknown). */
  async function findOwnedVideo(conn: Queryable, ownerId: string, id: string): Promise<VideoUpload | null> {
    const rows = await conn.query<VideoRow>('SELECT * FROM upload_videos WHERE id = $1 AND owner_id = $2', [
      id,
      ownerId,
    ]);
    return rows[0] ? presentVideo(rows[0]) : null;
  }

  /** A stored width or video by its key; only keys of the forms uploads make reach the storage. */
  async function open(key: string): Promise<StoredObject | null> {
    if (!VARIANT_KEY.test(key) && !VIDEO_KEY.test(key)) return null;
    return storage.get(key);
  }

  return { upload, uploadVideo, findOwned, getOwned, ownsUrl, findOwnedVideo, open, limits, videoMaxBytes };
}
