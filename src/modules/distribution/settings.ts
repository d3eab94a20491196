import type { Queryable } from '../../platform/db.js';
import { invalidInput } from '../../platform/errors.js';
import { type AuditContext, record } from '../audit/index.js';
import { DEFAULT_HOLDING_SIGNALS, type DistributionContext, RING_SIGNALS } from './context.js';
import * as q from './queries.js';
import type { DistributionSettings } from './rules.js';

/** The operator's saved rules, or the defaults from the environment until they save some. */
export async function currentSettings(
  ctx: DistributionContext,
  conn: Queryable,
): Promise<DistributionSettings> {
  const row = await q.loadSettings(conn);
  if (!row) {
    return {
      maxLevels: ctx.config.distributionMaxLevels,
      ratesBps: [...ctx.config.distributionRatesBps],
      attribution: 'first_binding',
      bindingDays: null,
      newUsersOnly: false,
      capBps: 3000,
      // No minimum until the operator sets one: any earned amount can be withdrawn.
      minWithdrawal: 1,
      holdingSignals: [...DEFAULT_HOLDING_SIGNALS],
      contentCredit: 'sharer',
      leaderRateBps: 0,
    };
  }
  return {
    maxLevels: row.max_levels,
    ratesBps: row.rates_bps.slice(0, row.max_levels),
    attribution: row.attribution,
    bindingDays: row.binding_days,
    newUsersOnly: row.new_users_only,
    capBps: row.cap_bps,
    minWithdrawal: row.min_withdrawal,
    holdingSignals: row.holding_signals,
    contentCredit: row.content_credit,
    leaderRateBps: row.leader_rate_bps,
  };
}

export async function updateSettings(
  ctx: DistributionContext,
  patch: Partial<DistributionSettings>,
  by?: AuditContext,
) {
  return ctx.db.transaction(async (tx) => {
    const before = await currentSettings(ctx, tx);
    const next = { ...before, ...patch };
    if (patch.maxLevels !== undefined && patch.ratesBps === undefined) {
      // Growing the depth keeps the old rates and adds 0 for new levels; the operator sets them next.
      next.ratesBps = Array.from({ length: next.maxLevels }, (_, i) => next.ratesBps[i] ?? 0);
    }
    if (next.ratesBps.length !== next.maxLevels) {
      throw invalidInput(
        '/ratesBps',
        `needs exactly ${next.maxLevels} rates, one per level`,
        'ratesPerLevel',
        {
          levels: next.maxLevels,
        },
      );
    }
    assertWithinPolicy(ctx, patch);
    // Each signal once, in the order they are listed, whatever order they were sent in.
    next.holdingSignals = RING_SIGNALS.filter((s) => next.holdingSignals.includes(s));
    await q.saveSettings(tx, next, ctx.clock.now());
    const target = { type: 'settings', id: 'distribution' };
    await record(tx, {
      by,
      at: ctx.clock.now(),
      action: 'distribution.settings.update',
      target,
      before,
      after: next,
    });
    return next;
  });
}

/**
 * The operator may not set deeper levels or a larger cap than the market policy allows (422
 * `policy_forbids`); settings saved before a switch of profile stay, applied within its limits.
 */
function assertWithinPolicy(ctx: DistributionContext, patch: Partial<DistributionSettings>) {
  const policy = ctx.policy;
  if (!policy) return;
  if (patch.maxLevels !== undefined && patch.maxLevels > policy.rules.maxCommissionLevels)
    throw policy.forbidden('maxCommissionLevels');
  if (patch.capBps !== undefined && patch.capBps > policy.rules.payoutCapBps)
    throw policy.forbidden('payoutCapBps');
}
