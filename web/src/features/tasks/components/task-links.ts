import type { TaskKind } from '../types';

/**
 * Where each kind of task is done: "Go" takes the person there. Sharing starts from the catalogue,
 * where every product has its share button; a review from an order.
 */
export const TASK_PLACES: Readonly<Record<TaskKind, string>> = {
  check_in: '/check-in',
  first_order: '/',
  share_products: '/',
  invite_friend: '/account',
  write_review: '/orders',
  finish_lesson: '/academy',
  sell_through_links: '/promote',
};
