import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http/auth.js';
import { decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { AccountsService } from '../accounts/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { DEFAULT_CUTOFF_TIME, waveCutoff } from './rules.js';
import type {
  AdminCommunity,
  Community,
  CommunityInput,
  CommunityPatch,
  Helper,
  Member,
  Membership,
} from './schemas.js';

const optionalText = (value: string | null | undefined) => value?.trim() || null;

export interface CommunitiesDeps {
  db: Database;
  clock: Clock;
  /** The platform's time zone: the wall clock of each community's daily cut-off. */
  timeZone: string;
  accounts: AccountsService;
}

const MEMBERS_CAP = 5_000;

/** Communities, their members and helpers: who may see and run what. */
export function createCommunityDirectory(deps: CommunitiesDeps) {
  const { db, clock, timeZone, accounts } = deps;

  async function present(
    conn: Queryable,
    rows: readonly q.CommunityRow[],
    viewer?: { id: string },
  ): Promise<Community[]> {
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return [];
    const names = await accounts.namesOf(
      conn,
      rows.map((r) => r.leader_id),
    );
    const members = await q.memberCounts(conn, ids);
    const mine = viewer ? await q.membershipOf(conn, viewer.id) : undefined;
    const helping = new Set(viewer ? await q.helpedCommunities(conn, viewer.id) : []);
    const now = clock.now();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      leader: { id: r.leader_id, name: names.get(r.leader_id) ?? '' },
      pickupPoint: {
        name: r.pickup_name,
        address: r.pickup_address,
        openingHours: r.opening_hours,
        location: r.lat === null || r.lng === null ? null : { lat: r.lat, lng: r.lng },
      },
      cutoffTime: r.cutoff_time,
      membersCount: members.get(r.id) ?? 0,
      viewer: {
        member: mine?.community_id === r.id,
        leader: viewer?.id === r.leader_id,
        helper: helping.has(r.id),
      },
      nextCutoffAt: waveCutoff(now, r.cutoff_time, timeZone).toISOString(),
      createdAt: r.created_at.toISOString(),
    }));
  }

  const presentOne = async (conn: Queryable, row: q.CommunityRow, viewer?: { id: string }) =>
    (await present(conn, [row], viewer))[0] as Community;

  async function getCommunity(id: string, viewer?: { id: string }): Promise<Community> {
    const row = await q.findCommunity(db, id);
    if (!row) throw notFound('Community');
    return presentOne(db, row, viewer);
  }

  async function createCommunity(leaderId: string, input: CommunityInput): Promise<Community> {
    const now = clock.now();
    const row: q.CommunityRow = {
      id: newId(),
      leader_id: leaderId,
      name: input.name.trim(),
      description: optionalText(input.description),
      pickup_name: input.pickupPoint.name.trim(),
      pickup_address: input.pickupPoint.address.trim(),
      opening_hours: optionalText(input.pickupPoint.openingHours),
      lat: input.pickupPoint.location?.lat ?? null,
      lng: input.pickupPoint.location?.lng ?? null,
      cutoff_time: input.cutoffTime ?? DEFAULT_CUTOFF_TIME,
      created_at: now,
      updated_at: now,
    };
    await q.insertCommunity(db, row);
    return presentOne(db, row, { id: leaderId });
  }

  /** A leader whose `leader` role was taken away runs nothing: not the community, nor its helpers. */
  const stillLeads = async (conn: Queryable, row: q.CommunityRow) =>
    (await accounts.getUser(row.leader_id, conn)).roles.includes('leader');

  /** The community if `userId` leads it (and still holds the role); anyone else's is 404, as if it did not exist. */
  async function ledBy(conn: Queryable, communityId: string, userId: string, lock = false) {
    const row = await q.findCommunity(conn, communityId, lock);
    if (!row || row.leader_id !== userId || !(await stillLeads(conn, row))) throw notFound('Community');
    return row;
  }

  /**
   * The community if `userId` leads it or helps hand out there (the pickup point's staff); else 404.
   * Helpers act for the leader, so only while the leader still holds the role.
   */
  async function staffedBy(conn: Queryable, communityId: string, userId: string) {
    const row = await q.findCommunity(conn, communityId);
    if (!row) throw notFound('Community');
    if (row.leader_id !== userId && !(await q.isHelper(conn, communityId, userId)))
      throw notFound('Community');
    if (!(await stillLeads(conn, row))) throw notFound('Community');
    return row;
  }

  async function updateCommunity(leaderId: string, communityId: string, patch: CommunityPatch) {
    return db.transaction(async (tx) => {
      const row = await ledBy(tx, communityId, leaderId, true);
      const point = patch.pickupPoint;
      const updated: q.CommunityRow = {
        ...row,
        name: patch.name?.trim() ?? row.name,
        description: patch.description === undefined ? row.description : optionalText(patch.description),
        pickup_name: point?.name.trim() ?? row.pickup_name,
        pickup_address: point?.address.trim() ?? row.pickup_address,
        opening_hours: point ? optionalText(point.openingHours) : row.opening_hours,
        lat: point ? (point.location?.lat ?? null) : row.lat,
        lng: point ? (point.location?.lng ?? null) : row.lng,
        cutoff_time: patch.cutoffTime ?? row.cutoff_time,
        updated_at: clock.now(),
      };
      await q.updateCommunity(tx, updated);
      return presentOne(tx, updated, { id: leaderId });
    });
  }

  async function listCommunities(
    filter: { q?: string; leaderId?: string; limit: number; cursor?: string },
    viewer?: { id: string },
  ): Promise<Page<Community>> {
    const rows = await q.listCommunities(db, { ...filter, after: decodeTimeCursor(filter.cursor) });
    const shown = new Map((await present(db, rows.slice(0, filter.limit), viewer)).map((c) => [c.id, c]));
    return toPage(
      rows,
      filter.limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) => shown.get(r.id) as Community,
    );
  }

  /** The operator's list: every community with its leader's contact and how its pickups stand. */
  async function listAdminCommunities(filter: {
    q?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<AdminCommunity>> {
    const rows = await q.listCommunities(db, { ...filter, after: decodeTimeCursor(filter.cursor) });
    const visible = rows.slice(0, filter.limit);
    const ids = visible.map((r) => r.id);
    const shown = await present(db, visible);
    const contacts = await accounts.contactsOf(
      db,
      visible.map((r) => r.leader_id),
    );
    const helpers = await q.helperCounts(db, ids);
    const pickups = await q.pickupCounts(db, ids);
    const byId = new Map(
      shown.map((c) => {
        const counts = pickups.get(c.id) ?? {};
        return [
          c.id,
          {
            ...c,
            leader: { ...c.leader, email: contacts.get(c.leader.id)?.email ?? '' },
            helpersCount: helpers.get(c.id) ?? 0,
            awaitingCollection: counts.awaiting_collection ?? 0,
            collected: counts.collected ?? 0,
            returned: counts.returned ?? 0,
          },
        ];
      }),
    );
    return toPage(
      rows,
      filter.limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) => byId.get(r.id) as AdminCommunity,
    );
  }

  /** Joins the community; joining again changes nothing; joining another moves the person here. */
  async function join(userId: string, communityId: string): Promise<Membership> {
    return db.transaction(async (tx) => {
      if (!(await q.findCommunity(tx, communityId))) throw notFound('Community');
      const left = await q.join(tx, userId, communityId, clock.now());
      // A helper of the community they left no longer hands out there.
      if (left) await q.removeHelper(tx, left, userId);
      const count = (await q.memberCounts(tx, [communityId])).get(communityId) ?? 0;
      return { communityId, member: true, membersCount: count, leftCommunityId: left };
    });
  }

  /** Leaves the community; leaving one the person is not in changes nothing. */
  async function leave(userId: string, communityId: string): Promise<Membership> {
    return db.transaction(async (tx) => {
      if (!(await q.findCommunity(tx, communityId))) throw notFound('Community');
      await q.leave(tx, userId, communityId);
      await q.removeHelper(tx, communityId, userId);
      const count = (await q.memberCounts(tx, [communityId])).get(communityId) ?? 0;
      return { communityId, member: false, membersCount: count, leftCommunityId: null };
    });
  }

  async function myCommunity(userId: string): Promise<Community | null> {
    const membership = await q.membershipOf(db, userId);
    if (!membership) return null;
    const row = await q.findCommunity(db, membership.community_id);
    return row ? presentOne(db, row, { id: userId }) : null;
  }

  async function members(
    viewer: AuthUser,
    communityId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Member>> {
    await staffedBy(db, communityId, viewer.id);
    const rows = await q.listMembers(db, communityId, {
      limit: page.limit,
      after: decodeTimeCursor(page.cursor),
    });
    const names = await accounts.namesOf(
      db,
      rows.map((r) => r.user_id),
    );
    return toPage(
      rows,
      page.limit,
      (r) => [r.joined_at.toISOString(), r.user_id],
      (r) => ({ userId: r.user_id, name: names.get(r.user_id) ?? '', joinedAt: r.joined_at.toISOString() }),
    );
  }

  async function helpers(leaderId: string, communityId: string): Promise<{ items: Helper[] }> {
    await ledBy(db, communityId, leaderId);
    const rows = await q.helpersOf(db, communityId);
    const contacts = await accounts.contactsOf(
      db,
      rows.map((r) => r.user_id),
    );
    return {
      items: rows.map((r) => ({
        userId: r.user_id,
        name: contacts.get(r.user_id)?.name ?? '',
        email: contacts.get(r.user_id)?.email ?? '',
        addedAt: r.added_at.toISOString(),
      })),
    };
  }

  /** The leader names a member to hand orders out with them; naming one twice changes nothing. */
  async function addHelper(leaderId: string, communityId: string, userId: string) {
    await db.transaction(async (tx) => {
      await ledBy(tx, communityId, leaderId, true);
      if (userId === leaderId)
        throw refuse('helper_is_leader', undefined, 'The leader hands orders out already');
      if ((await q.membershipOf(tx, userId))?.community_id !== communityId)
        throw refuse('helper_not_member', { userId }, 'A helper must be a member of the community');
      await q.addHelper(tx, communityId, userId, clock.now());
    });
    return helpers(leaderId, communityId);
  }

  async function removeHelper(leaderId: string, communityId: string, userId: string) {
    await ledBy(db, communityId, leaderId);
    await q.removeHelper(db, communityId, userId);
    return helpers(leaderId, communityId);
  }

  /** Communities the person runs or helps at (the leader's screens list them). */
  async function staffCommunities(userId: string): Promise<Community[]> {
    const led = await q.listCommunities(db, { leaderId: userId, limit: 100 });
    const helped = await q.findCommunities(db, await q.helpedCommunities(db, userId));
    const rows = [...led.slice(0, 100), ...helped.filter((h) => h.leader_id !== userId)];
    return present(db, rows, { id: userId });
  }

  /**
   * The structure module's port: a community's name, leader and members (joined order). A
   * neighbourhood is hundreds of people; past MEMBERS_CAP the drawing is truncated anyway.
   */
  async function membersOf(conn: Queryable, communityId: string) {
    const community = await q.findCommunity(conn, communityId);
    if (!community) return null;
    const memberIds = (await q.memberIdsOf(conn, communityId, MEMBERS_CAP)).filter(
      (id) => id !== community.leader_id,
    );
    return { name: community.name, leaderId: community.leader_id, memberIds };
  }

  /** The group-buy module's port: whether a campaign may be limited to this community. */
  const exists = async (conn: Queryable, communityId: string) =>
    (await q.findCommunity(conn, communityId)) !== undefined;

  return {
    /** Every member with their leader (read-only, for the incentive simulator's shop graph). */
    memberLeaderPairs: () => q.memberLeaderPairs(db),
    /** Members of communities of at most `size` members (read-only, the recommender's social graph). */
    membersOfCommunitiesUpTo: (size: number) => q.membersOfCommunitiesUpTo(db, size),
    exists,
    membersOf,
    getCommunity,
    createCommunity,
    updateCommunity,
    listCommunities,
    listAdminCommunities,
    join,
    leave,
    myCommunity,
    members,
    helpers,
    addHelper,
    removeHelper,
    staffCommunities,
    ledBy,
    staffedBy,
  };
}

export type CommunityDirectory = ReturnType<typeof createCommunityDirectory>;
