import { describe, expect, it } from 'vitest';
import { actionWords, fieldWords, targetWords } from './audit-words';

const words: Record<string, string> = {
  'adminAudit.subjects.product_bulk': '商品批量',
  'adminAudit.verbs.price': '调价',
  'adminAudit.subjects.points_settings': '积分设置',
  'adminAudit.verbs.update': '修改',
  'adminAudit.subjects.shipping_template': '运费模板',
  'adminAudit.fields.price': '价格',
};
const t = (key: string, { defaultValue }: { defaultValue: string }) => words[key] ?? defaultValue;

describe('audit words', () => {
  it('says an action as its subject and verb, each translated', () => {
    expect(actionWords('product.bulk.price', t)).toBe('商品批量 · 调价');
    expect(actionWords('points.settings.update', t)).toBe('积分设置 · 修改');
  });

  it('falls back to the codes it does not know', () => {
    expect(actionWords('gift.claim', t)).toBe('gift · claim');
    expect(actionWords('released', t)).toBe('released');
  });

  it('names targets and fields, keeping which variant a field belongs to', () => {
    expect(targetWords('shipping_template', t)).toBe('运费模板');
    expect(fieldWords('variants.TEA-LJ-050.price', t)).toBe('TEA-LJ-050 · 价格');
    expect(fieldWords('price', t)).toBe('价格');
    expect(fieldWords('defaultRule.firstFee', t)).toBe('defaultRule · firstFee');
  });
});
