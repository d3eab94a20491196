/**
 * Every setting Fission reads, read once from the environment at start and validated: a wrong
 * value stops the start with a message that names the variable. `settingsTable` feeds the README.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  seedDemo: boolean;
  testClock: boolean;
  logLevel: string;
  rateLimits: boolean;
  publicUrl: string | undefined;
  currency: string;
  timeZone: string;
  jobPollMs: number;
  paymentTimeoutMinutes: number;
  returnWindowDays: number;
  distributionMaxLevels: number;
  distributionRatesBps: number[];
  sandboxPayments: boolean;
  /** Stripe credentials; both keys or neither. */
  stripe: { secretKey: string; webhookSecret: string } | undefined;
  /** The provider new orders are paid through. */
  paymentProvider: PaymentProviderName;
  /** Whether becoming a shopkeeper waits for an administrator's approval. */
  shopkeeperApproval: boolean;
  trustProxy: boolean;
  /** Approve a buyer's before-shipping refund request at once, without an operator. */
  afterSalesAutoApproveRefunds: boolean;
}

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
  return { secretKey, webhookSecret };
}

function paymentProvider(env: Env, sandboxPayments: boolean, stripe: Config['stripe']): PaymentProviderName {
  const name = oneOf(env, 'PAYMENT_PROVIDER', 'sandbox', ['sandbox', 'stripe']) as PaymentProviderName;
  if (name === 'sandbox' && !sandboxPayments)
    throw new ConfigError('PAYMENT_PROVIDER=sandbox needs SANDBOX_PAYMENTS on; set PAYMENT_PROVIDER=stripe');
  if (name === 'stripe' && !stripe)
    throw new ConfigError('PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
  return name;
}

export function loadConfig(env: Env = process.env): Config {
  const distributionMaxLevels = int(env, 'DISTRIBUTION_MAX_LEVELS', 2, 1, 3);
  const currency = env.CURRENCY || 'CNY';
  const sandboxPayments = flag(env, 'SANDBOX_PAYMENTS', true);
  const stripe = stripeKeys(env);
  if (!/^[A-Z]{3}$/.test(currency)) fail('CURRENCY', 'an ISO 4217 code such as CNY or USD', currency);
  return {
    port: int(env, 'PORT', 3000, 0, 65_535),
    host: env.HOST || '0.0.0.0',
    dataDir: env.DATA_DIR || './data',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    ...adminCredentials(env),
    seedDemo: flag(env, 'SEED_DEMO', true),
    testClock: flag(env, 'TEST_CLOCK', false),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    rateLimits: flag(env, 'RATE_LIMITS', true),
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:']),
    currency,
    timeZone: timeZone(env),
    jobPollMs: int(env, 'JOB_POLL_MS', 1000, 50, 600_000),
    paymentTimeoutMinutes: int(env, 'PAYMENT_TIMEOUT_MINUTES', 30, 1, 7 * 24 * 60),
    returnWindowDays: int(env, 'RETURN_WINDOW_DAYS', 7, 0, 365),
    distributionMaxLevels,
    distributionRatesBps: ratesBps(env, distributionMaxLevels),
    sandboxPayments,
    stripe,
    paymentProvider: paymentProvider(env, sandboxPayments, stripe),
    shopkeeperApproval: flag(env, 'SHOPKEEPER_APPROVAL', false),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    afterSalesAutoApproveRefunds: flag(env, 'AFTER_SALES_AUTO_APPROVE_REFUNDS', false),
  };
}

export { ConfigError };

/** Settings as the README documents them: name, default, meaning. */
export const settingsTable: ReadonlyArray<[string, string, string]> = [
  ['PORT', '3000', 'HTTP port'],
  ['HOST', '0.0.0.0', 'interface to listen on'],
  ['DATA_DIR', './data', 'folder of the embedded PGlite database (used when DATABASE_URL is unset)'],
  ['DATABASE_URL', '(unset)', 'postgres://… of a PostgreSQL server; when set, PGlite is not used'],
  ['ADMIN_EMAIL / ADMIN_PASSWORD', '(unset)', 'an administrator created at start if missing'],
  ['SEED_DEMO', '1', 'load the demo shop into an empty embedded database (0 to start empty)'],
  ['TEST_CLOCK', '0', 'enable POST /api/test/clock to move time forward (testing only)'],
  ['LOG_LEVEL', 'info', 'pino level: fatal, error, warn, info, debug, trace, silent'],
  ['TRUST_PROXY', 'off', 'on behind a reverse proxy: client addresses come from X-Forwarded-For'],
  ['RATE_LIMITS', 'on', 'off disables every rate limit (load tests, acceptance runs)'],
  ['PUBLIC_URL', '(from the request)', 'absolute base URL used in share links'],
  ['CURRENCY', 'CNY', 'ISO 4217 currency of all prices'],
  ['TIME_ZONE', 'UTC', "the platform's time zone: the calendar days of earnings charts"],
  ['JOB_POLL_MS', '1000', 'how often each process looks for due background jobs'],
  ['PAYMENT_TIMEOUT_MINUTES', '30', 'unpaid orders are cancelled after this'],
  ['RETURN_WINDOW_DAYS', '7', 'days after completion before commissions settle'],
  ['DISTRIBUTION_MAX_LEVELS', '2', 'commission levels, 1..3 (hard cap 3)'],
  ['DISTRIBUTION_RATES_BPS', '1000,500,200', 'commission per level in basis points'],
  ['SANDBOX_PAYMENTS', 'on', 'the built-in sandbox payment provider'],
  [
    'STRIPE_SECRET_KEY / STRIPE_WEBHOOK_SECRET',
    '(unset)',
    'Stripe secret key (sk_…) and webhook signing secret (whsec_…); set both to enable Stripe',
  ],
  [
    'PAYMENT_PROVIDER',
    'sandbox',
    'provider new orders are paid through: sandbox (needs SANDBOX_PAYMENTS) or stripe (needs the Stripe keys)',
  ],
  ['SHOPKEEPER_APPROVAL', 'off', 'on: a new shopkeeper waits for an administrator to approve them'],
  [
    'AFTER_SALES_AUTO_APPROVE_REFUNDS',
    'off',
    'on: a refund asked for before shipping is approved at once, without an operator',
  ],
];
