import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import type { Page } from '../../platform/http/pagination.js';
import type { AccountsService, Actor, Role } from '../accounts/index.js';
import type { AddressesService } from '../addresses/index.js';
import { type AuditContext, record } from '../audit/index.js';
import type { DistributionService } from '../distribution/index.js';
import type { OrdersService } from '../orders/index.js';
import type { PointsService } from '../points/index.js';
import { dayRange, phoneDigits } from './rules.js';
import type { PeopleQueryInput, PersonPage, PersonSummary } from './schemas.js';

export interface PeopleDeps {
  db: Database;
  clock: Clock;
  accounts: AccountsService;
  orders: Pick<OrdersService, 'spendingOf' | 'buyersWhoSpent' | 'buyersByPhone' | 'listOrders'>;
  distribution: Pick<DistributionService, 'commissions' | 'wallet' | 'binding' | 'flaggedCommissions'>;
  points: Pick<PointsService, 'balance'>;
  addresses: Pick<AddressesService, 'usersByPhone'>;
}

const RECENT = 10;

/**
 * The console's people: a searchable list and a person's page, read from the modules that own
 * each part, and the operator's actions on an account. Each action is one transaction, so what
 * records it (the audit log) joins that transaction in one place.
 */
export function createPeopleService(deps: PeopleDeps) {
  const { db, accounts, orders, distribution, points, addresses } = deps;

  async function withSpending(
    conn: Queryable,
    people: Page<Awaited<ReturnType<AccountsService['account']>>>,
  ) {
    const spending = await orders.spendingOf(
      conn,
      people.items.map((p) => p.id),
    );
    return {
      ...people,
      items: people.items.map(
        (p): PersonSummary => ({ ...p, spending: spending.get(p.id) ?? { spent: 0, orders: 0 } }),
      ),
    };
  }

  /** Newest sign-up first; `q` matches email or name, or a phone of a saved address or a delivery. */
  async function list(query: PeopleQueryInput): Promise<Page<PersonSummary>> {
    const digits = query.q ? phoneDigits(query.q) : undefined;
    const alsoIds = digits
      ? [...(await addresses.usersByPhone(db, digits)), ...(await orders.buyersByPhone(db, digits))]
      : undefined;
    const onlyIds = query.minSpent ? await orders.buyersWhoSpent(db, query.minSpent) : undefined;
    const range = dayRange(query.signedUpFrom, query.signedUpTo);
    const page = await accounts.searchPeople(db, {
      q: query.q?.trim() || undefined,
      alsoIds,
      role: query.role,
      signedUpFrom: range.from,
      signedUpBefore: range.before,
      onlyIds,
      cursor: query.cursor,
      limit: query.limit ?? 20,
    });
    return withSpending(db, page);
  }

  /** Everything the console shows of one person, each part from the module that owns it. */
  async function page(userId: string, viewer: { admin: boolean } = { admin: true }): Promise<PersonPage> {
    const account = await accounts.account(db, userId);
    const [spending, balance, wallet, recentOrders, commissions, team, binding, flagged] = await serial([
      () => orders.spendingOf(db, [userId]),
      () => points.balance(db, userId),
      () => distribution.wallet(userId),
      () => orders.listOrders({ userId, limit: RECENT }),
      () => distribution.commissions({ promoterId: userId, limit: RECENT }),
      () => accounts.inviteesOf(db, userId, { offset: 0, limit: RECENT }),
      () => distribution.binding(userId),
      () => distribution.flaggedCommissions({ promoterId: userId, limit: RECENT }),
    ] as const);
    const names = await accounts.namesOf(
      db,
      [account.invitedBy, binding?.promoter_id].filter((id): id is string => !!id),
    );
    const named = (id: string | null | undefined) => (id ? { id, name: names.get(id) ?? '' } : null);
    return {
      person: { ...account, spending: spending.get(userId) ?? { spent: 0, orders: 0 } },
      points: { balance },
      wallet: {
        pending: wallet.pending,
        held: wallet.held,
        available: wallet.available,
        withdrawn: wallet.withdrawn,
      },
      orders: recentOrders.items.map((o) => ({
        id: o.id,
        status: o.status,
        total: o.total,
        refundedAmount: o.refundedAmount,
        createdAt: o.createdAt,
      })),
      commissions: commissions.items.map((c) => ({
        id: c.id,
        orderId: c.orderId,
        level: c.level,
        amount: c.amount,
        status: c.status,
        held: c.held,
        buyer: c.buyer,
        createdAt: c.createdAt,
      })),
      team: team.map((m) => ({
        id: m.id,
        name: m.name,
        joinedAt: m.joinedAt.toISOString(),
        invited: m.invited,
      })),
      invitedBy: named(account.invitedBy),
      binding: binding
        ? {
            promoter: named(binding.promoter_id) ?? { id: binding.promoter_id, name: '' },
            origin: binding.origin_type,
            boundAt: binding.bound_at.toISOString(),
            expiresAt: binding.expires_at?.toISOString() ?? null,
          }
        : null,
      flags: !viewer.admin
        ? null
        : flagged.items.map((c) => ({
            commissionId: c.id,
            orderId: c.orderId,
            signals: [...new Set(c.flags.map((f) => f.signal))],
            held: c.held,
            createdAt: c.createdAt,
          })),
    };
  }

  const summaryOf = async (userId: string): Promise<PersonSummary> => {
    const account = await accounts.account(db, userId);
    const spending = await orders.spendingOf(db, [userId]);
    return { ...account, spending: spending.get(userId) ?? { spent: 0, orders: 0 } };
  };

  /**
   * The operator's actions: one transaction each, recorded in the audit log (who, before → after,
   * the request) in that same transaction.
   */
  async function act(
    action: string,
    userId: string,
    by: AuditContext | undefined,
    change: (tx: Tx) => Promise<{ before: object; after: object }>,
  ): Promise<PersonSummary> {
    await db.transaction(async (tx) => {
      const { before, after } = await change(tx);
      await record(tx, {
        by,
        at: deps.clock.now(),
        action,
        target: { type: 'user', id: userId },
        before,
        after,
      });
    });
    return summaryOf(userId);
  }

  const disable = (actor: Actor, userId: string, by?: AuditContext) =>
    act('user.disable', userId, by, (tx) => accounts.disableAccount(tx, actor, userId));
  const enable = (actor: Actor, userId: string, by?: AuditContext) =>
    act('user.enable', userId, by, (tx) => accounts.enableAccount(tx, actor, userId));
  const grantRole = (actor: Actor, userId: string, role: Role, by?: AuditContext) =>
    act('user.role.grant', userId, by, (tx) => accounts.grantRoleBy(tx, actor, userId, role));
  const revokeRole = (actor: Actor, userId: string, role: Role, by?: AuditContext) =>
    act('user.role.revoke', userId, by, (tx) => accounts.revokeRoleBy(tx, actor, userId, role));

  return { list, page, disable, enable, grantRole, revokeRole };
}

export type PeopleService = ReturnType<typeof createPeopleService>;

/**
 * Runs reads one after another: PGlite has one connection, and a page of eight reads is no hot path.
 */
async function serial<const T extends readonly (() => Promise<unknown>)[]>(
  steps: T,
): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
