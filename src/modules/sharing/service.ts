import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Static } from 'typebox';
import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import { decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { randomCode } from '../../platform/ids.js';
import { maskedPerson } from '../../platform/privacy.js';
import type { AccountsService } from '../accounts/index.js';
import { ClickBuffer } from './click-buffer.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  applyRefund,
  looksLikeShareCode,
  type RefundNews,
  SHARE_CODE_ALPHABET,
  SHARE_CODE_LENGTH,
  shareTarget,
  shareUrl,
  type TargetInput,
  type TargetType,
} from './rules.js';
import type { LinkStatsSchema, ShareLinkPage, ShareLinkSchema, SharerSchema } from './schemas.js';
import type { ShareTargets, TargetCard } from './targets.js';

/** How often sharing one link again counts as news (`share.reshared`): enough for daily tasks. */
const RESHARE_WINDOW_MS = 10 * 60_000;
export type Sharer = Static<typeof SharerSchema>;

export type ShareLink = Static<typeof ShareLinkSchema>;
export type LinkStats = Static<typeof LinkStatsSchema>;
export type ListedLink = Static<typeof ShareLinkPage>['items'][number];
/** A link's target as the promoter centre shows it; null once the target is gone. */
export type TargetSummary = ListedLink['target'];

const summary = (card: TargetCard | undefined): TargetSummary =>
  card ? { title: card.title, image: card.image, path: card.path } : null;

/** What other modules (distribution) need to attribute an order to a link. */
export interface LinkRef {
  code: string;
  ownerId: string;
  targetType: TargetType;
  targetId: string;
}

export interface ResolvedLink extends LinkRef {
  /** The target's page in the web app, found when the link was first resolved. */
  landing: string;
}

export interface Click {
  deviceId: string;
  ip: string;
  userAgent: string | undefined;
}

/** The facts of an order that sharing's counters need, read in the event's transaction. */
export type OrderFacts = (
  conn: Queryable,
  orderId: string,
) => Promise<{ shareCode: string | null; total: number } | undefined>;

export interface SharingDeps {
  db: Database;
  clock: Clock;
  targets: ShareTargets;
  accounts: AccountsService;
  orderFacts: OrderFacts;
  onClickWriteFailed?: (error: unknown, lost: number) => void;
  /** Told of every click as it is buffered (the analytics event log); must not block or throw. */
  onClick?: (link: LinkRef, click: Click) => void;
  /** Where `share.created` goes (tasks and honours count shares); optional for unit tests. */
  events?: EventBus;
}

const present = (row: q.LinkRow, origin: string): ShareLink => ({
  code: row.code,
  url: shareUrl(origin, row.code),
  targetType: row.target_type,
  targetId: row.target_id,
  createdAt: row.created_at.toISOString(),
});

const noStats: LinkStats = { clicks: 0, orders: 0, gmv: 0 };
const MAX_USER_AGENT = 512;
const CODE_ATTEMPTS = 5;

const capitalized = (word: string) => `${word[0]?.toUpperCase()}${word.slice(1)}`;

export const newShareCode = () => randomCode(SHARE_CODE_LENGTH, SHARE_CODE_ALPHABET);
// A first click mints one on the hot path: randomUUID draws from Node's cached entropy, where
// randomBytes(16) called into OpenSSL every time (~6 µs of CPU per redirect, measured in bench/).
export const newDeviceId = () => randomUUID();

export function createSharingService(deps: SharingDeps) {
  const { db, clock, targets } = deps;
  // Codes never change meaning, so a resolved code can be kept for as long as memory allows.
  // Misses are not kept: a link made in another process must resolve here the moment it exists.
  const codes = new LRUCache<string, ResolvedLink>({ max: 100_000 });
  /** When each link was last announced as shared again (the clock's ms): at most once per window. */
  const reshared = new LRUCache<string, number>({ max: 100_000 });
  const clicks = new ClickBuffer({
    write: (batch) => q.insertClicks(db, batch),
    onWriteFailed: deps.onClickWriteFailed,
  });

  /**
   * Who owns a code and what it points at, read through `conn` only: attribution calls this inside
   * the payment's transaction, where any other query would wait on (or, on PGlite, deadlock with) it.
   */
  async function findLink(conn: Queryable, code: string): Promise<LinkRef | undefined> {
    if (!looksLikeShareCode(code)) return undefined;
    const cached = codes.get(code);
    if (cached) return cached;
    const row = await q.findLink(conn, code);
    return (
      row && { code: row.code, ownerId: row.owner_id, targetType: row.target_type, targetId: row.target_id }
    );
  }

  /** A link with its landing page, for redirects and media; cached once its target is found. */
  async function resolve(code: string): Promise<ResolvedLink | undefined> {
    if (!looksLikeShareCode(code)) return undefined;
    const cached = codes.get(code);
    if (cached) return cached;
    const ref = await findLink(db, code);
    if (!ref) return undefined;
    // A target that has gone (an archived product) still lands somewhere useful: the home page.
    const card = await targets.card(ref.targetType, ref.targetId);
    const link: ResolvedLink = { ...ref, landing: card?.path ?? '/' };
    if (card) codes.set(code, link);
    return link;
  }

  const publishShare = async (tx: Tx, name: 'share.created' | 'share.reshared', row: q.LinkRow) => {
    await deps.events?.publish(tx, name, {
      userId: row.owner_id,
      code: row.code,
      targetType: row.target_type,
      targetId: row.target_id,
    });
  };

  /** The owner's link for the target: an existing one, or a new one with a fresh random code. */
  async function createLink(ownerId: string, input: TargetInput, origin: string): Promise<ShareLink> {
    const target = shareTarget(input);
    if (!targets.accepts(target.type))
      throw refuse(
        'share_target_not_shareable',
        { targetType: target.type },
        `A ${target.type} cannot be shared`,
      );
    if (!(await targets.card(target.type, target.id)))
      throw refuse(
        'share_target_not_found',
        { targetType: target.type, targetId: target.id },
        `${capitalized(target.type)} not found`,
      );
    const existing = await q.findOwnLink(db, ownerId, target.type, target.id);
    if (existing) {
      // A share sheet opened again and again is one share for the tasks: a job per tap would let a
      // loop fill the job table, so one process announces a link at most once per window.
      const now = clock.now().getTime();
      const last = reshared.get(existing.code);
      if (deps.events && (last === undefined || now - last >= RESHARE_WINDOW_MS)) {
        reshared.set(existing.code, now);
        await db.transaction((tx) => publishShare(tx, 'share.reshared', existing));
      }
      return present(existing, origin);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const inserted = await db.transaction(async (tx) => {
          const row = await q.insertLink(tx, {
            code: newShareCode(),
            owner_id: ownerId,
            target_type: target.type,
            target_id: target.id,
            created_at: clock.now(),
          });
          if (row) await publishShare(tx, 'share.created', row);
          return row;
        });
        // Nothing inserted: the same owner made this link a moment ago in a concurrent request.
        const link = inserted ?? (await q.findOwnLink(db, ownerId, target.type, target.id));
        if (link) return present(link, origin);
      } catch (error) {
        // A code already taken (1 in 10^16 per attempt) is a primary-key violation: draw again.
        if ((error as { code?: string }).code !== '23505' || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  async function ownLink(ownerId: string, code: string): Promise<q.LinkRow> {
    const row = looksLikeShareCode(code) ? await q.findLink(db, code) : undefined;
    // Someone else's link is "not found" too: whether a code exists is not the caller's business.
    if (!row || row.owner_id !== ownerId)
      throw refuse('share_link_not_found', { code }, 'Share link not found');
    return row;
  }

  async function statsByCode(codeList: readonly string[]): Promise<Map<string, LinkStats>> {
    const rows = codeList.length ? await q.statsOf(db, codeList) : [];
    return new Map(rows.map((r) => [r.code, { clicks: r.clicks, orders: r.orders, gmv: r.gmv }]));
  }

  async function getStats(ownerId: string, code: string): Promise<LinkStats> {
    const row = await ownLink(ownerId, code);
    // This process's waiting clicks count at once; another process's show within a second.
    await clicks.flush();
    return (await statsByCode([row.code])).get(row.code) ?? noStats;
  }

  async function listLinks(
    ownerId: string,
    page: { limit?: number; cursor?: string },
    origin: string,
  ): Promise<Page<ListedLink>> {
    const cursor = decodeTimeCursor(page.cursor);
    const before = cursor && { createdAt: cursor.at, code: cursor.id };
    const limit = page.limit ?? 20;
    const rows = await q.listOwnLinks(db, { ownerId, before, limit });
    const visible = rows.slice(0, limit);
    const stats = await statsByCode(visible.map((r) => r.code));
    // What each link points at, so the promoter centre can name it without a request per link.
    const cards = new Map(
      await Promise.all(
        visible.map(async (r) => [r.code, await targets.card(r.target_type, r.target_id)] as const),
      ),
    );
    return toPage(
      rows,
      limit,
      (r) => [r.created_at.toISOString(), r.code],
      (r) => ({
        ...present(r, origin),
        stats: stats.get(r.code) ?? noStats,
        target: summary(cards.get(r.code)),
      }),
    );
  }

  /** Buffers a click on a resolved link: the redirect never waits for the database. */
  function recordClick(link: LinkRef, click: Click): void {
    deps.onClick?.(link, click);
    clicks.record({
      code: link.code,
      clickedAt: clock.now(),
      deviceId: click.deviceId,
      ip: click.ip,
      userAgent: click.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    });
  }

  /** The link with its owner's name and language, for their poster; undefined for an unknown code. */
  async function linkWithOwner(code: string) {
    const link = await resolve(code);
    if (!link) return undefined;
    const owner = await deps.accounts.getUser(link.ownerId, db);
    return { ...link, ownerName: owner.name, ownerLanguage: owner.language };
  }

  /**
   * Who recommends a link's target, as anyone holding the link may see it: the sharer's name
   * masked (as other people's names are, see platform/privacy), their initial and language.
   */
  async function sharerOf(code: string): Promise<Sharer | undefined> {
    const link = await linkWithOwner(code);
    if (!link) return undefined;
    return {
      code: link.code,
      ...maskedPerson(link.ownerName),
      language: link.ownerLanguage,
      targetType: link.targetType,
      targetId: link.targetId,
    };
  }

  /** Moves an attributed order's figures by a refund (rule and its tests: `applyRefund`). */
  async function countRefund(tx: Tx, orderId: string, news: RefundNews) {
    const row = await q.lockAttributedOrder(tx, orderId);
    if (!row) return;
    const change = applyRefund(
      { total: row.total, refundedAmount: row.refunded_amount, fullyRefunded: row.fully_refunded },
      news,
    );
    if (change.orders === 0 && change.gmv === 0) return;
    await q.applyOrderChange(tx, {
      orderId,
      code: row.code,
      ...change.next,
      orders: change.orders,
      gmv: change.gmv,
    });
  }

  /**
   * The link counters' reactions to order events, run in the publisher's transaction (wired in
   * src/reactions.ts), so a link's figures commit or roll back with the payment or refund.
   */
  const reactions = {
    onPaid: async (tx: Tx, event: { orderId: string }) => {
      const facts = await deps.orderFacts(tx, event.orderId);
      if (!facts?.shareCode || !looksLikeShareCode(facts.shareCode)) return;
      await q.countPaidOrder(tx, { orderId: event.orderId, code: facts.shareCode, total: facts.total });
    },
    onPartiallyRefunded: (tx: Tx, event: { orderId: string; refundedAmount: number }) =>
      countRefund(tx, event.orderId, { kind: 'partial', refundedAmount: event.refundedAmount }),
    onRefunded: (tx: Tx, event: { orderId: string }) => countRefund(tx, event.orderId, { kind: 'full' }),
  };

  return {
    reactions,
    createLink,
    listLinks,
    getStats,
    /** A link by code, for attribution inside another module's transaction. */
    findLink,
    resolve,
    /** A link already in this process's cache, without any I/O; undefined otherwise. */
    cachedLink: (code: string): ResolvedLink | undefined => codes.get(code),
    recordClick,
    linkWithOwner,
    sharerOf,
    /** How many different devices opened the owner's links since then (share-to-unlock rewards). */
    distinctVisitors: (conn: Queryable, ownerId: string, since: Date, ownDevices: readonly string[]) =>
      q.distinctVisitors(conn, { ownerId, since, ownDevices }),
    clicksOfTarget: (conn: Queryable, type: TargetType, targetId: string) =>
      q.clicksOfTarget(conn, type, targetId),
    /** Every product share link's owner and time (read-only, the recommender's signals). */
    productShares: () => q.productShares(db),
    /** Writes the buffered clicks now (tests, shutdown). */
    flushClicks: () => clicks.flush(),
    /** Clicks waiting in memory and clicks dropped so far, in this process (for /metrics). */
    clickStats: () => ({ held: clicks.held, dropped: clicks.dropped }),
    start: () => clicks.start(),
    close: () => clicks.close(),
  };
}

export type SharingService = ReturnType<typeof createSharingService>;
