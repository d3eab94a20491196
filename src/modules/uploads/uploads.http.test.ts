import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeS3, startFakeS3 } from '../../../test/support/fake-s3.js';
import { multipartFile, plainPngOf, pngBomb, pngOf } from '../../../test/support/images.js';
import { expectProblem } from '../../../test/support/problem.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Store } from '../stores/index.js';
import type { Upload } from './schemas.js';
import { localDiskStorage, type ObjectStorage } from './storage.js';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = (await t.signUp()).token;
});
afterAll(() => t.close());

const upload = (app: TestApp, who: string | undefined, file: ReturnType<typeof multipartFile>, query = '') =>
  app.request('POST', `/api/uploads${query}`, { token: who, body: file.payload, headers: file.headers });

async function uploaded(file: ReturnType<typeof multipartFile>, who = token): Promise<Upload> {
  const res = await upload(t, who, file);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Upload>();
}

const fetchImage = (app: TestApp, url: string, headers: Record<string, string> = {}) =>
  app.app.inject({ method: 'GET', url, headers });

describe('POST /api/uploads', () => {
  it('happy: stores 320, 640 and 1280 wide WebP copies of a large picture', async () => {
    const image = await uploaded(multipartFile(await pngOf(2000, 1500), 'tea.png', 'image/png'));
    expect(image).toMatchObject({ width: 2000, height: 1500, purpose: 'product' });
    expect(Object.keys(image.urls)).toEqual(['320', '640', '1280']);
    expect(image.url).toBe(image.urls['1280']);
    for (const [width, url] of Object.entries(image.urls)) {
      expect(url).toMatch(/^\/uploads\/[0-9a-f]{32}-\d+\.webp$/);
      const res = await fetchImage(t, url);
      expect(res.statusCode).toBe(200);
      const meta = await sharp(res.rawPayload).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: Number(width), height: (Number(width) * 3) / 4 });
    }
  });

  it('accepts a photo larger than the JSON body limit (1 MB), up to UPLOAD_MAX_BYTES', async () => {
    const noise = await sharp(randomBytes(1000 * 1000 * 3), {
      raw: { width: 1000, height: 1000, channels: 3 },
    })
      .png()
      .toBuffer();
    expect(noise.length).toBeGreaterThan(2 * 1024 * 1024);
    const image = await uploaded(multipartFile(noise, 'noise.png', 'image/png'));
    expect(Object.keys(image.urls)).toEqual(['320', '640', '1000']);
  });

  it('never enlarges: a 500 px picture is kept at 320 and its own 500', async () => {
    const image = await uploaded(multipartFile(await pngOf(500, 250), 'small.png', 'image/png'));
    expect(Object.keys(image.urls)).toEqual(['320', '500']);
    const res = await fetchImage(t, image.url);
    expect((await sharp(res.rawPayload).metadata()).width).toBe(500);
  });

  it('turns the picture upright by its EXIF orientation and strips the metadata', async () => {
    // 600×300 as stored, with orientation 6 (rotate 90° clockwise): upright it is 300×600.
    const jpeg = await sharp(await pngOf(600, 300))
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'secret camera owner' } } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const image = await uploaded(multipartFile(jpeg, 'photo.jpg', 'image/jpeg'), token);
    expect(image).toMatchObject({ width: 300, height: 600 });
    const stored = await sharp((await fetchImage(t, image.urls['300'] as string)).rawPayload).metadata();
    expect(stored).toMatchObject({ width: 300, height: 600 });
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
  });

  it('records the purpose it is given', async () => {
    const res = await upload(
      t,
      token,
      multipartFile(await pngOf(400, 400), 'l.png', 'image/png'),
      '?purpose=store_logo',
    );
    expect(res.json<Upload>().purpose).toBe('store_logo');
  });

  it('refuses a text file named .png by its content (415 upload_not_an_image)', async () => {
    const res = await upload(
      t,
      token,
      multipartFile(Buffer.from('hello, not a picture\n'), 'cat.png', 'image/png'),
    );
    expect(expectProblem(res, 415)).toMatchObject({ reason: 'upload_not_an_image' });
  });

  it('refuses a truncated PNG (422 upload_unreadable)', async () => {
    const png = await pngOf(800, 600);
    const res = await upload(
      t,
      token,
      multipartFile(png.subarray(0, Math.floor(png.length / 2)), 'cut.png', 'image/png'),
    );
    expect(expectProblem(res, 422).reason).toBe('upload_unreadable');
  });

  it('refuses a decompression bomb by its header, before decoding it (422 upload_too_many_pixels)', async () => {
    const bomb = pngBomb(60_000, 60_000);
    expect(bomb.length).toBeLessThan(1_000_000);
    const res = await upload(t, token, multipartFile(bomb, 'bomb.png', 'image/png'));
    expect(expectProblem(res, 422)).toMatchObject({
      reason: 'upload_too_many_pixels',
      params: { maxPixels: 40_000_000, width: 60_000, height: 60_000 },
    });
  });

  it('refuses a form without a file, and a JSON body', async () => {
    const noFile = multipartFile(Buffer.from('x'), 'x.png', 'image/png', 'other');
    const res = await upload(t, token, noFile);
    expect(expectProblem(res, 400).reason).toBe('upload_file_missing');
    const json = await t.request('POST', '/api/uploads', {
      token,
      body: { file: 'data:image/png;base64,AAAA' },
    });
    expect(expectProblem(json, 415).reason).toBe('upload_multipart_required');
  });

  it('refuses an unknown purpose (400)', async () => {
    const res = await upload(
      t,
      token,
      multipartFile(await pngOf(10, 10), 'a.png', 'image/png'),
      '?purpose=avatar',
    );
    expectProblem(res, 400);
  });

  it('security: signed out is 401', async () => {
    const res = await upload(t, undefined, multipartFile(await pngOf(10, 10), 'a.png', 'image/png'));
    expectProblem(res, 401);
  });
});

describe('GET /uploads/<key>', () => {
  it('serves the image immutable, with its ETag, its type and nosniff; 304 on a matching If-None-Match', async () => {
    const image = await uploaded(multipartFile(await pngOf(700, 700), 'sq.png', 'image/png'));
    const res = await fetchImage(t, image.url);
    expect(res.headers).toMatchObject({
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{32}-700\.webp"$/);
    // The site's image policy (sent on every response) allows its own origin.
    expect(res.headers['content-security-policy']).toMatch(/img-src[^;]*'self'/);
    const again = await fetchImage(t, image.url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('is 404 for an unknown key and for a key that is not one', async () => {
    expectProblem(await fetchImage(t, `/uploads/${'0'.repeat(32)}-320.webp`), 404);
    expectProblem(await fetchImage(t, '/uploads/..%2F..%2Fpackage.json'), 404);
    expectProblem(await fetchImage(t, '/uploads/.env'), 404);
  });
});

describe('a store logo from an upload', () => {
  it('sets the owner’s upload as the logo; another person’s upload id is 404', async () => {
    const owner = await t.signUp();
    await t.request('POST', '/api/shopkeepers', { token: owner.token });
    const created = await t.request('POST', '/api/stores', {
      token: owner.token,
      body: { name: 'Logo tea', slug: `logo-${Date.now().toString(36)}` },
    });
    const store = created.json<Store>();
    const mine = await uploaded(multipartFile(await pngOf(400, 400), 'logo.png', 'image/png'), owner.token);
    const theirs = await uploaded(multipartFile(await pngOf(300, 300), 'logo.png', 'image/png'));

    const refused = await t.request('PATCH', `/api/stores/${store.id}`, {
      token: owner.token,
      body: { logoUploadId: theirs.id },
    });
    expect(expectProblem(refused, 404).reason).toBe('upload_not_found');

    const res = await t.request('PATCH', `/api/stores/${store.id}`, {
      token: owner.token,
      body: { logoUploadId: mine.id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Store>().logo).toBe(mine.url);
    const page = await t.request('GET', `/api/stores/${store.slug}`);
    expect(page.json<Store>().logo).toBe(mine.url);
  });
});

describe('with S3 storage, a small size limit and rate limits on', () => {
  let s3: FakeS3;
  let tight: TestApp;
  let person: string;
  beforeAll(async () => {
    s3 = await startFakeS3();
    tight = await createTestApp({
      STORAGE: 's3',
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: s3.region,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'on',
      UPLOAD_MAX_BYTES: '4096',
      RATE_LIMITS: 'on',
      UPLOAD_RATE_LIMIT: '3',
    });
    person = (await tight.signUp()).token;
  });
  afterAll(async () => {
    await tight.close();
    await s3.close();
  });

  it('stores the widths in the bucket, serves them back, refuses files over the limit, then rate-limits', async () => {
    const res = await upload(tight, person, multipartFile(await plainPngOf(400, 300), 'a.png', 'image/png'));
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json<Upload>();
    expect([...s3.objects.keys()].sort()).toEqual(
      Object.values(image.urls)
        .map((url) => url.replace('/uploads/', ''))
        .sort(),
    );
    expect(s3.requests.every((r) => r.signed)).toBe(true);
    const served = await fetchImage(tight, image.url);
    expect(served.headers['content-type']).toBe('image/webp');
    expect((await sharp(served.rawPayload).metadata()).width).toBe(400);

    // Just over the limit (the file's own limit) and far over it (refused by its Content-Length).
    for (const size of [5000, 200_000]) {
      const big = await upload(
        tight,
        person,
        multipartFile(Buffer.alloc(size, 0xff), 'big.jpg', 'image/jpeg'),
      );
      expect(expectProblem(big, 413)).toMatchObject({
        reason: 'upload_too_large',
        params: { maxBytes: 4096 },
      });
    }
    const limited = await upload(tight, person, multipartFile(await pngOf(10, 10), 'a.png', 'image/png'));
    expect(expectProblem(limited, 429)).toMatchObject({ reason: 'uploads_rate_limited', params: { max: 3 } });
  });
});

/** A storage that records each call, and the bytes each ranged read gave out. */
function countingStorage(inner: ObjectStorage) {
  const calls: string[] = [];
  const storage: ObjectStorage = {
    async put(key, bytes, type) {
      calls.push(`put ${key}`);
      return inner.put(key, bytes, type);
    },
    delete: (key) => inner.delete(key),
    async get(key) {
      calls.push(`get ${key}`);
      return inner.get(key);
    },
    async head(key) {
      calls.push(`head ${key}`);
      return inner.head(key);
    },
    async readRange(key, start, end) {
      const entry = calls.push(`range ${key} ${start}-${end}`) - 1;
      let read = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          read += chunk.length;
          calls[entry] = `range ${key} ${start}-${end} read ${read}`;
          done(null, chunk);
        },
      });
      return (await inner.readRange(key, start, end)).pipe(counted);
    },
  };
  return { storage, calls };
}

describe('POST /api/uploads/videos', () => {
  const mp4 = (size: number) =>
    Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), randomBytes(size - 12)]);
  const send = (app: TestApp, who: string | undefined, bytes: Buffer, name = 'clip.mp4') => {
    const file = multipartFile(bytes, name, 'video/mp4');
    return app.request('POST', '/api/uploads/videos', {
      token: who,
      body: file.payload,
      headers: file.headers,
    });
  };
  /** A new shopkeeper of `app`: only those who may host upload videos. */
  const host = async (app: TestApp) => {
    const person = (await app.signUp()).token;
    await app.request('POST', '/api/shopkeepers', { token: person });
    return person;
  };

  let counting: ReturnType<typeof countingStorage>;
  let counted: TestApp;
  let hostToken: string;
  beforeAll(async () => {
    counting = countingStorage(localDiskStorage(join(tmpdir(), `fission-videos-${randomUUID()}`)));
    counted = await createTestApp({}, undefined, { storage: counting.storage });
    hostToken = await host(counted);
  });
  afterAll(() => counted.close());

  it('stores a host’s video by its content, serves it whole and by range, and needs sign-in', async () => {
    const bytes = mp4(4000);
    const res = await send(counted, hostToken, bytes, 'named-anything.txt');
    expect(res.statusCode, res.body).toBe(201);
    const video = res.json<{ url: string; mediaType: string; bytes: number }>();
    expect(video).toMatchObject({ mediaType: 'video/mp4', bytes: 4000 });
    const whole = await counted.app.inject({ method: 'GET', url: video.url });
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.rawPayload.equals(bytes)).toBe(true);
    const tail = await counted.app.inject({
      method: 'GET',
      url: video.url,
      headers: { range: 'bytes=-100' },
    });
    expect(tail.statusCode).toBe(206);
    expect(tail.headers['content-range']).toBe('bytes 3900-3999/4000');
    expect(tail.rawPayload.equals(bytes.subarray(3900))).toBe(true);
    const past = await counted.app.inject({
      method: 'GET',
      url: video.url,
      headers: { range: 'bytes=5000-' },
    });
    expect(past.statusCode).toBe(416);
    expect((await send(counted, undefined, bytes)).statusCode).toBe(401);
  });

  it('streams exactly the range asked for from storage, never reading the whole video', async () => {
    const bytes = mp4(64 * 1024);
    const video = (await send(counted, hostToken, bytes)).json<{ url: string }>();
    const key = video.url.replace('/uploads/', '');
    counting.calls.length = 0;
    const res = await counted.app.inject({
      method: 'GET',
      url: video.url,
      headers: { range: 'bytes=1000-1999' },
    });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-length']).toBe('1000');
    expect(res.headers['content-range']).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(res.rawPayload.equals(bytes.subarray(1000, 2000))).toBe(true);
    // The size from `head`, then 1000 bytes from a ranged read; `get` (all of it) never.
    expect(counting.calls).toEqual([`head ${key}`, `range ${key} 1000-1999 read 1000`]);
  });

  it('refuses a buyer’s video before reading it (403 upload_video_host_only)', async () => {
    const buyer = (await counted.signUp()).token;
    counting.calls.length = 0;
    const res = await send(counted, buyer, mp4(4000));
    expect(expectProblem(res, 403)).toMatchObject({ reason: 'upload_video_host_only' });
    expect(counting.calls).toEqual([]);
  });

  it('refuses a picture or text sent as a video (415) and a video over UPLOAD_VIDEO_MAX_BYTES (413)', async () => {
    const png = await send(counted, hostToken, await pngOf(10, 10), 'clip.mp4');
    expect(expectProblem(png, 415)).toMatchObject({ reason: 'upload_not_a_video' });
    const small = await createTestApp({ UPLOAD_VIDEO_MAX_BYTES: '2048' });
    try {
      const person = await host(small);
      expect((await send(small, person, mp4(2000))).statusCode).toBe(201);
      const big = await send(small, person, mp4(3000));
      expect(expectProblem(big, 413)).toMatchObject({
        reason: 'upload_too_large',
        params: { maxBytes: 2048 },
      });
    } finally {
      await small.close();
    }
  }, 120_000);

  it('holds each host to UPLOAD_VIDEO_QUOTA_BYTES a day (429), room freeing as uploads age', async () => {
    const quota = await createTestApp({ UPLOAD_VIDEO_QUOTA_BYTES: '5000' });
    try {
      const person = await host(quota);
      const other = await host(quota);
      expect((await send(quota, person, mp4(3000))).statusCode).toBe(201);
      quota.clock.advance(3_600_000);
      const over = await send(quota, person, mp4(3000));
      expect(expectProblem(over, 429)).toMatchObject({
        reason: 'upload_video_quota_exceeded',
        // The first upload leaves the 24-hour window in 23 hours.
        params: { maxBytes: 5000, usedBytes: 3000, retryAfterSeconds: 23 * 3600 },
      });
      expect((await send(quota, person, mp4(2000))).statusCode).toBe(201);
      expect((await send(quota, other, mp4(3000))).statusCode).toBe(201);
      quota.clock.advance(23 * 3_600_000 + 1000);
      expect((await send(quota, person, mp4(3000))).statusCode).toBe(201);
    } finally {
      await quota.close();
    }
  }, 120_000);

  it('streams a range from an S3 bucket with a ranged GetObject', async () => {
    const s3 = await startFakeS3();
    const onS3 = await createTestApp({
      STORAGE: 's3',
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: s3.region,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'on',
    });
    try {
      const bytes = mp4(10_000);
      const video = (await send(onS3, await host(onS3), bytes)).json<{ url: string }>();
      s3.requests.length = 0;
      const res = await onS3.app.inject({
        method: 'GET',
        url: video.url,
        headers: { range: 'bytes=500-599' },
      });
      expect(res.statusCode).toBe(206);
      expect(res.rawPayload.equals(bytes.subarray(500, 600))).toBe(true);
      expect(s3.requests.map((r) => `${r.method} ${r.range ?? ''}`)).toEqual(['HEAD ', 'GET bytes=500-599']);
    } finally {
      await onS3.close();
      await s3.close();
    }
  }, 120_000);
});
