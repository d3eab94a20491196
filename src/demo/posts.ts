import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import type { DemoPerson } from './people.js';
import { uploadDemoPicture } from './pictures.js';

type Services = BuiltApp['services'];
type People = ReadonlyMap<DemoPerson['key'], PublicUser>;

interface DemoPost {
  author: DemoPerson['key'];
  body: string;
  /** Catalog slugs: the first is also the post's picture (uploaded by its author). */
  products: readonly string[];
  likedBy: readonly DemoPerson['key'][];
  comments?: readonly {
    by: DemoPerson['key'];
    body: string;
    replies?: readonly { by: DemoPerson['key']; body: string }[];
  }[];
}

/** Posts in the shop's two languages, as its people would write them; oldest first. */
const DEMO_POSTS: readonly DemoPost[] = [
  {
    author: 'shopkeeper',
    body: 'First Longjing of the spring is in 🍃 Brew it at 80 °C, never boiling.\n今年的明前龙井到了，80 度水冲泡，千万别用开水。',
    products: ['west-lake-longjing'],
    likedBy: ['buyer1', 'buyer2', 'buyer3'],
    comments: [
      {
        by: 'buyer2',
        body: '一次放多少茶叶合适？',
        replies: [{ by: 'shopkeeper', body: '一杯大约 3 克，150 毫升水。' }],
      },
      { by: 'buyer1', body: 'Bought two tins, lovely.' },
    ],
  },
  {
    author: 'buyer1',
    body: 'Sunday breakfast: rose flower cakes and a pot of white peony. 周末早餐 ☕',
    products: ['yunnan-rose-flower-cakes', 'fuding-white-peony'],
    likedBy: ['shopkeeper', 'buyer3'],
    comments: [{ by: 'buyer3', body: 'Where do I get the cakes?' }],
  },
  {
    author: 'buyer3',
    body: 'This wok changed my stir-fries. Season it well the first time.',
    products: ['hand-hammered-wok'],
    likedBy: ['buyer1'],
  },
  {
    author: 'buyer2',
    body: '办公室零食推荐：芒果干和海苔米饼，不胖！',
    products: ['sun-dried-mango', 'seaweed-rice-crackers'],
    likedBy: ['buyer1', 'shopkeeper'],
  },
];

/**
 * The community side of the shop: posts with pictures and tagged products, likes, comments with a
 * reply, follows (the buyers follow Lin Xiaomei, Chen Jie follows Zhao Lei), and her purchase list
 * "what is worth buying" (src/modules/posts). Chen Jie's feed opens on the people he follows.
 */
export async function seedDemoPosts(
  services: Services,
  people: People,
  products: ReadonlyMap<string, Product>,
): Promise<{ posts: number; firstPostId: string }> {
  const who = (key: DemoPerson['key']) => {
    const person = people.get(key);
    if (!person) throw new Error(`The demo people have no ${key}`);
    return person;
  };
  const product = (slug: string) => {
    const found = products.get(slug);
    if (!found) throw new Error(`The demo catalog has no ${slug}`);
    return found.id;
  };
  const { posts } = services;
  const ids: string[] = [];
  for (const demo of DEMO_POSTS) {
    const author = who(demo.author);
    const picture = await uploadDemoPicture(services.uploads, author.id, demo.products[0] as string, 'post');
    const post = await posts.create(author.id, {
      body: demo.body,
      images: [picture.url],
      productIds: demo.products.map(product),
    });
    ids.push(post.id);
    for (const fan of demo.likedBy) await posts.setLike(who(fan).id, post.id, true);
    for (const c of demo.comments ?? []) {
      const comment = await posts.comment(who(c.by).id, post.id, { body: c.body });
      for (const r of c.replies ?? [])
        await posts.comment(who(r.by).id, post.id, { body: r.body, parentId: comment.id });
    }
  }
  const list = await posts.create(who('shopkeeper').id, {
    body: 'What is worth buying this month · 本月值得买',
    kind: 'list',
    listItems: [
      { productId: product('anxi-tieguanyin'), note: 'Orchid notes; brews five times · 兰花香，可冲五泡' },
      { productId: product('daily-mixed-nuts'), note: 'One pack a day at my desk · 每天一包' },
      { productId: product('two-tier-bamboo-steamer'), note: 'Buns on Sunday mornings · 周末蒸包子' },
    ],
  });
  await posts.setLike(who('buyer2').id, list.id, true);
  for (const fan of ['buyer1', 'buyer2', 'buyer3'] as const)
    await posts.setFollow(who(fan).id, who('shopkeeper').id, true);
  await posts.setFollow(who('buyer1').id, who('buyer3').id, true);
  await posts.setFollow(who('shopkeeper').id, who('buyer1').id, true);
  return { posts: DEMO_POSTS.length + 1, firstPostId: ids[0] as string };
}
