import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provinceKey, quoteShipping, ruleFor, type ShippingTemplate, templateFee } from './rules.js';

const demo: ShippingTemplate = {
  id: 't-demo',
  basis: 'flat',
  freeOverAmount: 9900,
  defaultRule: { first: 1, firstFee: 800, extra: 1, extraFee: 0 },
  regionRules: [{ provinces: ['新疆', '西藏', 'Qinghai'], first: 1, firstFee: 2000, extra: 1, extraFee: 0 }],
};

const perItem: ShippingTemplate = {
  id: 't-count',
  basis: 'count',
  freeOverAmount: null,
  defaultRule: { first: 2, firstFee: 600, extra: 1, extraFee: 200 },
  regionRules: [{ provinces: ['海南'], first: 1, firstFee: 1000, extra: 2, extraFee: 500 }],
};

const byWeight: ShippingTemplate = {
  id: 't-weight',
  basis: 'weight',
  freeOverAmount: 20_000,
  defaultRule: { first: 1000, firstFee: 1000, extra: 500, extraFee: 300 },
  regionRules: [],
};

const rule = fc.record({
  first: fc.integer({ min: 1, max: 5000 }),
  firstFee: fc.integer({ min: 0, max: 100_000 }),
  extra: fc.integer({ min: 1, max: 5000 }),
  extraFee: fc.integer({ min: 0, max: 100_000 }),
});
const template = fc.record({
  id: fc.constant('t'),
  basis: fc.constantFrom('flat' as const, 'count' as const, 'weight' as const),
  freeOverAmount: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
  defaultRule: rule,
  regionRules: fc.array(
    fc.record({
      provinces: fc.array(fc.constantFrom('浙江', '新疆', '海南', 'Qinghai'), { minLength: 1 }),
      first: rule.map((r) => r.first),
      firstFee: rule.map((r) => r.firstFee),
      extra: rule.map((r) => r.extra),
      extraFee: rule.map((r) => r.extraFee),
    }),
    { maxLength: 3 },
  ),
});
const province = fc.option(fc.constantFrom('浙江省', '新疆维吾尔自治区', '海南', 'qinghai', '上海市', ''), {
  nil: null,
});
const load = fc.record({
  goodsAmount: fc.integer({ min: 0, max: 2_000_000 }),
  items: fc.integer({ min: 0, max: 500 }),
  grams: fc.integer({ min: 0, max: 100_000 }),
});

describe('templateFee', () => {
  it('law: the fee is a non-negative integer', () => {
    fc.assert(
      fc.property(template, load, province, (t, l, p) => {
        const fee = templateFee(t, l, p);
        expect(Number.isSafeInteger(fee)).toBe(true);
        expect(fee).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('law: goods at or over the free-shipping amount ship free, in every province', () => {
    fc.assert(
      fc.property(template, load, province, fc.integer({ min: 0, max: 1_000_000 }), (t, l, p, over) => {
        const free = { ...t, freeOverAmount: t.freeOverAmount ?? 1 };
        expect(templateFee(free, { ...l, goodsAmount: free.freeOverAmount + over }, p)).toBe(0);
      }),
    );
  });

  it('law: under a per-item or per-gram rule, more never costs less (below the threshold)', () => {
    fc.assert(
      fc.property(
        template,
        load,
        province,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 5000 }),
        (t, l, p, moreItems, moreGrams) => {
          const noThreshold = { ...t, freeOverAmount: null };
          const bigger = { ...l, items: l.items + moreItems, grams: l.grams + moreGrams };
          expect(templateFee(noThreshold, bigger, p)).toBeGreaterThanOrEqual(templateFee(noThreshold, l, p));
        },
      ),
    );
  });

  it('flat: one fee whatever the count, more for remote provinces, none from ¥99', () => {
    expect(templateFee(demo, { goodsAmount: 3900, items: 5, grams: 0 }, '浙江省')).toBe(800);
    expect(templateFee(demo, { goodsAmount: 3900, items: 1, grams: 0 }, '新疆维吾尔自治区')).toBe(2000);
    expect(templateFee(demo, { goodsAmount: 3900, items: 1, grams: 0 }, 'Qinghai Province')).toBe(2000);
    expect(templateFee(demo, { goodsAmount: 9899, items: 1, grams: 0 }, null)).toBe(800);
    expect(templateFee(demo, { goodsAmount: 9900, items: 1, grams: 0 }, '西藏自治区')).toBe(0);
  });

  it('count: the first items for the first fee, each further step for the extra fee', () => {
    const at = (items: number, p: string | null = null) =>
      templateFee(perItem, { goodsAmount: 0, items, grams: 0 }, p);
    expect([at(1), at(2), at(3), at(5)]).toEqual([600, 600, 800, 1200]);
    // Hainan: 1 item for 10, then 5 per two items or part of two.
    expect([at(1, '海南省'), at(2, '海南省'), at(3, '海南省'), at(4, '海南省')]).toEqual([
      1000, 1500, 1500, 2000,
    ]);
  });

  it('weight: by grams, steps rounded up', () => {
    const at = (grams: number) => templateFee(byWeight, { goodsAmount: 0, items: 1, grams }, null);
    expect([at(0), at(1000), at(1001), at(1500), at(1501)]).toEqual([1000, 1000, 1300, 1300, 1600]);
  });
});

describe('provinces', () => {
  it('match without case, spaces or the administrative suffix', () => {
    expect(provinceKey('浙江省')).toBe(provinceKey('浙江'));
    expect(provinceKey('新疆维吾尔自治区')).toBe('新疆');
    expect(provinceKey('广西壮族自治区')).toBe('广西');
    expect(provinceKey(' Qinghai  Province ')).toBe('qinghai');
    expect(ruleFor(demo, '上海市')).toBe(demo.defaultRule);
    expect(ruleFor(demo, '')).toBe(demo.defaultRule);
  });
});

describe('quoteShipping', () => {
  const templates = new Map([
    ['p-tea', demo],
    ['p-nuts', demo],
    ['p-pot', perItem],
  ]);
  const base = {
    province: '浙江省',
    templateOf: (id: string) => templates.get(id) ?? null,
    gramsOf: () => 0,
    waiver: null,
  };

  it('groups lines by template: each charged on its own goods, the fee their sum', () => {
    const quote = quoteShipping({
      ...base,
      lines: [
        { productId: 'p-tea', variantId: 'v1', quantity: 1, lineTotal: 4500 },
        { productId: 'p-nuts', variantId: 'v2', quantity: 1, lineTotal: 3900 },
        { productId: 'p-pot', variantId: 'v3', quantity: 3, lineTotal: 30_000 },
      ],
    });
    expect(quote.fee).toBe(800 + 800);
    expect(quote.parts.map((p) => p.goodsAmount)).toEqual([8400, 30_000]);
  });

  it('two products of one template reach its free-shipping amount together', () => {
    const quote = quoteShipping({
      ...base,
      lines: [
        { productId: 'p-tea', variantId: 'v1', quantity: 1, lineTotal: 6000 },
        { productId: 'p-nuts', variantId: 'v2', quantity: 1, lineTotal: 3900 },
      ],
    });
    expect(quote).toMatchObject({ fee: 0, freeOverReached: true, waiver: null });
  });

  it('a product under no template ships free; a waiver makes the whole order free and says why', () => {
    const lines = [
      { productId: 'p-none', variantId: 'v0', quantity: 2, lineTotal: 100 },
      { productId: 'p-tea', variantId: 'v1', quantity: 1, lineTotal: 100 },
    ];
    expect(quoteShipping({ ...base, lines }).fee).toBe(800);
    expect(quoteShipping({ ...base, lines, waiver: 'member' })).toMatchObject({ fee: 0, waiver: 'member' });
    expect(quoteShipping({ ...base, lines: lines.slice(0, 1), waiver: 'group_buy' }).waiver).toBeNull();
  });

  it('law: the order fee is the sum of its parts and never negative', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            productId: fc.constantFrom('p-tea', 'p-nuts', 'p-pot', 'p-none'),
            variantId: fc.constantFrom('v1', 'v2'),
            quantity: fc.integer({ min: 1, max: 99 }),
            lineTotal: fc.integer({ min: 0, max: 100_000 }),
          }),
          { maxLength: 6 },
        ),
        province,
        (lines, p) => {
          const quote = quoteShipping({ ...base, province: p, lines });
          expect(quote.fee).toBeGreaterThanOrEqual(0);
          expect(quote.fee).toBe(quote.parts.reduce((s, part) => s + part.fee, 0));
        },
      ),
    );
  });
});
