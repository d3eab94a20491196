import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import type { TaskInput } from '../modules/tasks/index.js';

type Services = BuiltApp['services'];

/** The operator's tasks: one to do every day, one a week, and the one-off first steps. */
export const demoTasks: readonly TaskInput[] = [
  { title: 'Daily check-in', kind: 'check_in', target: 1, rewardPoints: 5, period: 'daily', position: 10 },
  {
    title: 'Share 3 products',
    kind: 'share_products',
    target: 3,
    rewardPoints: 30,
    period: 'weekly',
    position: 20,
  },
  {
    title: 'Finish a lesson',
    kind: 'finish_lesson',
    target: 1,
    rewardPoints: 20,
    period: 'weekly',
    position: 30,
  },
  {
    title: 'Pay your first order',
    kind: 'first_order',
    target: 1,
    rewardPoints: 50,
    period: 'once',
    position: 40,
  },
  {
    title: 'Invite a friend who buys',
    kind: 'invite_friend',
    target: 1,
    rewardPoints: 100,
    period: 'once',
    position: 50,
  },
];

/**
 * Defines the tasks before the story's orders, so those orders count: the buyers' first orders
 * complete "Pay your first order", and Wang Fang's first order completes Chen Jie's invitation.
 */
export async function seedDemoTasks(services: Services): Promise<number> {
  for (const task of demoTasks) await services.tasks.create(task);
  return demoTasks.length;
}

/**
 * In the present: Chen Jie shares one more product this week (his address-book story shared the
 * first), so /tasks shows him "2 / 3" on the weekly share task, part-way to its points.
 */
export async function seedDemoTaskProgress(
  services: Services,
  buyer: PublicUser,
  products: ReadonlyMap<string, Product>,
): Promise<void> {
  const second = [...products.values()][1];
  if (second) await services.sharing.createLink(buyer.id, { productId: second.id }, '');
}
