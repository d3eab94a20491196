import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import { type ImageLimits, processImage } from './images.js';
import { refuse, tooLarge, videoQuotaExceeded } from './reasons.js';
import {
  QUOTA_WINDOW_MS,
  quotaRetryAfterMs,
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
import type { ObjectInfo, ObjectStorage, StoredObject } from './storage.js';

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
  /** Bytes of video one person may upload in 24 hours (UPLOAD_VIDEO_QUOTA_BYTES); 0: no quota. */
  videoQuotaBytes: number;
  /** Who may upload videos: those who may host a live room, the only use of one (the live module's rule). */
  mayUploadVideos(roles: readonly string[]): boolean;
}

/** Who uploads: their id and roles. */
export interface Uploader {
  id: string;
  roles: readonly string[];
}

/** A stored video, opened by size: its bytes are read by range, never all at once. */
export interface OpenVideo extends ObjectInfo {
  read(start: number, end: number): Promise<Readable>;
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

export function createUploadsService(deps: UploadsDeps) {
  const { db, clock, storage, limits, videoMaxBytes, videoQuotaBytes } = deps;
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
   * Refuses someone who may not upload videos, or whose videos of the last 24 hours plus `incoming`
   * bytes pass the quota. The route asks before reading the body (with 1 byte: is there room at all),
   * the upload again with its size. Two uploads at once may both pass: the quota bounds a person's
   * storage and bandwidth, it is not money, and each upload in flight overshoots by one file at most.
   */
  async function assertMayUploadVideo(uploader: Uploader, incoming: number): Promise<void> {
    if (!deps.mayUploadVideos(uploader.roles))
      throw refuse('upload_video_host_only', undefined, 'Only hosts of live rooms upload videos');
    if (videoQuotaBytes === 0) return;
    const now = clock.now();
    const recent = await db.query<{ bytes: string | number; created_at: Date }>(
      'SELECT bytes, created_at FROM upload_videos WHERE owner_id = $1 AND created_at > $2 ORDER BY created_at',
      [uploader.id, new Date(now.getTime() - QUOTA_WINDOW_MS)],
    );
    const uploads = recent.map((r) => ({ bytes: Number(r.bytes), at: r.created_at.getTime() }));
    const used = uploads.reduce((sum, u) => sum + u.bytes, 0);
    if (used + incoming <= videoQuotaBytes) return;
    const waitMs = quotaRetryAfterMs(uploads, incoming, videoQuotaBytes, now.getTime());
    throw videoQuotaExceeded(videoQuotaBytes, used, Math.ceil(waitMs / 1000));
  }

  /**
   * Stores a video as sent (no transcoding): the format from its first bytes, never its name. The
   * bytes go under their content hash before the row, as images do.
   */
  async function uploadVideo(uploader: Uploader, bytes: Buffer): Promise<VideoUpload> {
    if (bytes.length > videoMaxBytes) throw tooLarge(videoMaxBytes);
    await assertMayUploadVideo(uploader, bytes.length);
    const ownerId = uploader.id;
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

  /** A stored width by its key; only keys of the forms uploads make reach the storage. */
  async function open(key: string): Promise<StoredObject | null> {
    if (!VARIANT_KEY.test(key)) return null;
    return storage.get(key);
  }

  /** A stored video by its key, by size and ranges (players seek by asking for byte ranges). */
  async function openVideo(key: string): Promise<OpenVideo | null> {
    if (!VIDEO_KEY.test(key)) return null;
    const info = await storage.head(key);
    return info && { ...info, read: (start, end) => storage.readRange(key, start, end) };
  }

  return {
    upload,
    assertMayUploadVideo,
    uploadVideo,
    findOwned,
    getOwned,
    ownsUrl,
    findOwnedVideo,
    open,
    openVideo,
    limits,
    videoMaxBytes,
  };
}
