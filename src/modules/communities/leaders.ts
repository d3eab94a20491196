import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { AccountsService } from '../accounts/index.js';
import { type AuditContext, record } from '../audit/index.js';
import * as q from './leader-queries.js';
import { refuse } from './reasons.js';
import { type LeaderApplicationStatus, leaderApplicationMachine as machine } from './rules.js';
import type { LeaderApplication, LeaderStatus, MyLeaderStatus } from './schemas.js';

const optionalText = (value: string | null | undefined) => value?.trim() || null;

/**
 * Becoming a community leader, exactly as becoming a shopkeeper works (stores/service.ts): granted at
 * once, or, with LEADER_APPROVAL on, an application the operator approves or rejects in the console.
 */
export function createLeaders(deps: {
  db: Database;
  clock: Clock;
  accounts: AccountsService;
  /** LEADER_APPROVAL: new leaders wait for an administrator. */
  approval: boolean;
}) {
  const { db, clock, accounts, approval } = deps;

  /** Asking again is harmless: it answers the current state. With approval off, a pending one goes through. */
  async function becomeLeader(userId: string): Promise<LeaderStatus> {
    const user = await accounts.getUser(userId, db);
    if (user.roles.includes('leader')) return { status: 'approved', user };
    const now = clock.now();
    const status: LeaderApplicationStatus = approval ? 'pending' : 'approved';
    let application = await q.upsertApplication(db, {
      id: newId(),
      user_id: userId,
      status,
      created_at: now,
      decided_at: approval ? null : now,
      decided_by: null,
    });
    if (application?.status === 'rejected' && approval) {
      await q.reopenApplication(db, userId, now, machine.fromStates('pending'));
      application = await q.findApplication(db, userId);
    }
    if (application?.status === 'pending' && approval) return { status: 'pending', user };
    // The role before the application is marked: a crash in between leaves it pending, and asking
    // (or approving) again completes it.
    const leader = await accounts.grantRole(userId, 'leader');
    await q.approveApplication(db, userId, null, now, machine.fromStates('approved'));
    return { status: 'approved', user: leader };
  }

  /** Refuses someone who is not a leader, saying whether their application still waits. */
  async function assertLeader(userId: string, roles: readonly string[]): Promise<void> {
    if (roles.includes('leader')) return;
    if ((await q.findApplication(db, userId))?.status === 'pending')
      throw refuse('leader_approval_pending', undefined, 'Your leader application waits for approval');
    throw refuse('leader_required', undefined, 'Become a community leader to open a community');
  }

  async function leaderStatus(userId: string): Promise<MyLeaderStatus> {
    const user = await accounts.getUser(userId, db);
    if (user.roles.includes('leader')) return { status: 'approved', reason: null, decidedAt: null };
    const application = await q.findApplication(db, userId);
    if (application?.status === 'pending') return { status: 'pending', reason: null, decidedAt: null };
    if (application?.status === 'rejected')
      return {
        status: 'rejected',
        reason: application.reject_reason,
        decidedAt: application.decided_at?.toISOString() ?? null,
      };
    return { status: 'none', reason: null, decidedAt: null };
  }

  async function present(rows: readonly q.LeaderApplicationRow[]): Promise<LeaderApplication[]> {
    const users = await accounts.contactsOf(
      db,
      rows.map((r) => r.user_id),
    );
    return rows.map((r) => ({
      userId: r.user_id,
      name: users.get(r.user_id)?.name ?? '',
      email: users.get(r.user_id)?.email ?? '',
      status: r.status,
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
      rejectReason: r.reject_reason,
    }));
  }

  async function approveLeader(adminId: string, userId: string, by?: AuditContext): Promise<LeaderStatus> {
    const application = await q.findApplication(db, userId);
    if (!application) throw notFound('Leader application');
    if (application.status !== 'approved') machine.assertTransition(application.status, 'approved');
    const user = await db.transaction(async (tx) => {
      const granted = await accounts.grantRoleIn(tx, userId, 'leader');
      const at = clock.now();
      await q.approveApplication(tx, userId, adminId, at, machine.fromStates('approved'));
      await record(tx, {
        by,
        at,
        action: 'leader.approve',
        target: { type: 'user', id: userId },
        before: { leaderApplication: application.status },
        after: { leaderApplication: 'approved', roles: granted.roles },
      });
      return granted;
    });
    return { status: 'approved', user };
  }

  async function rejectLeader(
    adminId: string,
    userId: string,
    reason: string | null | undefined,
    by?: AuditContext,
  ): Promise<LeaderApplication> {
    const application = await q.findApplication(db, userId);
    if (!application) throw notFound('Leader application');
    if (application.status === 'rejected') return (await present([application]))[0] as LeaderApplication;
    machine.assertTransition(application.status, 'rejected');
    const decided = await db.transaction(async (tx) => {
      const at = clock.now();
      const row = await q.rejectApplication(
        tx,
        { userId, adminId, now: at, reason: optionalText(reason) },
        machine.fromStates('rejected'),
      );
      if (row)
        await record(tx, {
          by,
          at,
          action: 'leader.reject',
          target: { type: 'user', id: userId },
          before: { leaderApplication: application.status },
          after: { leaderApplication: 'rejected', reason: optionalText(reason) },
        });
      return row;
    });
    // Approved in between by another operator: the machine says why not.
    if (!decided) machine.assertTransition('approved', 'rejected');
    return (await present([decided ?? application]))[0] as LeaderApplication;
  }

  async function listLeaderApplications(filter: {
    status?: LeaderApplicationStatus;
    decided?: boolean;
    limit: number;
    cursor?: string;
  }): Promise<Page<LeaderApplication>> {
    const after = decodeTimeCursor(filter.cursor);
    const rows = filter.decided
      ? await q.listDecidedApplications(db, { status: filter.status, after, limit: filter.limit })
      : await q.listApplications(db, { status: filter.status, after, limit: filter.limit });
    const keyOf = filter.decided
      ? (r: q.LeaderApplicationRow) => [r.decided_at?.toISOString() ?? '', r.id]
      : (r: q.LeaderApplicationRow) => [r.created_at.toISOString(), r.id];
    const byUser = new Map((await present(rows.slice(0, filter.limit))).map((a) => [a.userId, a]));
    return toPage(rows, filter.limit, keyOf, (r) => byUser.get(r.user_id) as LeaderApplication);
  }

  return { becomeLeader, assertLeader, leaderStatus, approveLeader, rejectLeader, listLeaderApplications };
}

export type Leaders = ReturnType<typeof createLeaders>;
