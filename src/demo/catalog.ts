/**
 * The demo shop's catalog: what a fresh embedded install shows, and what the image generator
 * (`scripts/generate-demo-images.ts`) draws. Prices are minor units of CNY (12900 = ¥129.00).
 * Each product's picture is `web/public/demo/<slug>.svg`, served at `/demo/<slug>.svg`.
 */
import type { CategoryIcon } from '../modules/catalog/index.js';

export const DEMO_CATEGORIES = ['tea', 'snacks', 'kitchen', 'home', 'beauty', 'digital'] as const;
export type DemoCategory = (typeof DEMO_CATEGORIES)[number];

/** How the shop names and draws its aisles, in the order of DEMO_CATEGORIES (the storefront's order). */
export const demoCategoryDetails: Record<
  DemoCategory,
  { names: { en: string; 'zh-CN': string }; icon: CategoryIcon }
> = {
  tea: { names: { en: 'Tea', 'zh-CN': '茶叶' }, icon: 'cup' },
  snacks: { names: { en: 'Snacks', 'zh-CN': '零食' }, icon: 'cookie' },
  kitchen: { names: { en: 'Kitchen', 'zh-CN': '厨房' }, icon: 'utensils' },
  home: { names: { en: 'Home', 'zh-CN': '家居' }, icon: 'home' },
  beauty: { names: { en: 'Beauty', 'zh-CN': '美妆' }, icon: 'sparkles' },
  digital: { names: { en: 'Digital', 'zh-CN': '数码' }, icon: 'device' },
};

export interface DemoVariant {
  sku: string;
  title: string;
  price: number;
  stock: number;
}

export interface DemoProduct {
  slug: string;
  title: string;
  category: DemoCategory;
  description: string;
  variants: DemoVariant[];
  /** Overrides the platform's default commission where the operator pays promoters more or less. */
  commissionRateBps?: number;
}

export const demoImagePath = (slug: string) => `/demo/${slug}.svg`;

const tea: DemoProduct[] = [
  {
    slug: 'west-lake-longjing',
    title: 'West Lake Longjing Green Tea',
    category: 'tea',
    description:
      "Pre-Qingming first flush from the hills around Hangzhou's West Lake, pan-fired by hand into flat jade leaves. Chestnut-sweet, with a clean orchid finish. Brew at 80 °C in a glass.",
    variants: [
      { sku: 'TEA-LJ-050', title: '50 g tin', price: 12900, stock: 120 },
      { sku: 'TEA-LJ-100', title: '100 g tin', price: 23900, stock: 60 },
    ],
  },
  {
    slug: 'anxi-tieguanyin',
    title: 'Anxi Tieguanyin Oolong',
    category: 'tea',
    description:
      "Lightly roasted oolong from Fujian's Anxi county, rolled into tight pellets that unfurl into whole leaves. Floral and creamy, and good for seven infusions.",
    variants: [
      { sku: 'TEA-TGY-125', title: '125 g', price: 9800, stock: 200 },
      { sku: 'TEA-TGY-250', title: '250 g', price: 18800, stock: 80 },
    ],
  },
  {
    slug: 'yunnan-golden-bud',
    title: 'Yunnan Golden Bud Black Tea',
    category: 'tea',
    description:
      'Dian Hong of downy golden buds from old Fengqing tea trees. Honeyed, malty and smooth with no bitterness, even when over-steeped. Lovely with or without milk.',
    variants: [{ sku: 'TEA-DH-100', title: '100 g', price: 8800, stock: 150 }],
  },
  {
    slug: 'menghai-ripe-puerh',
    title: '2016 Menghai Ripe Pu-erh Cake',
    category: 'tea',
    description:
      'A 357 g pressed cake from Menghai, aged eight years in dry Guangdong storage. Dark, earthy liquor with notes of dates and cocoa. Wrapped in cotton paper, ready to pry and brew.',
    variants: [{ sku: 'TEA-PE-357', title: '357 g cake', price: 26800, stock: 25 }],
    commissionRateBps: 1500,
  },
  {
    slug: 'fuding-white-peony',
    title: 'Fuding White Peony (Bai Mudan)',
    category: 'tea',
    description:
      'One bud and two leaves, withered slowly in the sun and never rolled or fired. Delicate, hay-sweet and gentle: a tea to drink young or keep for years.',
    variants: [
      { sku: 'TEA-BMD-100', title: '100 g', price: 7600, stock: 90 },
      { sku: 'TEA-BMD-200', title: '200 g', price: 14200, stock: 40 },
    ],
  },
  {
    slug: 'jasmine-dragon-pearls',
    title: 'Jasmine Dragon Pearls',
    category: 'tea',
    description:
      'Hand-rolled green tea pearls scented six times over with fresh Fuzhou jasmine blossoms. Watch them open in the cup; the fragrance lasts to the third pot.',
    variants: [
      { sku: 'TEA-JP-050', title: '50 g', price: 6800, stock: 140 },
      { sku: 'TEA-JP-100', title: '100 g', price: 12800, stock: 70 },
    ],
  },
  {
    // Chinese-titled products, as a shop in China lists many: search must find them by their Chinese words.
    slug: 'anji-white-tea',
    title: '安吉白茶 明前特级',
    category: 'tea',
    description:
      '浙江安吉明前采摘的一芽一叶，氨基酸含量高，汤色嫩绿明亮，入口鲜爽，带淡淡的兰花香。用80 °C的水冲泡，玻璃杯里看叶片舒展。',
    variants: [
      { sku: 'TEA-AJ-050', title: '50 g', price: 9900, stock: 100 },
      { sku: 'TEA-AJ-125', title: '125 g', price: 21900, stock: 45 },
    ],
  },
];

const snacks: DemoProduct[] = [
  {
    slug: 'sichuan-spicy-beef-jerky',
    title: 'Sichuan Spicy Beef Jerky',
    category: 'snacks',
    description:
      'Strips of grass-fed beef slow-dried with Hanyuan red peppercorns and chilli oil. Tender, numbing and addictive; individually wrapped for the road.',
    variants: [
      { sku: 'SN-JERKY-ORIG', title: 'Mala original, 200 g', price: 5900, stock: 300 },
      { sku: 'SN-JERKY-HOT', title: 'Extra hot, 200 g', price: 5900, stock: 180 },
    ],
  },
  {
    slug: 'daily-mixed-nuts',
    title: 'Daily Mixed Nuts, 30 Packs',
    category: 'snacks',
    description:
      'A month of 25 g daily packs: lightly roasted walnuts, cashews, almonds and hazelnuts with dried cranberries and blueberries. No added salt or sugar.',
    variants: [
      { sku: 'SN-NUTS-30', title: '30 packs', price: 9900, stock: 240 },
      { sku: 'SN-NUTS-60', title: '60 packs', price: 18900, stock: 90 },
    ],
  },
  {
    slug: 'yunnan-rose-flower-cakes',
    title: 'Yunnan Rose Flower Cakes',
    category: 'snacks',
    description:
      'Flaky pastry filled with edible roses picked at dawn in Kunming and candied in honey. Baked the day we ship; best warmed for a minute in the oven.',
    variants: [
      { sku: 'SN-ROSE-10', title: 'Box of 10', price: 4500, stock: 160 },
      { sku: 'SN-ROSE-20', title: 'Gift box of 20', price: 8500, stock: 75 },
    ],
    commissionRateBps: 1200,
  },
  {
    slug: 'sun-dried-mango',
    title: 'Sun-dried Mango Slices',
    category: 'snacks',
    description:
      'Thick slices of Hainan Tainong mango, dried in the sun with nothing added. Chewy, tangy and naturally sweet.',
    variants: [{ sku: 'SN-MANGO-500', title: '500 g', price: 3900, stock: 400 }],
  },
  {
    slug: 'seaweed-rice-crackers',
    title: 'Seaweed Rice Crackers',
    category: 'snacks',
    description:
      'Crisp baked crackers of Northeast japonica rice wrapped in roasted nori, seasoned with a little sea salt and sesame. A snack children and grandparents agree on.',
    variants: [{ sku: 'SN-CRACK-12', title: '12 bags', price: 2900, stock: 500 }],
  },
  {
    slug: 'osmanthus-lotus-root-starch',
    title: 'Hangzhou Osmanthus Lotus Root Porridge',
    category: 'snacks',
    description:
      'West Lake lotus root starch with sweet osmanthus flowers and goji. Stir into boiling water for a silky, fragrant bowl in thirty seconds.',
    variants: [
      { sku: 'SN-LOTUS-08', title: '8 sachets', price: 3600, stock: 220 },
      { sku: 'SN-LOTUS-16', title: '16 sachets', price: 6800, stock: 110 },
    ],
  },
  {
    slug: 'black-sesame-brittle',
    title: '手工黑芝麻酥糖',
    category: 'snacks',
    description:
      '用石磨黑芝麻、麦芽糖和少许花生碎手工压制，一片一片切好独立包装。香而不腻，配一杯绿茶正好，是过年走亲戚的老味道。',
    variants: [{ sku: 'SN-SESAME-400', title: '400 g', price: 3200, stock: 260 }],
  },
];

const kitchen: DemoProduct[] = [
  {
    slug: 'hand-hammered-wok',
    title: 'Hand-hammered Carbon Steel Wok',
    category: 'kitchen',
    description:
      'Hammered a thousand times by smiths in Zhangqiu, Shandong. Light, quick to heat and pre-seasoned, it turns non-stick with use and lasts a lifetime. Ash-wood handle.',
    variants: [
      { sku: 'KIT-WOK-32', title: '32 cm', price: 26900, stock: 45 },
      { sku: 'KIT-WOK-34', title: '34 cm', price: 29900, stock: 30 },
    ],
  },
  {
    slug: 'two-tier-bamboo-steamer',
    title: 'Two-tier Bamboo Steamer',
    category: 'kitchen',
    description:
      'Woven from Anji moso bamboo with a domed lid that keeps condensation off your buns and dumplings. Two tiers and a lid; fits a wok or a stock pot.',
    variants: [
      { sku: 'KIT-STEAM-20', title: '20 cm', price: 6900, stock: 110 },
      { sku: 'KIT-STEAM-26', title: '26 cm', price: 8900, stock: 85 },
    ],
  },
  {
    slug: 'ceramic-rice-cooker',
    title: 'Ceramic-bowl Rice Cooker, 3 L',
    category: 'kitchen',
    description:
      'Induction heating around a glazed ceramic inner bowl, with settings for jasmine rice, congee, brown rice and claypot rice. Serves two to six.',
    variants: [{ sku: 'KIT-RICE-3L', title: '3 L, white', price: 49900, stock: 35 }],
  },
  {
    slug: 'damascus-chef-knife',
    title: "Damascus Chef's Knife, 20 cm",
    category: 'kitchen',
    description:
      '67 layers of Damascus steel around a VG-10 core, hardened to 60 HRC, with a balanced pakkawood handle. Comes razor-sharp in a magnetic gift box.',
    variants: [{ sku: 'KIT-KNIFE-20', title: '20 cm', price: 39900, stock: 3 }],
  },
  {
    slug: 'glass-food-containers',
    title: 'Borosilicate Glass Food Containers, Set of 5',
    category: 'kitchen',
    description:
      'Oven-, microwave- and dishwasher-safe containers with four-clip airtight lids. Lunch boxes by day, leftovers by night.',
    variants: [{ sku: 'KIT-GLASS-5', title: 'Set of 5', price: 12900, stock: 150 }],
  },
  {
    slug: 'walnut-chopsticks',
    title: 'Black Walnut Chopsticks, 5 Pairs',
    category: 'kitchen',
    description:
      'Turned from solid black walnut and finished with food-safe wood wax: no lacquer to chip. Square tops that do not roll off the table.',
    variants: [{ sku: 'KIT-CHOP-5', title: '5 pairs', price: 5900, stock: 260 }],
  },
  {
    slug: 'yixing-clay-teapot',
    title: '宜兴紫砂壶 西施壶',
    category: 'kitchen',
    description:
      '宜兴原矿紫泥手工拉坯，壶身圆润，出水顺畅不挂水。适合冲泡乌龙茶和普洱茶，越养越有光泽。容量约200 ml，附收纳礼盒。',
    variants: [{ sku: 'KIT-ZISHA-200', title: '200 ml', price: 35800, stock: 20 }],
  },
];

const home: DemoProduct[] = [
  {
    slug: 'washed-linen-duvet-cover',
    title: 'Washed Linen Duvet Cover',
    category: 'home',
    description:
      'Pure French flax linen, stone-washed for a soft, lived-in drape from the first night. Breathable in summer, cosy in winter. Oat colour, coconut-shell buttons.',
    variants: [
      { sku: 'HOME-LIN-S', title: 'Single, 150 × 200 cm', price: 39900, stock: 40 },
      { sku: 'HOME-LIN-D', title: 'Double, 200 × 230 cm', price: 49900, stock: 35 },
      { sku: 'HOME-LIN-K', title: 'King, 220 × 240 cm', price: 59900, stock: 20 },
    ],
  },
  {
    slug: 'ceramic-aroma-diffuser',
    title: 'Ceramic Aroma Diffuser',
    category: 'home',
    description:
      'An ultrasonic mist diffuser in a hand-glazed Jingdezhen ceramic shell, with a warm night light and a quiet four-hour timer.',
    variants: [{ sku: 'HOME-DIFF-1', title: 'Celadon glaze', price: 15900, stock: 70 }],
  },
  {
    slug: 'seagrass-storage-baskets',
    title: 'Woven Seagrass Storage Baskets, Set of 3',
    category: 'home',
    description:
      'Hand-woven from natural seagrass with cotton-rope handles, in three nesting sizes: for toys, throws, plants or laundry.',
    variants: [{ sku: 'HOME-BASK-3', title: 'Set of 3', price: 12900, stock: 95 }],
  },
  {
    slug: 'golden-pothos-glazed-pot',
    title: 'Golden Pothos in Glazed Pot',
    category: 'home',
    description:
      'Nearly unkillable trailing plant that cleans the air and forgives a missed watering. Arrives rooted in a glazed ceramic pot with a drainage saucer.',
    variants: [
      { sku: 'HOME-POTH-S', title: 'Small, 12 cm pot', price: 6900, stock: 80 },
      { sku: 'HOME-POTH-M', title: 'Medium, 17 cm pot', price: 11900, stock: 50 },
    ],
  },
  {
    slug: 'osmanthus-soy-candle',
    title: 'Osmanthus Soy Wax Candle',
    category: 'home',
    description:
      'Natural soy wax scented with Guilin osmanthus and a hint of white tea, with a crackling wooden wick. Around 45 hours of burning in a reusable amber jar.',
    variants: [{ sku: 'HOME-CAND-200', title: '200 g', price: 8900, stock: 130 }],
    commissionRateBps: 1500,
  },
  {
    slug: 'contour-memory-foam-pillow',
    title: 'Contour Memory-foam Pillow',
    category: 'home',
    description:
      'A slow-rebound memory-foam pillow shaped to support the neck for back and side sleepers, in a removable cover of bamboo fibre.',
    variants: [{ sku: 'HOME-PILL-1', title: 'Standard', price: 19900, stock: 65 }],
  },
  {
    slug: 'mulberry-silk-eye-mask',
    title: '桑蚕丝眼罩',
    category: 'home',
    description:
      '双面22姆米桑蚕丝，内里填充柔软棉层，遮光透气，不压睫毛。松紧带可调节，午休、出差和长途飞行都能睡得安稳。',
    variants: [{ sku: 'HOME-SILK-1', title: 'Champagne', price: 6900, stock: 150 }],
  },
];

const beauty: DemoProduct[] = [
  {
    slug: 'camellia-cleansing-oil',
    title: 'Camellia Cleansing Oil',
    category: 'beauty',
    description:
      'Cold-pressed camellia seed oil from Jiangxi melts sunscreen and make-up, then rinses off clean with no tight feeling. Suits dry and sensitive skin.',
    variants: [{ sku: 'BEA-CAM-200', title: '200 ml', price: 13900, stock: 120 }],
    commissionRateBps: 2000,
  },
  {
    slug: 'hyaluronic-hydrating-serum',
    title: 'Hyaluronic Acid Hydrating Serum',
    category: 'beauty',
    description:
      'Three weights of hyaluronic acid with panthenol and ceramides to draw moisture into every layer of the skin. Fragrance-free, light as water.',
    variants: [
      { sku: 'BEA-HA-30', title: '30 ml', price: 16900, stock: 140 },
      { sku: 'BEA-HA-50', title: '50 ml', price: 24900, stock: 90 },
    ],
    commissionRateBps: 2000,
  },
  {
    slug: 'rice-water-sheet-masks',
    title: 'Fermented Rice Water Sheet Masks, 10 Pack',
    category: 'beauty',
    description:
      'Soft tencel masks soaked in fermented rice essence and niacinamide for a brighter, even tone after fifteen minutes.',
    variants: [{ sku: 'BEA-MASK-10', title: '10 masks', price: 7900, stock: 350 }],
  },
  {
    slug: 'mineral-sunscreen-spf50',
    title: 'Mineral Sunscreen SPF 50 PA++++',
    category: 'beauty',
    description:
      'Zinc-oxide sunscreen that blends in without a white cast. Water-resistant for 80 minutes and gentle enough for children.',
    variants: [{ sku: 'BEA-SUN-50', title: '50 ml', price: 9900, stock: 210 }],
  },
  {
    slug: 'ginseng-herbal-hair-oil',
    title: 'Ginseng Herbal Hair Oil',
    category: 'beauty',
    description:
      'Changbai Mountain ginseng, polygonum and camellia oils for the scalp and lengths. A few drops before bed; smooth, glossy hair in the morning.',
    variants: [{ sku: 'BEA-HAIR-100', title: '100 ml', price: 8900, stock: 160 }],
  },
  {
    slug: 'xiuyan-jade-roller',
    title: 'Xiuyan Jade Facial Roller',
    category: 'beauty',
    description:
      'Genuine Xiuyan jade, naturally cool to the touch, on a squeak-free alloy frame. Keep it in the fridge for a morning de-puff.',
    variants: [{ sku: 'BEA-JADE-1', title: 'Double-ended', price: 12900, stock: 75 }],
  },
];

const digital: DemoProduct[] = [
  {
    slug: 'noise-cancelling-earbuds',
    title: 'Noise-cancelling Wireless Earbuds',
    category: 'digital',
    description:
      'Hybrid active noise cancelling to 45 dB, Bluetooth 5.3 with multipoint, and 32 hours of playback with the case. IP54 for rain and the gym.',
    variants: [
      { sku: 'DIG-BUDS-WHT', title: 'Pearl white', price: 39900, stock: 110 },
      { sku: 'DIG-BUDS-BLK', title: 'Graphite black', price: 39900, stock: 95 },
    ],
    commissionRateBps: 800,
  },
  {
    slug: 'fast-charge-power-bank',
    title: '20,000 mAh Fast-charge Power Bank',
    category: 'digital',
    description:
      'Charges a phone four times and a laptop once, with 65 W USB-C in and out. Slim aluminium body, airline-safe capacity.',
    variants: [{ sku: 'DIG-PB-20K', title: '20,000 mAh', price: 14900, stock: 180 }],
  },
  {
    slug: 'mechanical-keyboard-75',
    title: '75% Hot-swap Mechanical Keyboard',
    category: 'digital',
    description:
      'Gasket-mounted aluminium case, PBT keycaps and hot-swap sockets. Wired, Bluetooth or 2.4 GHz; works with Mac, Windows and tablets.',
    variants: [
      { sku: 'DIG-KB-BROWN', title: 'Tactile brown switches', price: 49900, stock: 40 },
      { sku: 'DIG-KB-RED', title: 'Linear red switches', price: 49900, stock: 0 },
    ],
  },
  {
    slug: 'heart-rate-fitness-band',
    title: 'Fitness Band with Heart-rate Monitor',
    category: 'digital',
    description:
      'A 1.6-inch AMOLED band that tracks heart rate, SpO₂, sleep and 100 workout modes, and lasts two weeks on a charge.',
    variants: [
      { sku: 'DIG-BAND-BLK', title: 'Midnight', price: 22900, stock: 130 },
      { sku: 'DIG-BAND-PNK', title: 'Blossom pink', price: 22900, stock: 60 },
    ],
  },
  {
    slug: 'gan-usb-c-charger',
    title: '65 W GaN USB-C Charger',
    category: 'digital',
    description:
      'Gallium-nitride charger the size of a matchbox, with two USB-C ports and one USB-A. Charges a laptop and a phone at once; folding pins.',
    variants: [{ sku: 'DIG-GAN-65', title: '65 W, 3 ports', price: 12900, stock: 220 }],
  },
  {
    slug: 'e-ink-reader',
    title: '6-inch E-ink Reader',
    category: 'digital',
    description:
      'A 300 ppi paper-like screen with warm front light, EPUB and PDF support and a battery that lasts weeks. Weighs 160 g.',
    variants: [{ sku: 'DIG-READ-6', title: '16 GB', price: 89900, stock: 8 }],
  },
];

export const demoCatalog: readonly DemoProduct[] = [
  ...tea,
  ...snacks,
  ...kitchen,
  ...home,
  ...beauty,
  ...digital,
];
