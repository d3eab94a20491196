import { AppError } from '../../platform/errors.js';
import type { ShareTargets } from '../sharing/index.js';
import type { GroupBuyService } from './service.js';

/** Groups as shareable targets: the share link, its poster and the page preview show the deal. */
export function registerGroupTarget(targets: ShareTargets, groupBuys: GroupBuyService) {
  const card = async (id: string) => {
    try {
      const group = await groupBuys.getGroup(id);
      const missing = Math.max(0, group.groupSize - group.paidMembers);
      return {
        id: group.id,
        title: group.product.title,
        description: null,
        // Sharing words these in the sharer's language; the leader's name is masked, as on the group page.
        facts: {
          kind: 'group' as const,
          open: group.status === 'open',
          leaderName: group.leader.name,
          seatsMissing: missing,
          groupSize: group.groupSize,
        },
        image: group.product.image,
        price: group.price,
        path: `/groups/${encodeURIComponent(group.id)}`,
      };
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    }
  };
  targets.register('group', { byId: card, pageSegment: 'groups', byPageKey: card });
}
