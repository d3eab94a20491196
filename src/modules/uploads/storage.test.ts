import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeS3, startFakeS3 } from '../../../test/support/fake-s3.js';
import { s3Storage } from './s3-storage.js';
import { localDiskStorage, type ObjectStorage } from './storage.js';

const bytes = Buffer.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0, 255]);

/** What every storage promises, whatever it is backed by. */
async function roundTrip(storage: ObjectStorage) {
  expect(await storage.get('abc-320.webp')).toBeNull();
  await storage.put('abc-320.webp', bytes, 'image/webp');
  const read = await storage.get('abc-320.webp');
  expect(read?.contentType).toBe('image/webp');
  expect(Buffer.compare(read?.bytes ?? Buffer.alloc(0), bytes)).toBe(0);
  await storage.put('abc-320.webp', bytes, 'image/webp'); // putting the same key again is fine
  await storage.delete('abc-320.webp');
  expect(await storage.get('abc-320.webp')).toBeNull();
  await storage.delete('abc-320.webp'); // and deleting a missing key too
}

const drain = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
};

/** A video is read by size and ranges, never whole. */
async function ranges(storage: ObjectStorage) {
  expect(await storage.head('abc.mp4')).toBeNull();
  await storage.put('abc.mp4', bytes, 'video/mp4');
  expect(await storage.head('abc.mp4')).toEqual({ size: bytes.length, contentType: 'video/mp4' });
  expect(await drain(await storage.readRange('abc.mp4', 2, 5))).toEqual(bytes.subarray(2, 6));
  expect(await drain(await storage.readRange('abc.mp4', 0, bytes.length - 1))).toEqual(bytes);
  await storage.delete('abc.mp4');
}

describe('local disk storage', () => {
  let folder: string;
  beforeAll(async () => {
    folder = join(await mkdtemp(join(tmpdir(), 'fission-storage-')), 'uploads');
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('puts, gets and deletes by key, leaving no temporary files', async () => {
    await roundTrip(localDiskStorage(folder));
    expect(await readdir(folder)).toEqual([]);
  });

  it('tells an object’s size and reads one range of it', async () => {
    await ranges(localDiskStorage(folder));
  });

  it('refuses keys that could leave its folder', async () => {
    const storage = localDiskStorage(folder);
    for (const key of ['../escape.webp', 'a/b.webp', '.hidden', '']) {
      await expect(storage.put(key, bytes, 'image/webp')).rejects.toThrow(/Unsafe storage key/);
    }
  });
});

describe('S3-compatible storage, against an in-process endpoint that checks signatures', () => {
  let s3: FakeS3;
  beforeAll(async () => {
    s3 = await startFakeS3();
  });
  afterAll(() => s3.close());

  const settings = () => ({
    bucket: s3.bucket,
    endpoint: s3.endpoint,
    region: s3.region,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
  });

  it('puts, gets and deletes objects on path-style URLs with signed requests', async () => {
    s3.requests.length = 0;
    await roundTrip(s3Storage(settings()));
    expect(s3.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /fission-test/abc-320.webp',
      'PUT /fission-test/abc-320.webp',
      'GET /fission-test/abc-320.webp',
      'PUT /fission-test/abc-320.webp',
      'DELETE /fission-test/abc-320.webp',
      'GET /fission-test/abc-320.webp',
      'DELETE /fission-test/abc-320.webp',
    ]);
    expect(s3.requests.every((r) => r.signed)).toBe(true);
  });

  it('asks HEAD for the size and a ranged GET for a range: only those bytes come from the bucket', async () => {
    s3.requests.length = 0;
    await ranges(s3Storage(settings()));
    const reads = s3.requests.filter((r) => r.method === 'GET' || r.method === 'HEAD');
    expect(reads.map((r) => `${r.method} ${r.range ?? ''}`)).toEqual([
      'HEAD ',
      'HEAD ',
      'GET bytes=2-5',
      `GET bytes=0-${bytes.length - 1}`,
    ]);
  });

  it('stores the media type with the object', async () => {
    await s3Storage(settings()).put('def-640.webp', bytes, 'image/webp');
    expect(s3.objects.get('def-640.webp')?.contentType).toBe('image/webp');
  });

  it('fails loudly when the endpoint refuses the signature (a wrong secret)', async () => {
    const wrong = s3Storage({ ...settings(), secretAccessKey: 'not-the-secret' });
    await expect(wrong.put('ghi-320.webp', bytes, 'image/webp')).rejects.toThrow();
    expect(s3.requests.at(-1)?.signed).toBe(false);
    expect(s3.objects.has('ghi-320.webp')).toBe(false);
  });
});
