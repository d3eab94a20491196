/**
 * Shipping fees as pure rules. A template charges `firstFee` for the first `first` units (items
 * or grams, by its basis) and `extraFee` for each further `extra` units or part of them; a flat
 * template charges `firstFee` once. Goods of the template worth `freeOverAmount` or more ship
 * free. A region rule replaces the default rule for the provinces it names.
 *
 * An order's lines are grouped by the template their product ships under; each group is charged
 * on its own goods, units and threshold, and the order's fee is the sum. Goods are valued at the
 * price paid per unit (the group price on a group-buy seat) before coupons, points and member
 * discounts: a coupon never makes an order lose its free shipping, and shipping never counts
 * towards a coupon's minimum spend or a commission.
 */

export type ShippingBasis = 'flat' | 'count' | 'weight';

export interface FeeRule {
  /** Units (items or grams) the first fee covers; at least 1. */
  first: number;
  firstFee: number;
  /** Units each extra fee covers; at least 1. */
  extra: number;
  extraFee: number;
}

export interface RegionRule extends FeeRule {
  provinces: string[];
}

export interface ShippingTemplate {
  id: string;
  basis: ShippingBasis;
  freeOverAmount: number | null;
  defaultRule: FeeRule;
  regionRules: RegionRule[];
}

/** One template's share of an order: what its goods are worth, how many items, how many grams. */
export interface ShipmentLoad {
  goodsAmount: number;
  items: number;
  grams: number;
}

/**
 * Province names compared without case, spaces or the administrative suffix, so "浙江省", "浙江"
 * and "Zhejiang Province" match a rule listing "浙江" or "zhejiang".
 */
export function provinceKey(province: string): string {
  return province
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(
      /(province|autonomousregion|municipality|uygur|uyghur|zhuang|hui|省|市|自治区|特别行政区|壮族|回族|维吾尔)+$/u,
      '',
    );
}

/** The rule that applies in a province: the first region rule naming it, else the default rule. */
export function ruleFor(template: ShippingTemplate, province: string | null): FeeRule {
  if (!province) return template.defaultRule;
  const key = provinceKey(province);
  if (key === '') return template.defaultRule;
  return (
    template.regionRules.find((r) => r.provinces.some((p) => provinceKey(p) === key)) ?? template.defaultRule
  );
}

/** The fee of one template's load to one province: never negative, zero at or over the threshold. */
export function templateFee(template: ShippingTemplate, load: ShipmentLoad, province: string | null): number {
  if (template.freeOverAmount !== null && load.goodsAmount >= template.freeOverAmount) return 0;
  const rule = ruleFor(template, province);
  const first = Math.max(0, rule.firstFee);
  if (template.basis === 'flat') return first;
  const units = template.basis === 'count' ? load.items : load.grams;
  if (units <= 0) return first;
  const beyond = Math.max(0, units - Math.max(1, rule.first));
  const steps = Math.ceil(beyond / Math.max(1, rule.extra));
  return first + steps * Math.max(0, rule.extraFee);
}

export interface ShippableLine {
  productId: string;
  variantId: string;
  quantity: number;
  /** The goods of the line at the price paid per unit. */
  lineTotal: number;
}

/** Why an order ships free although its templates would charge. */
export type FreeShippingReason = 'member' | 'group_buy' | 'flash_sale';

export interface OrderShippingInput {
  lines: readonly ShippableLine[];
  province: string | null;
  /** The template each product ships under (its own, else the default one); none: ships free. */
  templateOf: (productId: string) => ShippingTemplate | null;
  gramsOf: (variantId: string) => number;
  /** Set when the order ships free whatever its templates say. */
  waiver: FreeShippingReason | null;
}

export interface ShippingQuote {
  fee: number;
  /** Why the fee is zero when a template would charge; null when it is not waived. */
  waiver: FreeShippingReason | null;
  /** True when some group reached its template's free-shipping amount. */
  freeOverReached: boolean;
  /** Each template's part, for showing how the fee came about. */
  parts: { templateId: string; goodsAmount: number; fee: number; freeOverAmount: number | null }[];
}

/** The order's fee: each template's group of lines charged on its own, summed. */
export function quoteShipping(input: OrderShippingInput): ShippingQuote {
  const groups = new Map<string, { template: ShippingTemplate; load: ShipmentLoad }>();
  for (const line of input.lines) {
    const template = input.templateOf(line.productId);
    if (!template) continue;
    const group = groups.get(template.id) ?? { template, load: { goodsAmount: 0, items: 0, grams: 0 } };
    group.load.goodsAmount += line.lineTotal;
    group.load.items += line.quantity;
    group.load.grams += input.gramsOf(line.variantId) * line.quantity;
    groups.set(template.id, group);
  }
  const parts = [...groups.values()].map(({ template, load }) => ({
    templateId: template.id,
    goodsAmount: load.goodsAmount,
    fee: templateFee(template, load, input.province),
    freeOverAmount: template.freeOverAmount,
  }));
  const charged = parts.reduce((sum, p) => sum + p.fee, 0);
  const freeOverReached = parts.some((p) => p.freeOverAmount !== null && p.goodsAmount >= p.freeOverAmount);
  if (input.waiver) return { fee: 0, waiver: charged > 0 ? input.waiver : null, freeOverReached, parts };
  return { fee: charged, waiver: null, freeOverReached, parts };
}
