import type { ChaosResult } from './run.js';

/** The run as a table of counts, then the invariants with ✓ or ✗ and the first offenders. */
export function formatReport(result: ChaosResult): string {
  const { load, webhooks, stripe } = result;
  const rows: [string, string | number][] = [
    [
      'seconds / seed / kills asked',
      `${result.options.seconds} / ${result.options.seed} / ${result.options.kills}`,
    ],
    ['checkouts sent', load.checkouts],
    ['orders acknowledged (201)', load.acknowledged],
    ['checkouts never answered', load.unanswered],
    ['sold out (409)', load.soldOut],
    ['unpaid-order limit (422)', load.unpaidLimit],
    ['groups opened / joined / refused', `${load.groupOpened} / ${load.groupJoined} / ${load.groupRefused}`],
    ['payments at Stripe (late ones)', `${load.payments} (${load.latePayments})`],
    ['webhook events', webhooks.events],
    ['webhook deliveries', webhooks.deliveries],
    ['  replayed / reordered', `${webhooks.replayed} / ${webhooks.reordered}`],
    ['  retried (no 2xx)', webhooks.retried],
    ['cancels', load.cancels],
    ['refunds by the operator', load.refunds],
    ['after-sales refunds', load.afterSales],
    ['orders completed', load.completed],
    ['withdrawals paid', load.withdrawals],
    ['Stripe requests / refunds', `${stripe.requests} / ${stripe.refunds}`],
    ['  failed (500) / answer lost', `${stripe.failed} / ${stripe.dropped}`],
    ['SIGKILLs / restarts', `${result.kills} / ${result.restarts}`],
    ['  seconds until back in service', result.restartSeconds.map((s) => s.toFixed(1)).join(', ') || '–'],
    ['503: Stripe not answering', load.providerUnavailable],
    ['unexpected answers', load.unexpected],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  lines.push('', 'invariants:');
  for (const v of result.verdicts) {
    lines.push(`  ${v.ok ? '✓' : '✗'} ${v.name} — ${v.figures}`);
    for (const problem of v.problems) lines.push(`      ${problem}`);
  }
  if (result.oddities.length > 0) {
    lines.push('', 'oddities (answers the load did not expect):');
    for (const odd of result.oddities.slice(0, 12)) lines.push(`  ${odd}`);
  }
  lines.push('', result.ok ? 'chaos run: every invariant held' : 'chaos run: an invariant broke');
  return lines.join('\n');
}
