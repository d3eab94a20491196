import { Gauge, type Registry } from 'prom-client';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { ATTENTION_KINDS, type AttentionItem, type AttentionKind } from './schemas.js';

/** A refund still `requested` this long after its claim was interrupted (a crash, a timeout). */
export const STUCK_REFUND_MS = 15 * 60_000;
/** Per kind: the list is for a person to work through, not an archive. */
const LIMIT_PER_KIND = 100;

interface Row {
  kind: AttentionKind;
  id: string;
  order_id: string | null;
  amount: number | null;
  detail: string | null;
  attempts: number | null;
  since: Date;
}

/**
 * Work that keeps failing or needs a person, in one list: jobs that failed for good, refunds stuck
 * or failed, unmatched payments, failed provider refunds, dashboard refunds that could not be
 * applied, open disputes.
 * Each kind is one query over the table that holds it; the counts feed a gauge at scrape time.
 */
export function createAttention(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  const queries: Record<AttentionKind, string> = {
    job_failed: `SELECT 'job_failed' AS kind, id::text AS id, NULL AS order_id, NULL::bigint AS amount,
        name || ': ' || coalesce(last_error, '') AS detail, attempts, coalesce(finished_at, run_at) AS since
      FROM jobs WHERE status = 'failed'`,
    // By its claim's age, not its last change: each failed retry of the recovery job touches
    // `updated_at`, and a refund the provider keeps refusing is exactly the one to show.
    refund_stuck: `SELECT 'refund_stuck' AS kind, id, order_id, amount, reason AS detail, attempts,
        updated_at AS since
      FROM refunds WHERE status = 'requested' AND created_at < $1`,
    refund_failed: `SELECT 'refund_failed' AS kind, id, order_id, amount,
        coalesce(failure_reason, 'the provider refused the refund') AS detail, NULL::int AS attempts, updated_at AS since
      FROM refunds WHERE status = 'failed'`,
    payment_unmatched: `SELECT 'payment_unmatched' AS kind, id, order_id, amount_received AS amount,
        status AS detail,
        NULL::int AS attempts, created_at AS since
      FROM unmatched_payments WHERE status <> 'refund_failed' AND last_error IS NULL`,
    provider_refund_failed: `SELECT 'provider_refund_failed' AS kind, id, order_id, amount_received AS amount,
        coalesce(last_error, '') AS detail, NULL::int AS attempts, updated_at AS since
      FROM unmatched_payments WHERE status = 'refund_failed' OR (status = 'refunding' AND last_error IS NOT NULL)`,
    dashboard_refund: `SELECT 'dashboard_refund' AS kind, external_id AS id, order_id, amount, note AS detail,
        NULL::int AS attempts, created_at AS since
      FROM provider_refunds WHERE status <> 'applied'`,
    dispute_open: `SELECT 'dispute_open' AS kind, external_id AS id, order_id, amount, reason AS detail,
        NULL::int AS attempts, opened_at AS since
      FROM payment_disputes WHERE status = 'open'`,
  };

  const stuckBefore = () => new Date(clock.now().getTime() - STUCK_REFUND_MS);
  const paramsOf = (kind: AttentionKind) => (kind === 'refund_stuck' ? [stuckBefore()] : []);

  async function list(): Promise<{ items: AttentionItem[]; counts: Record<AttentionKind, number> }> {
    const items: AttentionItem[] = [];
    for (const kind of ATTENTION_KINDS) {
      const rows = await db.query<Row>(
        `${queries[kind]} ORDER BY since DESC LIMIT ${LIMIT_PER_KIND}`,
        paramsOf(kind),
      );
      for (const row of rows) {
        items.push({
          kind: row.kind,
          id: row.id,
          orderId: row.order_id,
          amount: row.amount === null ? null : Number(row.amount),
          detail: row.detail ?? '',
          attempts: row.attempts,
          since: new Date(row.since).toISOString(),
        });
      }
    }
    items.sort((a, b) => b.since.localeCompare(a.since));
    return { items, counts: await counts() };
  }

  async function counts(): Promise<Record<AttentionKind, number>> {
    const result = {} as Record<AttentionKind, number>;
    for (const kind of ATTENTION_KINDS) {
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (${queries[kind]}) AS t`,
        paramsOf(kind),
      );
      result[kind] = Number(row?.n ?? 0);
    }
    return result;
  }

  return { list, counts };
}

export type Attention = ReturnType<typeof createAttention>;

/** `fission_needs_attention{kind}`, counted when Prometheus scrapes. */
export function registerAttentionGauge(registry: Registry, attention: Attention): void {
  new Gauge({
    name: 'fission_needs_attention',
    help: 'Work that keeps failing or needs a person, by kind (see GET /api/admin/attention)',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      const counts = await attention.counts();
      for (const kind of ATTENTION_KINDS) this.set({ kind }, counts[kind]);
    },
  });
}
