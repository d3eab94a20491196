import type { Readable } from 'node:stream';
import { assertSafeKey, type ObjectStorage } from './storage.js';

export interface S3Settings {
  bucket: string;
  /** The service's base URL (MinIO, R2, …); unset: AWS's own endpoint for the region. */
  endpoint: string | undefined;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO and most self-hosted stores). */
  forcePathStyle: boolean;
}

type Sdk = typeof import('@aws-sdk/client-s3');

const isMissing = (sdk: Sdk, err: unknown) =>
  err instanceof sdk.S3ServiceException && (err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404);

/**
 * An S3-compatible bucket. The server reads objects and serves them itself (`/uploads/<key>`), so
 * the bucket stays private and the web app's image policy does not need its origin. The SDK is
 * loaded on first use: a shop on local disk never loads it (nor sees its Node version notice).
 */
export function s3Storage(settings: S3Settings): ObjectStorage {
  let connected: Promise<{ sdk: Sdk; client: InstanceType<Sdk['S3Client']> }> | undefined;
  const connect = () => {
    connected ??= import('@aws-sdk/client-s3').then((sdk) => ({ sdk, client: newClient(sdk, settings) }));
    return connected;
  };
  const Bucket = settings.bucket;
  return {
    async put(key, bytes, contentType) {
      assertSafeKey(key);
      const { sdk, client } = await connect();
      await client.send(
        new sdk.PutObjectCommand({
          Bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          CacheControl: 'public, max-age=31536000, immutable',
        }),
      );
    },
    async get(key) {
      assertSafeKey(key);
      const { sdk, client } = await connect();
      try {
        const out = await client.send(new sdk.GetObjectCommand({ Bucket, Key: key }));
        if (!out.Body) return null;
        const bytes = Buffer.from(await out.Body.transformToByteArray());
        return { bytes, contentType: out.ContentType ?? 'application/octet-stream' };
      } catch (err) {
        if (isMissing(sdk, err)) return null;
        throw err;
      }
    },
    async head(key) {
      assertSafeKey(key);
      const { sdk, client } = await connect();
      try {
        const out = await client.send(new sdk.HeadObjectCommand({ Bucket, Key: key }));
        return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? 'application/octet-stream' };
      } catch (err) {
        if (isMissing(sdk, err)) return null;
        throw err;
      }
    },
    // A ranged GetObject: only the asked-for bytes leave the bucket, streamed through.
    async readRange(key, start, end) {
      assertSafeKey(key);
      const { sdk, client } = await connect();
      const out = await client.send(
        new sdk.GetObjectCommand({ Bucket, Key: key, Range: `bytes=${start}-${end}` }),
      );
      if (!out.Body) throw new Error(`The bucket sent no body for ${key}`);
      // In Node the SDK's body is an IncomingMessage: a Readable.
      return out.Body as Readable;
    },
    async delete(key) {
      assertSafeKey(key);
      const { sdk, client } = await connect();
      await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}

function newClient(sdk: Sdk, settings: S3Settings) {
  return new sdk.S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Checksums only where S3 demands them: many S3-compatible stores reject the newer trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
