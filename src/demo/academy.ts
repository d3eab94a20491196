import type { BuiltApp } from '../app.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { DemoPerson } from './people.js';

type Services = BuiltApp['services'];

interface DemoLesson {
  title: string;
  minutes: number;
  body: string;
  videoUrl?: string;
}

/**
 * The academy's two sections, written for the shop's readers in both its languages (English,
 * then Chinese), as the operator would for a bilingual audience.
 */
export const demoAcademy: readonly { title: string; lessons: readonly DemoLesson[] }[] = [
  {
    title: 'Getting started · 开店入门',
    lessons: [
      {
        title: 'Open your micro-store · 开通你的小店',
        minutes: 4,
        body:
          'Your store sells the platform’s catalogue: we keep the stock, ship the parcels and handle returns. You choose what to show and who to tell.\n\n' +
          'Pick a short name your friends will remember, add a logo, and choose five products you would buy yourself.\n\n' +
          '你的小店销售平台的商品：库存、发货和售后由平台负责，你只需挑选商品、告诉朋友。\n\n' +
          '起一个好记的店名，上传店标，先挑五件你自己也会买的商品。',
      },
      {
        title: 'Pricing and your commission · 价格与佣金',
        minutes: 5,
        body:
          'Prices are the platform’s. What you earn is a share of each sale made through your links or your store, shown on every product before you share it.\n\n' +
          'A commission becomes available once the return window has passed, so a refunded order never pays out.\n\n' +
          '商品价格由平台统一制定。通过你的链接或小店成交的订单，你按比例获得佣金，分享前每件商品都会显示可赚多少。\n\n' +
          '佣金在退货期结束后才可提现，所以退款的订单不会结算佣金。',
      },
      {
        title: 'Take product photos with your phone · 用手机拍好商品图',
        minutes: 6,
        videoUrl: 'https://www.youtube.com/results?search_query=product+photography+with+a+phone',
        body:
          'Daylight from a window beats any lamp. Put the product on a plain sheet, hold the phone level, and take three shots: whole, close-up, in use.\n\n' +
          '窗边的自然光胜过任何灯。把商品放在素色的布上，手机端平，拍三张：全景、细节、使用场景。',
      },
    ],
  },
  {
    title: 'Sharing that sells · 会分享，才会卖',
    lessons: [
      {
        title: 'Share to the right friends · 分享给对的人',
        minutes: 4,
        body:
          'Ten friends who drink tea are worth more than a hundred who do not. Share one product to the people it suits, with one line on why you like it.\n\n' +
          '十位爱喝茶的朋友，胜过一百位不喝茶的。把一件商品分享给适合的人，再加一句你喜欢它的理由。',
      },
      {
        title: 'Group buys and bargains · 拼团与砍价',
        minutes: 5,
        body:
          'A group buy gives everyone a lower price once enough friends join: share it in a chat where people already talk about food or home.\n\n' +
          'Remind them before it ends; a group that fails refunds everyone automatically.\n\n' +
          '拼团人数凑齐后每个人都享受低价：把它发到大家本来就在聊吃的、聊家居的群里。\n\n' +
          '结束前提醒一下大家；拼团失败会自动全额退款。',
      },
      {
        title: 'Look after your customers · 维护你的顾客',
        minutes: 3,
        body:
          'Answer questions the same day, follow up after delivery, and ask how the product was. A customer who trusts you buys again and tells a friend.\n\n' +
          '当天回复咨询，收货后回访，问问用得怎么样。信任你的顾客会回购，也会介绍朋友。',
      },
    ],
  },
];

/**
 * Loads the academy: both sections published, the shopkeeper having finished the first two
 * lessons (so `/academy` says "2 of 6"), and a board with a solved question, an answered one and
 * one still waiting, with votes. Runs in the present, once, with the rest of the story.
 */
export async function seedDemoAcademy(
  services: Services,
  people: ReadonlyMap<DemoPerson['key'], PublicUser>,
): Promise<{ lessons: number; questions: number }> {
  const { lessons, board } = services.academy;
  const lessonIds: string[] = [];
  for (const section of demoAcademy) {
    const created = await lessons.createSection({ title: section.title });
    for (const lesson of section.lessons) {
      const saved = await lessons.createLesson({ sectionId: created.id, ...lesson, published: true });
      lessonIds.push(saved.id);
    }
  }
  const who = (key: DemoPerson['key']) => {
    const user = people.get(key);
    if (!user) throw new Error(`The demo people have no ${key}`);
    return { id: user.id, isAdmin: false };
  };
  const shopkeeper = who('shopkeeper');
  for (const id of lessonIds.slice(0, 2)) await lessons.complete(shopkeeper.id, id);

  const [chen, wang, zhao] = [who('buyer1'), who('buyer2'), who('buyer3')];
  const solved = await board.ask(shopkeeper, {
    title: 'How many products should a new store show? · 新店上架多少商品合适？',
    body: 'I have picked twelve. Is that too many for friends to look through?\n\n我选了十二件，朋友们会不会看不过来？',
  });
  await board.answer(chen, solved.id, 'Five or six is plenty at first: I only ever look at the top few.');
  const best = await board.answer(
    wang,
    solved.id,
    '先放五件左右，每周换一件新品，朋友们会常回来看。\n\nStart with about five and swap one each week: it gives people a reason to come back.',
  );
  const bestId = best.answers.find((a) => a.mine)?.id as string;
  const otherId = best.answers.find((a) => !a.mine)?.id as string;
  await board.vote(chen, bestId, true);
  await board.vote(zhao, bestId, true);
  await board.vote(zhao, otherId, true);
  await board.markBest(shopkeeper, solved.id, bestId);

  const answered = await board.ask(chen, {
    title: 'When does my commission become available? · 佣金什么时候可以提现？',
    body: '',
  });
  const reply = await board.answer(
    shopkeeper,
    answered.id,
    'Once the return window after delivery has passed; the Promote page shows when each one settles.',
  );
  await board.vote(chen, reply.answers[0]?.id as string, true);

  await board.ask(zhao, {
    title: 'Which products sell best in a group buy? · 哪些商品适合拼团？',
    body: 'Snacks, tea, or something for the kitchen?',
  });
  return { lessons: lessonIds.length, questions: 3 };
}
