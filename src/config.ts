import { MAX_PROXY_HOPS, parseTrustProxy, type TrustProxy } from './platform/http/trust-proxy.js';
import { POLICY_PROFILES, type PolicyProfileName } from './platform/policy.js';

/**
 * Every setting Fission reads, read once from the environment at start and validated: a wrong
 * value stops the start with a message that names the variable. `settingsTable` feeds the README.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A streaming replica for read-only queries (catalog, feeds, analytics); unset: the primary. */
  databaseReadUrl: string | undefined;
  /** Server processes (node:cluster) sharing the port; more than 1 only on PostgreSQL. */
  workers: number;
  /** Named prepared statements on the PostgreSQL server (off behind PgBouncer < 1.21 in transaction mode). */
  databasePreparedStatements: boolean;
  /** A direct connection for LISTEN when DATABASE_URL goes through a transaction-mode pooler. */
  databaseListenUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  seedDemo: boolean;
  testClock: boolean;
  logLevel: string;
  /** `auto`: pretty lines at a terminal, JSON lines otherwise. */
  logFormat: 'auto' | 'pretty' | 'json';
  rateLimits: boolean;
  publicUrl: string | undefined;
  currency: string;
  timeZone: string;
  jobPollMs: number;
  paymentTimeoutMinutes: number;
  returnWindowDays: number;
  /** Days after shipping when delivery is confirmed for a buyer who has not confirmed it. */
  autoConfirmDays: number;
  /** Days a paid gift waits for its recipient to claim it before it is refunded. */
  giftClaimDays: number;
  distributionMaxLevels: number;
  distributionRatesBps: number[];
  sandboxPayments: boolean;
  /** Stripe credentials; both secret keys or neither. The publishable key is for the browser. */
  stripe:
    | {
        secretKey: string;
        webhookSecret: string;
        publishableKey: string | undefined;
        /** Another Stripe API endpoint (stripe-mock, a test double); test keys only. */
        apiUrl: URL | undefined;
      }
    | undefined;
  /** The provider new orders are paid through. */
  paymentProvider: PaymentProviderName;
  /** Whether becoming a shopkeeper waits for an administrator's approval. */
  shopkeeperApproval: boolean;
  /** Whether becoming a community leader waits for an administrator's approval. */
  leaderApproval: boolean;
  /** Days a paid pickup order waits at its pickup point before the uncollected policy applies. */
  pickupCollectDays: number;
  /** What happens to a pickup order nobody collected in time: refunded, or returned to the platform. */
  uncollectedPickupPolicy: 'refund' | 'return';
  /** Unpaid orders one person may hold at once; 0 = no limit. */
  maxUnpaidOrders: number;
  /** Checkouts one person may attempt per minute (when rate limits are on); 0 = no limit. */
  checkoutRateLimit: number;
  /** Which X-Forwarded-For entries to believe (see platform/http/trust-proxy). */
  trustProxy: TrustProxy;
  /** smtp:// or smtps:// URL of the mail server; emails go to the log when unset. */
  smtpUrl: string | undefined;
  /** The From of every email. */
  mailFrom: string;
  /** Approve a buyer's before-shipping refund request at once, without an operator. */
  afterSalesAutoApproveRefunds: boolean;
  /** The bearer token /metrics asks for; unset: /metrics is open (keep it off the public network). */
  metricsToken: string | undefined;
  /** Where uploaded images are kept: files under DATA_DIR/uploads, or an S3-compatible bucket. */
  storage: StorageSettings;
  /** Largest image file accepted, in bytes. */
  uploadMaxBytes: number;
  /** Most pixels (width × height) an uploaded image may have: a small file may decode to gigabytes. */
  uploadMaxPixels: number;
  /** Uploads one person may make per minute (when rate limits are on); 0 = no limit. */
  uploadRateLimit: number;
  /** Posts (and post edits) one person may make per minute (when rate limits are on); 0 = no limit. */
  postRateLimit: number;
  /** Comments one person may make per minute (when rate limits are on); 0 = no limit. */
  commentRateLimit: number;
  /** Largest video file (MP4, WebM) accepted for a live room's replay, in bytes. */
  videoUploadMaxBytes: number;
  /** Chat messages one person may send per minute in live rooms (when rate limits are on); 0 = no limit. */
  liveChatRateLimit: number;
  /** How often each process reads new live-room events for its open streams, in milliseconds. */
  livePollMs: number;
  /** Bytes of video one person may upload in 24 hours; 0 = no quota. */
  videoUploadQuotaBytes: number;
  /**
   * The https origins live rooms may play HLS streams from: the page's policy lets the player fetch
   * from them, and a room's `streamUrl` must be on one. Empty: uploaded videos only.
   */
  liveStreamOrigins: string[];
  /** The market policy profile the features consult (see platform/policy.ts). */
  policyProfile: PolicyProfileName;
}

export type StorageSettings =
  | { kind: 'local'; folder: string }
  | {
      kind: 's3';
      bucket: string;
      endpoint: string | undefined;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
    };

export type PaymentProviderName = 'sandbox' | 'stripe';

type Env = Record<string, string | undefined>;

class ConfigError extends Error {}

const fail = (name: string, expected: string, value: string): never => {
  throw new ConfigError(`${name} must be ${expected} (got ${JSON.stringify(value)})`);
};

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    fail(name, `an integer from ${min} to ${max}`, raw);
  return value;
}

function flag(
  env: Env,
  name: string,
  fallback: boolean,
  on = ['1', 'true', 'on'],
  off = ['0', 'false', 'off'],
) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (on.includes(raw.toLowerCase())) return true;
  if (off.includes(raw.toLowerCase())) return false;
  return fail(name, `one of ${[...on, ...off].join(', ')}`, raw);
}

function oneOf(env: Env, name: string, fallback: string, allowed: readonly string[]): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return allowed.includes(raw) ? raw : fail(name, `one of ${allowed.join(', ')}`, raw);
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const parsed = new URL(raw);
    if (protocols.includes(parsed.protocol)) return raw.replace(/\/$/, '');
  } catch {}
  return fail(name, `a URL starting with ${protocols.join(' or ')}`, raw);
}

/** Where the demo shop's live rooms play from (src/demo/live.ts): a public HLS test stream. */
export const DEMO_STREAM_ORIGIN = 'https://test-streams.mux.dev';

/**
 * Comma-separated https origins (scheme, host, optional port; no path), or `none`. Unset: none,
 * except on the embedded database with the demo shop on (SEED_DEMO), whose rooms play the demo's
 * test stream: the default is the narrowest list on which the demo still plays, never "any host".
 */
function liveStreamOrigins(env: Env): string[] {
  const raw = env.LIVE_STREAM_ORIGINS?.trim();
  if (raw === undefined || raw === '')
    return !env.DATABASE_URL && flag(env, 'SEED_DEMO', true) ? [DEMO_STREAM_ORIGIN] : [];
  if (raw.toLowerCase() === 'none') return [];
  return raw.split(',').map((part) => {
    const text = part.trim().replace(/\/$/, '');
    let origin = '';
    try {
      origin = new URL(text).origin;
    } catch {}
    if (!origin.startsWith('https://') || origin !== text.toLowerCase())
      fail(
        'LIVE_STREAM_ORIGINS',
        'comma-separated https origins such as https://live.example.com, or none',
        part,
      );
    return origin;
  });
}

function timeZone(env: Env): string {
  const raw = env.TIME_ZONE || 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
    return raw;
  } catch {
    return fail('TIME_ZONE', 'an IANA time zone such as UTC or Asia/Shanghai', raw);
  }
}

function ratesBps(env: Env, maxLevels: number): number[] {
  const raw = env.DISTRIBUTION_RATES_BPS || '1000,500,200';
  const rates = raw.split(',').map((part) => Number(part.trim()));
  if (rates.some((r) => !Number.isInteger(r) || r < 0 || r > 10_000) || rates.length < maxLevels) {
    fail('DISTRIBUTION_RATES_BPS', `${maxLevels} or more comma-separated integers from 0 to 10000`, raw);
  }
  return rates.slice(0, maxLevels);
}

function adminCredentials(env: Env) {
  const email = env.ADMIN_EMAIL || undefined;
  const password = env.ADMIN_PASSWORD || undefined;
  if (Boolean(email) !== Boolean(password)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) fail('ADMIN_EMAIL', 'an email address', email);
  if (password && password.length < 8) throw new ConfigError('ADMIN_PASSWORD must be at least 8 characters');
  return { adminEmail: email, adminPassword: password };
}

function stripeKeys(env: Env): Config['stripe'] {
  const secretKey = env.STRIPE_SECRET_KEY || undefined;
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET || undefined;
  if (!secretKey && !webhookSecret) return undefined;
  if (!secretKey || !webhookSecret) {
    throw new ConfigError('STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together');
  }
  // Only the prefix is checked: a publishable key (pk_) here is a common, silent mistake.
  if (!/^(sk|rk)_(test|live)_/.test(secretKey))
    fail('STRIPE_SECRET_KEY', 'a Stripe secret key (sk_test_…, sk_live_… or rk_…)', secretKey.slice(0, 8));
  if (!webhookSecret.startsWith('whsec_'))
    fail('STRIPE_WEBHOOK_SECRET', 'a Stripe webhook signing secret (whsec_…)', webhookSecret.slice(0, 6));
  const publishableKey = env.STRIPE_PUBLISHABLE_KEY || undefined;
  if (publishableKey && !/^pk_(test|live)_/.test(publishableKey))
    fail(
      'STRIPE_PUBLISHABLE_KEY',
      'a Stripe publishable key (pk_test_… or pk_live_…)',
      publishableKey.slice(0, 8),
    );
  return { secretKey, webhookSecret, publishableKey, apiUrl: stripeApiUrl(env, secretKey) };
}

/**
 * Where the Stripe client sends its requests, for stripe-mock or a test double (the chaos run's
 * fake Stripe). Refused with a live key: the key would go to a host that is not Stripe.
 */
function stripeApiUrl(env: Env, secretKey: string): URL | undefined {
  const raw = env.STRIPE_API_URL || undefined;
  if (!raw) return undefined;
  if (!/^(sk|rk)_test_/.test(secretKey))
    throw new ConfigError('STRIPE_API_URL is for test keys only (sk_test_… or rk_test_…)');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('STRIPE_API_URL', 'an http(s) URL such as http://127.0.0.1:12111', raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail('STRIPE_API_URL', 'an http(s) URL such as http://127.0.0.1:12111', raw);
  return url;
}

/**
 * The sandbox marks orders paid for free, so it is on by default only on the embedded database
 * (trying Fission out); on PostgreSQL (production) it takes an explicit SANDBOX_PAYMENTS=on.
 */
const sandboxDefault = (env: Env) => !env.DATABASE_URL;

function paymentProvider(env: Env, sandboxPayments: boolean, stripe: Config['stripe']): PaymentProviderName {
  const explicit = env.PAYMENT_PROVIDER || undefined;
  // Stripe keys say the operator means real money: guessing the sandbox would take orders for free.
  if (!explicit && stripe)
    throw new ConfigError(
      'the Stripe keys are set but PAYMENT_PROVIDER is not: set PAYMENT_PROVIDER=stripe to take payments through Stripe (or PAYMENT_PROVIDER=sandbox with SANDBOX_PAYMENTS=on to test without money)',
    );
  if (!explicit && !sandboxPayments)
    throw new ConfigError(
      'no payment provider: on PostgreSQL the sandbox is off, so set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and PAYMENT_PROVIDER=stripe (or SANDBOX_PAYMENTS=on for a test shop that takes no money)',
    );
  const name = oneOf(env, 'PAYMENT_PROVIDER', 'sandbox', ['sandbox', 'stripe']) as PaymentProviderName;
  if (name === 'sandbox' && !sandboxPayments)
    throw new ConfigError(
      env.DATABASE_URL
        ? 'PAYMENT_PROVIDER=sandbox needs SANDBOX_PAYMENTS=on, which PostgreSQL does not default to; set PAYMENT_PROVIDER=stripe with the Stripe keys'
        : 'PAYMENT_PROVIDER=sandbox needs SANDBOX_PAYMENTS on; set PAYMENT_PROVIDER=stripe',
    );
  if (name === 'stripe' && !stripe)
    throw new ConfigError('PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
  return name;
}

function trustProxy(env: Env): TrustProxy {
  const raw = env.TRUST_PROXY;
  const parsed = parseTrustProxy(raw);
  if (parsed === null) {
    fail(
      'TRUST_PROXY',
      `off, a number of proxies from 1 to ${MAX_PROXY_HOPS}, or proxy addresses/CIDRs separated by commas`,
      raw ?? '',
    );
  }
  return parsed as TrustProxy;
}

/** The embedded database is one folder one process owns, so several workers need PostgreSQL. */
function workers(env: Env): number {
  const count = int(env, 'WORKERS', 1, 1, 64);
  if (count > 1 && !env.DATABASE_URL)
    throw new ConfigError(
      `WORKERS=${count} needs PostgreSQL (DATABASE_URL): the embedded database is one folder that one process owns; unset WORKERS or set DATABASE_URL`,
    );
  return count;
}

function databaseReadUrl(env: Env): string | undefined {
  const value = url(env, 'DATABASE_READ_URL', ['postgres:', 'postgresql:']);
  if (value && !env.DATABASE_URL)
    throw new ConfigError('DATABASE_READ_URL names a replica of DATABASE_URL, which is not set');
  return value;
}

function mailFrom(env: Env): string {
  const raw = env.MAIL_FROM || 'no-reply@localhost';
  // An address alone, or a display name with the address in angle brackets.
  if (!/^([^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(raw.trim()))
    fail('MAIL_FROM', 'an email address, or a name and an address: Shop <shop@example.com>', raw);
  return raw.trim();
}

function metricsToken(env: Env): string | undefined {
  const raw = env.METRICS_TOKEN || undefined;
  // A bearer token is one HTTP token: no spaces, and long enough not to be guessed.
  if (raw !== undefined && !/^[\x21-\x7e]{16,}$/.test(raw))
    fail('METRICS_TOKEN', 'at least 16 printable characters without spaces', '(hidden)');
  return raw;
}

/**
 * Share links, QR codes and link previews are built from PUBLIC_URL, never from the Host a request
 * names (anyone can send any Host). In production (PostgreSQL) it must be set; on the embedded
 * database (trying Fission out, often from a phone on the same network) the request's origin stands in.
 */
function publicUrl(env: Env): string | undefined {
  const value = url(env, 'PUBLIC_URL', ['http:', 'https:']);
  if (!value && env.DATABASE_URL)
    throw new ConfigError(
      'PUBLIC_URL must be set on PostgreSQL (production): share links, QR codes and link previews are built from it, e.g. PUBLIC_URL=https://shop.example.com',
    );
  return value;
}

function storage(env: Env, dataDir: string): StorageSettings {
  const kind = oneOf(env, 'STORAGE', 'local', ['local', 's3']);
  if (kind === 'local') return { kind, folder: `${dataDir.replace(/\/$/, '')}/uploads` };
  const missing = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
  if (missing.length) throw new ConfigError(`STORAGE=s3 needs ${missing.join(', ')}`);
  const bucket = env.S3_BUCKET as string;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) fail('S3_BUCKET', 'an S3 bucket name', bucket);
  return {
    kind: 's3',
    bucket,
    endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID as string,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY as string,
    forcePathStyle: flag(env, 'S3_FORCE_PATH_STYLE', false),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const distributionMaxLevels = int(env, 'DISTRIBUTION_MAX_LEVELS', 2, 1, 3);
  const currency = env.CURRENCY || 'CNY';
  const sandboxPayments = flag(env, 'SANDBOX_PAYMENTS', sandboxDefault(env));
  const stripe = stripeKeys(env);
  if (!/^[A-Z]{3}$/.test(currency)) fail('CURRENCY', 'an ISO 4217 code such as CNY or USD', currency);
  return {
    port: int(env, 'PORT', 3000, 0, 65_535),
    host: env.HOST || '0.0.0.0',
    dataDir: env.DATA_DIR || './data',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseReadUrl: databaseReadUrl(env),
    workers: workers(env),
    databasePreparedStatements: flag(env, 'DATABASE_PREPARED_STATEMENTS', true),
    databaseListenUrl: url(env, 'DATABASE_LISTEN_URL', ['postgres:', 'postgresql:']),
    ...adminCredentials(env),
    seedDemo: flag(env, 'SEED_DEMO', true),
    testClock: flag(env, 'TEST_CLOCK', false),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    logFormat: oneOf(env, 'LOG_FORMAT', 'auto', ['auto', 'pretty', 'json']) as Config['logFormat'],
    rateLimits: flag(env, 'RATE_LIMITS', true),
    currency,
    timeZone: timeZone(env),
    jobPollMs: int(env, 'JOB_POLL_MS', 1000, 50, 600_000),
    paymentTimeoutMinutes: int(env, 'PAYMENT_TIMEOUT_MINUTES', 30, 1, 7 * 24 * 60),
    returnWindowDays: int(env, 'RETURN_WINDOW_DAYS', 7, 0, 365),
    autoConfirmDays: int(env, 'AUTO_CONFIRM_DAYS', 10, 1, 60),
    // WeChat's gifts wait a day (24 hours) for their recipient.
    giftClaimDays: int(env, 'GIFT_CLAIM_DAYS', 1, 1, 30),
    distributionMaxLevels,
    distributionRatesBps: ratesBps(env, distributionMaxLevels),
    sandboxPayments,
    stripe,
    paymentProvider: paymentProvider(env, sandboxPayments, stripe),
    shopkeeperApproval: flag(env, 'SHOPKEEPER_APPROVAL', false),
    leaderApproval: flag(env, 'LEADER_APPROVAL', false),
    pickupCollectDays: int(env, 'PICKUP_COLLECT_DAYS', 3, 1, 30),
    uncollectedPickupPolicy: oneOf(env, 'UNCOLLECTED_PICKUP_POLICY', 'refund', ['refund', 'return']) as
      | 'refund'
      | 'return',
    maxUnpaidOrders: int(env, 'MAX_UNPAID_ORDERS', 3, 0, 1000),
    checkoutRateLimit: int(env, 'CHECKOUT_RATE_LIMIT', 10, 0, 10_000),
    trustProxy: trustProxy(env),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: mailFrom(env),
    afterSalesAutoApproveRefunds: flag(env, 'AFTER_SALES_AUTO_APPROVE_REFUNDS', false),
    metricsToken: metricsToken(env),
    storage: storage(env, env.DATA_DIR || './data'),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_BYTES', 8 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    uploadMaxPixels: int(env, 'UPLOAD_MAX_PIXELS', 40_000_000, 10_000, 268_402_689),
    uploadRateLimit: int(env, 'UPLOAD_RATE_LIMIT', 30, 0, 10_000),
    postRateLimit: int(env, 'POST_RATE_LIMIT', 10, 0, 10_000),
    commentRateLimit: int(env, 'COMMENT_RATE_LIMIT', 30, 0, 10_000),
    videoUploadMaxBytes: int(env, 'UPLOAD_VIDEO_MAX_BYTES', 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    liveChatRateLimit: int(env, 'LIVE_CHAT_RATE_LIMIT', 20, 0, 10_000),
    livePollMs: int(env, 'LIVE_POLL_MS', 500, 20, 60_000),
    videoUploadQuotaBytes: int(
      env,
      'UPLOAD_VIDEO_QUOTA_BYTES',
      512 * 1024 * 1024,
      0,
      1024 * 1024 * 1024 * 1024,
    ),
    liveStreamOrigins: liveStreamOrigins(env),
    policyProfile: oneOf(env, 'POLICY_PROFILE', 'default', [...POLICY_PROFILES]) as PolicyProfileName,
    // Last, so a start missing several settings names the payment provider first.
    publicUrl: publicUrl(env),
  };
}

export { ConfigError };

/** Settings as the README documents them: name, default, meaning. */
export const settingsTable: ReadonlyArray<[string, string, string]> = [
  ['PORT', '3000', 'HTTP port'],
  ['HOST', '0.0.0.0', 'interface to listen on'],
  ['DATA_DIR', './data', 'folder of the embedded PGlite database (used when DATABASE_URL is unset)'],
  ['DATABASE_URL', '(unset)', 'postgres://… of a PostgreSQL server; when set, PGlite is not used'],
  [
    'DATABASE_READ_URL',
    '(unset: DATABASE_URL)',
    "postgres://… of a streaming replica of DATABASE_URL for catalog, feed and analytics reads; see 'Many processes'",
  ],
  ['WORKERS', '1', 'server processes sharing PORT (node:cluster), 1..64; more than 1 only on PostgreSQL'],
  [
    'DATABASE_PREPARED_STATEMENTS',
    '1',
    'server-side prepared statements (0 behind PgBouncer older than 1.21 in transaction mode)',
  ],
  [
    'DATABASE_LISTEN_URL',
    'DATABASE_URL',
    'a direct postgres://… for LISTEN/NOTIFY (session cache) when DATABASE_URL goes through a transaction-mode pooler',
  ],
  ['ADMIN_EMAIL / ADMIN_PASSWORD', '(unset)', 'an administrator created at start if missing'],
  ['SEED_DEMO', '1', 'load the demo shop into an empty embedded database (0 to start empty)'],
  ['TEST_CLOCK', '0', 'enable POST /api/test/clock to move time forward (testing only)'],
  ['LOG_LEVEL', 'info', 'pino level: fatal, error, warn, info, debug, trace, silent'],
  ['LOG_FORMAT', 'auto', 'auto (pretty lines at a terminal, JSON otherwise), pretty or json'],
  [
    'TRUST_PROXY',
    'off',
    'the proxies in front: their addresses/CIDRs (comma-separated) or their number 1..10; see below',
  ],
  ['RATE_LIMITS', 'on', 'off disables every rate limit (load tests, acceptance runs)'],
  [
    'PUBLIC_URL',
    '(from the request)',
    'base URL of share links, QR codes, previews; required on PostgreSQL (embedded: from the request)',
  ],
  ['CURRENCY', 'CNY', 'ISO 4217 currency of all prices'],
  ['TIME_ZONE', 'UTC', "the platform's time zone: the calendar days of earnings charts"],
  ['JOB_POLL_MS', '1000', 'how often each process looks for due background jobs'],
  ['PAYMENT_TIMEOUT_MINUTES', '30', 'unpaid orders are cancelled after this'],
  ['RETURN_WINDOW_DAYS', '7', 'days after completion before commissions settle'],
  [
    'AUTO_CONFIRM_DAYS',
    '10',
    'days after shipping when a delivery the buyer has not confirmed is confirmed automatically, 1..60',
  ],
  [
    'GIFT_CLAIM_DAYS',
    '1',
    'days a paid gift waits for its recipient to claim it before it is refunded to its sender, 1..30',
  ],
  ['DISTRIBUTION_MAX_LEVELS', '2', 'commission levels, 1..3 (hard cap 3)'],
  ['DISTRIBUTION_RATES_BPS', '1000,500,200', 'commission per level in basis points'],
  [
    'SANDBOX_PAYMENTS',
    'on (embedded only)',
    'the built-in sandbox provider (buyers mark orders paid for free); on PostgreSQL only when set to on',
  ],
  [
    'STRIPE_SECRET_KEY / STRIPE_WEBHOOK_SECRET',
    '(unset)',
    'Stripe secret key (sk_…) and webhook signing secret (whsec_…); set both to enable Stripe',
  ],
  ['STRIPE_PUBLISHABLE_KEY', '(unset)', "Stripe publishable key (pk_…) for the web app's card form"],
  [
    'STRIPE_API_URL',
    '(unset)',
    'another Stripe API endpoint (stripe-mock, the chaos run’s fake Stripe); with test keys only',
  ],
  [
    'PAYMENT_PROVIDER',
    'sandbox, if on',
    'provider new orders are paid through: sandbox (needs SANDBOX_PAYMENTS) or stripe; must be set for Stripe',
  ],
  ['SHOPKEEPER_APPROVAL', 'off', 'on: a new shopkeeper waits for an administrator to approve them'],
  [
    'POLICY_PROFILE',
    'default',
    'market rules the features obey: default, wechat, cn-strict, us-ftc or eu (the console shows each rule and its source)',
  ],
  ['LEADER_APPROVAL', 'off', 'on: a new community leader waits for an administrator to approve them'],
  [
    'PICKUP_COLLECT_DAYS',
    '3',
    'days a paid pickup order waits at its pickup point after its wave’s cut-off (reminded a day before), 1..30',
  ],
  [
    'UNCOLLECTED_PICKUP_POLICY',
    'refund',
    'a pickup order not collected in time: refund (in full, goods back to stock) or return (an after-sales request the operator decides)',
  ],
  [
    'MAX_UNPAID_ORDERS',
    '3',
    'unpaid orders one person may hold at once; more checkouts answer 422 (0 = no limit)',
  ],
  [
    'CHECKOUT_RATE_LIMIT',
    '10',
    'checkouts one person may attempt per minute, then 429 (0 or RATE_LIMITS=off: no limit)',
  ],
  [
    'SMTP_URL',
    '(unset)',
    'smtp://user:password@host:587 or smtps://… of the mail server; unset: emails go to the log',
  ],
  ['MAIL_FROM', 'no-reply@localhost', 'sender of notification emails: an address, or Name <address>'],
  [
    'AFTER_SALES_AUTO_APPROVE_REFUNDS',
    'off',
    'on: a refund asked for before shipping is approved at once, without an operator',
  ],
  [
    'METRICS_TOKEN',
    '(unset: open)',
    'when set, GET /metrics needs Authorization: Bearer <token> (16+ characters), else 401',
  ],
  ['STORAGE', 'local', 'where uploaded images go: local (DATA_DIR/uploads) or s3 (an S3-compatible bucket)'],
  ['S3_BUCKET', '(unset)', 'the bucket, required with STORAGE=s3 (the server serves its images itself)'],
  [
    'S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY',
    '(unset)',
    'the credentials requests are signed with; required with STORAGE=s3',
  ],
  ['S3_ENDPOINT', "(AWS's)", 'http(s) URL of an S3-compatible service (MinIO, R2, …); unset: AWS S3'],
  ['S3_REGION', 'us-east-1', 'the region requests are signed for'],
  ['S3_FORCE_PATH_STYLE', 'off', 'on: endpoint/bucket/key URLs (MinIO and most self-hosted stores)'],
  ['UPLOAD_MAX_BYTES', '8388608', 'largest image file accepted (8 MB), else 413'],
  ['UPLOAD_MAX_PIXELS', '40000000', 'most pixels (width × height) an uploaded image may have, else 422'],
  [
    'UPLOAD_RATE_LIMIT',
    '30',
    'image uploads one person may make per minute, then 429 (0 or RATE_LIMITS=off: no limit)',
  ],
  [
    'POST_RATE_LIMIT',
    '10',
    'posts and post edits one person may make per minute, then 429 (0 or RATE_LIMITS=off: no limit)',
  ],
  [
    'COMMENT_RATE_LIMIT',
    '30',
    'comments one person may write per minute, then 429 (0 or RATE_LIMITS=off: no limit)',
  ],
  [
    'UPLOAD_VIDEO_MAX_BYTES',
    '67108864',
    'largest video (MP4, WebM) accepted for a live room (64 MB), else 413',
  ],
  [
    'LIVE_CHAT_RATE_LIMIT',
    '20',
    'live-room chat messages one person may send per minute, then 429 (0 or RATE_LIMITS=off: no limit)',
  ],
  ['LIVE_POLL_MS', '500', 'how often each process reads new live-room events for its open streams (ms)'],
  [
    'UPLOAD_VIDEO_QUOTA_BYTES',
    '536870912',
    'bytes of video one host may upload in 24 hours (512 MB), then 429 (0: no quota); only shopkeepers and admins upload videos',
  ],
  [
    'LIVE_STREAM_ORIGINS',
    '(unset: none; demo shop: its test stream)',
    'comma-separated https origins live rooms may play HLS from (the page policy allows exactly these; other stream URLs answer 422), or none; unset: uploaded videos only, except the embedded demo shop (SEED_DEMO on), which allows https://test-streams.mux.dev',
  ],
];
