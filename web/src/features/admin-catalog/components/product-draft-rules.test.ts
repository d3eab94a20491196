import { describe, expect, it } from 'vitest';
import { emptyDraft, newVariantDraft, toProductInput } from './product-draft';

const variant = (sku: string) => ({ ...newVariantDraft(), sku, price: '12.90', stock: '3' });

describe('toProductInput', () => {
  it('turns the typed draft into the API body, prices in exact minor units', () => {
    const result = toProductInput({ ...emptyDraft(), title: ' Tea ', variants: [variant('TEA-1')] }, 2);
    expect(result.errors).toEqual([]);
    expect(result.input).toMatchObject({ title: 'Tea', variants: [{ sku: 'TEA-1', price: 1290, stock: 3 }] });
  });

  it('checks what the server’s schema checks, as its field errors by rule', () => {
    const result = toProductInput(
      { ...emptyDraft(), title: '  ', variants: [variant(''), variant('A B'), variant('X'), variant('X')] },
      2,
    );
    expect(result.input).toBeNull();
    expect(result.errors.map((e) => [e.path, e.rule])).toEqual([
      ['/title', 'required'],
      ['/variants/0/sku', 'required'],
      ['/variants/1/sku', 'pattern'],
      ['/variants/3/sku', 'unique'],
    ]);
  });
});
