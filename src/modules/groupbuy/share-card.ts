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
        description:
          group.status === 'open'
            ? `Join ${group.leader.name}'s group: ${missing} more to unlock the group price`
            : `A group buy of ${group.groupSize}`,
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
