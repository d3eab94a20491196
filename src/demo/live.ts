import type { BuiltApp } from '../app.js';
import { DEMO_STREAM_ORIGIN } from '../config.js';
import type { PublicUser } from '../modules/accounts/index.js';
import type { Product } from '../modules/catalog/index.js';
import type { DemoPerson } from './people.js';
import type { DemoTime } from './time.js';

type Services = BuiltApp['services'];

/**
 * A public HLS test stream: the player has something to play where the machine is online. Its
 * origin is the one LIVE_STREAM_ORIGINS allows by default for the demo shop.
 */
export const DEMO_STREAM = `${DEMO_STREAM_ORIGIN}/x36xhzz/x36xhzz.m3u8`;
const MINUTE_IN_DAYS = 1 / 1440;

export const demoLiveRooms = {
  replay: {
    title: 'Spring tea tasting: Longjing and Tieguanyin',
    description: 'Lin Xiaomei brews this season’s Longjing and an Anxi Tieguanyin side by side.',
    pins: ['west-lake-longjing', 'anxi-tieguanyin'],
    chat: ['How many grams per cup?', 'About 3 g for 150 ml, water at 80 °C.', 'Ordered the Tieguanyin!'],
  },
  live: {
    title: 'Live now: Yunnan golden bud, brewed three ways',
    description: 'Ask anything about Dian Hong black tea while we brew.',
    pin: 'yunnan-golden-bud',
    chat: ['Hello from Hangzhou!', 'Is the golden bud good with milk?', 'Yes, and without: try both.'],
  },
  upcoming: { title: 'Next week: a teaware special', description: 'Gaiwan, fairness cup and the tray.' },
};

function product(products: ReadonlyMap<string, Product>, slug: string): Product {
  const found = products.get(slug);
  if (!found) throw new Error(`The demo catalog has no ${slug}`);
  return found;
}

/**
 * The shopkeeper's live sessions: yesterday's tasting, now a replay with two pins ten minutes apart
 * and its chat; one on air now with a pinned product and viewers chatting; one scheduled for next
 * week. `time` is the story's clock: the replay happens a day before the present.
 */
export async function seedDemoLive(
  services: Services,
  people: ReadonlyMap<DemoPerson['key'], PublicUser>,
  products: ReadonlyMap<string, Product>,
  time: DemoTime,
  clock: { now(): Date },
): Promise<{ liveRooms: number; onAirId: string }> {
  const host = people.get('shopkeeper');
  const viewers = (['buyer1', 'buyer2', 'shopkeeper'] as const).map((key) => people.get(key));
  if (!host || viewers.some((v) => !v)) throw new Error('The demo people are missing');
  const hostPerson = { id: host.id, roles: ['shopkeeper'] };
  const say = (i: number) => viewers[i % viewers.length] as PublicUser;
  const { live } = services;

  time.at(1);
  const past = demoLiveRooms.replay;
  const replay = await live.schedule(hostPerson, {
    title: past.title,
    description: past.description,
    startsAt: clock.now().toISOString(),
    streamUrl: DEMO_STREAM,
  });
  await live.act(host.id, replay.id, 'start');
  for (const [i, slug] of past.pins.entries()) {
    time.at(1 - (2 + i * 10) * MINUTE_IN_DAYS);
    await live.pin(host.id, replay.id, product(products, slug).id);
    time.at(1 - (4 + i * 10) * MINUTE_IN_DAYS);
    const text = past.chat[i] as string;
    await live.post(say(i), replay.id, text);
  }
  time.at(1 - 25 * MINUTE_IN_DAYS);
  await live.post(say(2), replay.id, past.chat[2] as string);
  time.at(1 - 30 * MINUTE_IN_DAYS);
  await live.act(host.id, replay.id, 'end');

  time.catchUp();
  const now = demoLiveRooms.live;
  const onAir = await live.schedule(hostPerson, {
    title: now.title,
    description: now.description,
    startsAt: clock.now().toISOString(),
    streamUrl: DEMO_STREAM,
  });
  await live.act(host.id, onAir.id, 'start');
  await live.pin(host.id, onAir.id, product(products, now.pin).id);
  for (const [i, text] of now.chat.entries()) await live.post(say(i), onAir.id, text);

  await live.schedule(hostPerson, {
    title: demoLiveRooms.upcoming.title,
    description: demoLiveRooms.upcoming.description,
    startsAt: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString(),
    streamUrl: DEMO_STREAM,
  });
  return { liveRooms: 3, onAirId: onAir.id };
}
