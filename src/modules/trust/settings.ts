import type { Queryable } from '../../platform/db.js';
import { type AuditContext, record } from '../audit/index.js';
import type { TrustContext } from './context.js';

/**
 * Below this trust value new commissions are held. 0 (nobody held) until the operator chooses one:
 * holding commissions changes what promoters are paid, so it is switched on deliberately (40 is a
 * reasonable start: someone there has lost most of the refund and after-sales parts).
 */
export const TRUST_DEFAULT_THRESHOLD = 0;

export interface TrustSettings {
  threshold: number;
}

export async function trustSettings(conn: Queryable): Promise<TrustSettings> {
  const [row] = await conn.query<{ threshold: number }>('SELECT threshold FROM trust_settings WHERE id = 1');
  return { threshold: row?.threshold ?? TRUST_DEFAULT_THRESHOLD };
}

export async function updateTrustSettings(
  ctx: TrustContext,
  patch: Partial<TrustSettings>,
  by?: AuditContext,
) {
  return ctx.db.transaction(async (tx) => {
    const before = await trustSettings(tx);
    const next = { ...before, ...patch };
    const now = ctx.clock.now();
    await tx.query(
      `INSERT INTO trust_settings (id, threshold, updated_at) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET threshold = EXCLUDED.threshold, updated_at = EXCLUDED.updated_at`,
      [next.threshold, now],
    );
    await record(tx, {
      by,
      at: now,
      action: 'trust.settings.update',
      target: { type: 'settings', id: 'trust' },
      before,
      after: next,
    });
    return next;
  });
}
