import { signedDelivery } from '../../test/support/fake-stripe.js';
import type { Fleet } from './fleet.js';
import { type Random, send, sleep } from './http.js';

type Json = Record<string, unknown>;

export const WEBHOOK_SECRET = 'whsec_chaos';

interface Pending {
  event: Json;
  /** Deliveries still to make: 2 for an event the run replays. */
  copies: number;
  /** Not before this many later events went out: how the run reorders. */
  holdFor: number;
  attempts: number;
}

export interface WebhookCounts {
  events: number;
  deliveries: number;
  replayed: number;
  reordered: number;
  retried: number;
  /** Answers other than 200 `received` (each is retried, as Stripe retries). */
  refused: number;
}

/**
 * Stripe's webhook sender, as unreliable as Stripe is allowed to be: each event is delivered at
 * least once, signed afresh each time; some are delivered twice (to both processes at once, or
 * again later), some are held back until later events went out (out of order), and any delivery
 * without a 2xx (a killed process, a refusal) is retried, as Stripe retries for days.
 */
export function webhookSender(fleet: Fleet, random: Random) {
  const queue: Pending[] = [];
  const counts: WebhookCounts = {
    events: 0,
    deliveries: 0,
    replayed: 0,
    reordered: 0,
    retried: 0,
    refused: 0,
  };
  const refusals = new Map<string, number>();
  let stopped = false;

  function enqueue(event: Json) {
    counts.events += 1;
    const replay = random.chance(0.25);
    const hold = random.chance(0.25);
    if (replay) counts.replayed += 1;
    if (hold) counts.reordered += 1;
    queue.push({ event, copies: replay ? 2 : 1, holdFor: hold ? random.int(1, 6) : 0, attempts: 0 });
  }

  async function deliver(item: Pending, target: number): Promise<boolean> {
    const { payload, headers } = signedDelivery(item.event, WEBHOOK_SECRET);
    counts.deliveries += 1;
    const answer = await send<{ received?: boolean }>(
      fleet.pick(target),
      'POST',
      '/api/payments/stripe/webhook',
      { headers, rawBody: payload },
    );
    if (answer.status === 200) return true;
    counts.refused += 1;
    const why =
      answer.status === 'no answer' ? 'no answer' : `${answer.status} ${JSON.stringify(answer.body)}`;
    refusals.set(why.slice(0, 160), (refusals.get(why.slice(0, 160)) ?? 0) + 1);
    return false;
  }

  /** Sends what is due now; returns how many events are still waiting. */
  async function flush(): Promise<number> {
    const due = queue.filter((p) => p.holdFor <= 0);
    for (const waiting of queue) if (waiting.holdFor > 0) waiting.holdFor -= due.length > 0 ? 1 : 0;
    if (due.length === 0 && queue.length > 0) {
      // Nothing else is coming: held events go now.
      for (const waiting of queue) waiting.holdFor = 0;
      return queue.length;
    }
    await Promise.all(
      due.map(async (item) => {
        // A replay goes to both processes at the same moment: the harshest race for "applies once".
        const targets = Array.from({ length: item.copies }, (_, i) => random.int(0, 1) + i);
        const results = await Promise.all(targets.map((t) => deliver(item, t)));
        item.attempts += 1;
        if (results.every(Boolean)) queue.splice(queue.indexOf(item), 1);
        else {
          counts.retried += 1;
          item.copies = 1;
        }
      }),
    );
    return queue.length;
  }

  const loop = (async () => {
    while (!stopped) {
      await flush();
      await sleep(random.int(20, 120));
    }
  })();

  return {
    enqueue,
    counts,
    refusals,
    /** Stops the background sender (for good) and delivers everything left, retrying for up to `withinMs`. */
    async drain(withinMs: number): Promise<number> {
      stopped = true;
      await loop;
      const deadline = Date.now() + withinMs;
      while (queue.length > 0 && Date.now() < deadline) {
        await flush();
        if (queue.length > 0) await sleep(200);
      }
      return queue.length;
    },
    pending: () => queue.length,
  };
}

export type WebhookSender = ReturnType<typeof webhookSender>;
