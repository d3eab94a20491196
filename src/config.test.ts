import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const keys = { STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' };
const postgres = {
  DATABASE_URL: 'postgres://fission@db.example.com/fission',
  PUBLIC_URL: 'https://shop.example',
};

describe('payment settings on the embedded database', () => {
  it('defaults to the sandbox, with Stripe off', () => {
    expect(loadConfig({})).toMatchObject({
      sandboxPayments: true,
      paymentProvider: 'sandbox',
      stripe: undefined,
    });
  });

  it('enables Stripe when both keys and PAYMENT_PROVIDER=stripe are set', () => {
    expect(loadConfig({ ...keys, PAYMENT_PROVIDER: 'stripe' })).toMatchObject({
      paymentProvider: 'stripe',
      stripe: { secretKey: 'sk_test_x', webhookSecret: 'whsec_x', publishableKey: undefined },
    });
    expect(loadConfig({ ...keys, SANDBOX_PAYMENTS: 'off', PAYMENT_PROVIDER: 'stripe' }).sandboxPayments).toBe(
      false,
    );
  });

  it('sends Stripe requests to STRIPE_API_URL with test keys, and refuses it with a live key', () => {
    const config = loadConfig({
      ...keys,
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_API_URL: 'http://127.0.0.1:12111',
    });
    expect(config.stripe?.apiUrl?.href).toBe('http://127.0.0.1:12111/');
    expect(loadConfig({ ...keys, PAYMENT_PROVIDER: 'stripe' }).stripe?.apiUrl).toBeUndefined();
    const live = { ...keys, STRIPE_SECRET_KEY: 'sk_live_x', PAYMENT_PROVIDER: 'stripe' };
    expect(() => loadConfig({ ...live, STRIPE_API_URL: 'http://127.0.0.1:12111' })).toThrow(/test keys only/);
    expect(() => loadConfig({ ...keys, PAYMENT_PROVIDER: 'stripe', STRIPE_API_URL: 'ftp://x' })).toThrow(
      /STRIPE_API_URL must be/,
    );
  });

  it('reads the publishable key for the web app', () => {
    const config = loadConfig({ ...keys, PAYMENT_PROVIDER: 'stripe', STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' });
    expect(config.stripe?.publishableKey).toBe('pk_test_abc');
  });
});

// Regression: with DATABASE_URL set the sandbox was on by default, so any buyer could mark any
// order paid through /api/payments/sandbox/:id/succeed, earn commission on it and withdraw it.
describe('payment settings on PostgreSQL', () => {
  it('has the sandbox off by default', () => {
    expect(loadConfig({ ...postgres, ...keys, PAYMENT_PROVIDER: 'stripe' })).toMatchObject({
      sandboxPayments: false,
      paymentProvider: 'stripe',
    });
  });

  it('turns the sandbox on only when SANDBOX_PAYMENTS=on is set, and then defaults to it', () => {
    expect(loadConfig({ ...postgres, SANDBOX_PAYMENTS: 'on' })).toMatchObject({
      sandboxPayments: true,
      paymentProvider: 'sandbox',
    });
  });

  it('refuses to start without any provider, and says what to set', () => {
    expect(() => loadConfig(postgres)).toThrow(ConfigError);
    expect(() => loadConfig(postgres)).toThrow(/PAYMENT_PROVIDER=stripe/);
    expect(() => loadConfig(postgres)).toThrow(/SANDBOX_PAYMENTS=on/);
  });

  it('refuses PAYMENT_PROVIDER=sandbox without SANDBOX_PAYMENTS=on', () => {
    expect(() => loadConfig({ ...postgres, PAYMENT_PROVIDER: 'sandbox' })).toThrow(
      /needs SANDBOX_PAYMENTS=on/,
    );
  });
});

describe('payment settings that stop the start', () => {
  it.each([
    ['Stripe keys without PAYMENT_PROVIDER', keys, /set PAYMENT_PROVIDER=stripe/],
    [
      'Stripe keys without PAYMENT_PROVIDER on PostgreSQL',
      { ...postgres, ...keys },
      /set PAYMENT_PROVIDER=stripe/,
    ],
    ['one key without the other', { STRIPE_SECRET_KEY: 'sk_test_x' }, /must be set together/],
    ['a publishable key as secret', { ...keys, STRIPE_SECRET_KEY: 'pk_test_x' }, /STRIPE_SECRET_KEY must be/],
    [
      'a secret key as publishable key',
      { ...keys, PAYMENT_PROVIDER: 'stripe', STRIPE_PUBLISHABLE_KEY: 'sk_test_x' },
      /STRIPE_PUBLISHABLE_KEY must be/,
    ],
    [
      'a webhook secret of the wrong kind',
      { ...keys, STRIPE_WEBHOOK_SECRET: 'sk_test_y' },
      /STRIPE_WEBHOOK_SECRET/,
    ],
    ['stripe without keys', { PAYMENT_PROVIDER: 'stripe' }, /needs STRIPE_SECRET_KEY/],
    [
      'sandbox while it is off',
      { SANDBOX_PAYMENTS: 'off', PAYMENT_PROVIDER: 'sandbox' },
      /needs SANDBOX_PAYMENTS/,
    ],
    ['no provider at all', { SANDBOX_PAYMENTS: 'off' }, /no payment provider/],
    [
      'an unknown provider',
      { PAYMENT_PROVIDER: 'paypal' },
      /PAYMENT_PROVIDER must be one of sandbox, stripe/,
    ],
  ])('refuses %s', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a whole secret key in its message', () => {
    expect(() => loadConfig({ ...keys, STRIPE_SECRET_KEY: 'pk_live_verysecretvalue' })).toThrow(
      /^(?!.*verysecretvalue)/,
    );
  });
});

// Share links, QR codes and previews were built from the request's Host, which anyone can set.
describe('the public URL', () => {
  it('is required on PostgreSQL, and the message says what to set', () => {
    const { PUBLIC_URL: _, ...withoutUrl } = { ...postgres, SANDBOX_PAYMENTS: 'on' };
    expect(() => loadConfig(withoutUrl)).toThrow(ConfigError);
    expect(() => loadConfig(withoutUrl)).toThrow(/PUBLIC_URL must be set on PostgreSQL.*PUBLIC_URL=https:/);
    expect(loadConfig({ ...postgres, SANDBOX_PAYMENTS: 'on' }).publicUrl).toBe('https://shop.example');
  });

  it('is optional on the embedded database, loses a trailing slash and must be http(s)', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://shop.example/' }).publicUrl).toBe('https://shop.example');
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://shop.example' })).toThrow(/PUBLIC_URL must be a URL/);
  });
});

describe('image storage and upload settings', () => {
  it('keeps uploads on local disk under DATA_DIR by default, with an 8 MB limit', () => {
    expect(loadConfig({ DATA_DIR: '/srv/fission/' })).toMatchObject({
      storage: { kind: 'local', folder: '/srv/fission/uploads' },
      uploadMaxBytes: 8 * 1024 * 1024,
      uploadMaxPixels: 40_000_000,
      uploadRateLimit: 30,
    });
  });

  it('selects an S3-compatible bucket with STORAGE=s3, naming what is missing', () => {
    const s3 = {
      STORAGE: 's3',
      S3_BUCKET: 'shop-images',
      S3_ACCESS_KEY_ID: 'AK',
      S3_SECRET_ACCESS_KEY: 'SK',
    };
    expect(
      loadConfig({ ...s3, S3_ENDPOINT: 'http://minio:9000/', S3_FORCE_PATH_STYLE: 'on' }).storage,
    ).toEqual({
      kind: 's3',
      bucket: 'shop-images',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      forcePathStyle: true,
    });
    expect(() => loadConfig({ STORAGE: 's3', S3_BUCKET: 'shop-images' })).toThrow(
      /S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ ...s3, S3_BUCKET: 'Not_A_Bucket' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: 'ftp://x' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ STORAGE: 'dropbox' })).toThrow(/STORAGE/);
    expect(() => loadConfig({ UPLOAD_MAX_BYTES: '12' })).toThrow(/UPLOAD_MAX_BYTES/);
  });
});

describe('live-stream origins and the video quota', () => {
  it('allows no stream origin by default on PostgreSQL, and the demo test stream on the embedded demo shop', () => {
    const onPostgres = { ...postgres, SANDBOX_PAYMENTS: 'on' };
    expect(loadConfig(onPostgres).liveStreamOrigins).toEqual([]);
    expect(loadConfig({}).liveStreamOrigins).toEqual(['https://test-streams.mux.dev']);
    expect(loadConfig({ SEED_DEMO: '0' }).liveStreamOrigins).toEqual([]);
    expect(loadConfig({ LIVE_STREAM_ORIGINS: 'none' }).liveStreamOrigins).toEqual([]);
  });

  it('reads comma-separated https origins, and refuses anything else by name', () => {
    expect(
      loadConfig({ LIVE_STREAM_ORIGINS: 'https://Live.Example.com/, https://cdn.example.net:8443' })
        .liveStreamOrigins,
    ).toEqual(['https://live.example.com', 'https://cdn.example.net:8443']);
    for (const bad of [
      'http://live.example.com',
      'https://live.example.com/hls',
      'https:',
      '*',
      'https://a.com,',
    ])
      expect(() => loadConfig({ LIVE_STREAM_ORIGINS: bad })).toThrow(/LIVE_STREAM_ORIGINS must be/);
  });

  it('gives each host 512 MB of video a day unless set; 0 is no quota', () => {
    expect(loadConfig({}).videoUploadQuotaBytes).toBe(512 * 1024 * 1024);
    expect(loadConfig({ UPLOAD_VIDEO_QUOTA_BYTES: '0' }).videoUploadQuotaBytes).toBe(0);
    expect(() => loadConfig({ UPLOAD_VIDEO_QUOTA_BYTES: '-1' })).toThrow(/UPLOAD_VIDEO_QUOTA_BYTES/);
  });
});

describe('WORKERS and DATABASE_READ_URL', () => {
  const pg = { ...postgres, ...keys, PAYMENT_PROVIDER: 'stripe' };

  it('runs one process by default, and N on PostgreSQL', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ ...pg, WORKERS: '4' }).workers).toBe(4);
  });

  it('refuses several workers on the embedded database, whose folder one process owns', () => {
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS=2 needs PostgreSQL \(DATABASE_URL\)/);
    expect(() => loadConfig({ ...pg, WORKERS: '0' })).toThrow(ConfigError);
  });

  it('takes a replica URL only beside a primary', () => {
    const replica = 'postgres://fission@replica.example.com/fission';
    expect(loadConfig({ ...pg, DATABASE_READ_URL: replica }).databaseReadUrl).toBe(replica);
    expect(() => loadConfig({ DATABASE_READ_URL: replica })).toThrow(/DATABASE_READ_URL .* DATABASE_URL/);
    expect(() => loadConfig({ ...pg, DATABASE_READ_URL: 'mysql://x' })).toThrow(/DATABASE_READ_URL/);
  });
});
