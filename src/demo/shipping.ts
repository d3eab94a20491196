import type { BuiltApp } from '../app.js';
import type { Product } from '../modules/catalog/index.js';
import type { TemplateInput } from '../modules/shipping/index.js';

type Services = BuiltApp['services'];

/** Provinces a parcel takes longest to reach, in Chinese and pinyin as people type them. */
const REMOTE = [
  '新疆',
  '西藏',
  '青海',
  '内蒙古',
  '宁夏',
  '甘肃',
  'Xinjiang',
  'Tibet',
  'Xizang',
  'Qinghai',
  'Inner Mongolia',
  'Ningxia',
  'Gansu',
];

/** The demo's shipping: ¥8 an order, ¥20 to remote provinces, free from ¥99 of goods. */
export const demoShippingTemplate: TemplateInput = {
  name: '标准快递 Standard delivery',
  basis: 'flat',
  freeOverAmount: 9900,
  defaultRule: { first: 1, firstFee: 800, extra: 1, extraFee: 0 },
  regionRules: [{ provinces: REMOTE, first: 1, firstFee: 2000, extra: 1, extraFee: 0 }],
};

/**
 * Every demo product ships under the template, so checkout shows a fee (Wang Fang, a Silver member,
 * pays it; Chen Jie and Zhao Lei ship free on their Gold and Platinum levels). Set after the story's
 * orders: those were placed before the shop charged for shipping. Not the default template, so a
 * product the operator adds ships free until they choose one.
 */
export async function seedDemoShipping(services: Services, products: ReadonlyMap<string, Product>) {
  const template = await services.shipping.createTemplate(demoShippingTemplate);
  for (const product of products.values())
    await services.shipping.setProductShipping(product.id, { templateId: template.id });
  return { shippingTemplates: 1 };
}
