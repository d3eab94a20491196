import type { Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { MAX_PEOPLE, type StructureContext } from './context.js';
import { communityLinks, distancesFrom, type Link, measure, SHAPE_THRESHOLDS } from './rules.js';

/** Everyone someone invited or has bound, as links: one query per module per level of the walk. */
async function downlinks(ctx: StructureContext, conn: Queryable, uplines: readonly string[], limit: number) {
  const invited = await ctx.accounts.inviteesAmong(conn, uplines, limit);
  const bound = await ctx.distribution.boundBuyersOf(conn, uplines, limit);
  return [
    ...invited.map((i): Link => ({ from: i.inviterId, to: i.userId, kind: 'invited' })),
    ...bound.map((b): Link => ({ from: b.promoterId, to: b.buyerId, kind: 'bound' })),
  ];
}

/**
 * A promoter's team: walked down from them level by level along invitations and bindings. Links
 * between people already in the team are kept: they are what makes a honeycomb.
 */
async function teamLinks(ctx: StructureContext, conn: Queryable, rootId: string) {
  const seen = new Set([rootId]);
  const links: Link[] = [];
  let truncated = false;
  let frontier = [rootId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const link of await downlinks(ctx, conn, frontier, MAX_PEOPLE * 4)) {
      if (!seen.has(link.to)) {
        if (seen.size >= MAX_PEOPLE) {
          truncated = true;
          continue;
        }
        seen.add(link.to);
        next.push(link.to);
      }
      links.push(link);
    }
    frontier = next;
  }
  return { links, truncated };
}

/** The metrics and a drawable graph: people with their distance from the root, and the links. */
async function picture(
  ctx: StructureContext,
  conn: Queryable,
  rootId: string,
  links: Link[],
  truncated: boolean,
) {
  const levels = distancesFrom(rootId, links);
  const names = await ctx.accounts.namesOf(conn, [...levels.keys()]);
  return {
    root: { id: rootId, name: names.get(rootId) ?? '' },
    metrics: measure(rootId, links),
    thresholds: SHAPE_THRESHOLDS,
    truncated,
    nodes: [...levels].map(([id, level]) => ({ id, name: names.get(id) ?? '', level })),
    links: links.map((l) => ({ source: l.from, target: l.to, kind: l.kind })),
  };
}

export function createStructureService(ctx: StructureContext) {
  async function team(userId: string) {
    if (!(await ctx.accounts.contactsOf(ctx.db, [userId])).has(userId)) throw notFound('User');
    const { links, truncated } = await teamLinks(ctx, ctx.db, userId);
    return picture(ctx, ctx.db, userId, links, truncated);
  }

  /** The busiest promoters (most bound buyers), each team's metrics, largest first. */
  async function topTeams(limit: number) {
    const ids = await ctx.distribution.busiestPromoters(ctx.db, limit);
    const names = await ctx.accounts.namesOf(ctx.db, ids);
    const items = [];
    for (const id of ids) {
      const { links, truncated } = await teamLinks(ctx, ctx.db, id);
      items.push({ user: { id, name: names.get(id) ?? '' }, metrics: measure(id, links), truncated });
    }
    items.sort((a, b) => b.metrics.size - a.metrics.size || (a.user.id < b.user.id ? -1 : 1));
    return { items, thresholds: SHAPE_THRESHOLDS };
  }

  /** A community from its leader: members hang from whoever inside invited or bound them. */
  async function community(communityId: string) {
    const found = await ctx.communities.membersOf(ctx.db, communityId);
    if (!found) throw notFound('Community');
    const memberIds = found.memberIds.slice(0, MAX_PEOPLE);
    const inside = [found.leaderId, ...memberIds];
    const uplinks = await downlinks(ctx, ctx.db, inside, MAX_PEOPLE * 20);
    const links = communityLinks(found.leaderId, memberIds, uplinks);
    const drawn = await picture(ctx, ctx.db, found.leaderId, links, found.memberIds.length > MAX_PEOPLE);
    return { community: { id: communityId, name: found.name }, ...drawn };
  }

  return { team, topTeams, community };
}

export type StructureService = ReturnType<typeof createStructureService>;
