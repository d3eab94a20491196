import { describe, expect, it } from 'vitest';
import { draftOf, emptyDraft, newVariantDraft, type ProductDraft, toProductInput } from './product-draft';

type Product = Parameters<typeof draftOf>[0];
const paths = (result: { errors: { path: string }[] }) => result.errors.map((e) => e.path);

const product = {
  id: 'p1',
  title: 'Oolong tea',
  description: 'Roasted',
  images: ['https://img.test/1.jpg', 'https://img.test/2.jpg'],
  category: 'tea',
  status: 'active',
  commissionRateBps: 1050,
  leaderRateBps: 300,
  repurchase: true,
  variants: [{ id: 'v1', sku: 'OOL-100', title: '100 g', price: 4990, stock: 7 }],
  minPrice: 4990,
  maxPrice: 4990,
  inStock: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as unknown as Product;

describe('the product form draft', () => {
  it('turns a typed new product into the API body, prices exact in minor units', () => {
    const draft: ProductDraft = {
      ...emptyDraft(),
      title: '  Green tea ',
      category: ' ',
      images: ['https://img.test/a.jpg', 'https://img.test/b.jpg'],
      commissionPercent: '12.5',
      leaderPercent: '4',
      variants: [
        { ...newVariantDraft(), sku: ' G-1 ', title: ' 50 g ', price: '0.29', stock: ' 12 ' },
        { ...newVariantDraft(), sku: 'G-2', title: '1 kg', price: '1,299.00', stock: '0' },
      ],
    };
    expect(toProductInput(draft, 2)).toEqual({
      input: {
        title: 'Green tea',
        description: '',
        category: null,
        images: ['https://img.test/a.jpg', 'https://img.test/b.jpg'],
        commissionRateBps: 1250,
        leaderRateBps: 400,
        repurchase: false,
        variants: [
          { sku: 'G-1', title: '50 g', price: 29, stock: 12 },
          { sku: 'G-2', title: '1 kg', price: 129_900, stock: 0 },
        ],
      },
      errors: [],
    });
  });

  it('leaves the commission out when the box is empty, and reads prices by the currency’s digits', () => {
    const draft = {
      ...emptyDraft(),
      title: 'Yen',
      variants: [{ ...newVariantDraft(), sku: 'Y', price: '1200' }],
    };
    const result = toProductInput(draft, 0);
    expect(result.input?.commissionRateBps).toBeNull();
    expect(result.input?.leaderRateBps).toBeNull();
    expect(result.input?.variants[0]?.price).toBe(1200);
    expect(
      paths(toProductInput({ ...draft, variants: [{ ...newVariantDraft(), sku: 'Y', price: '12.5' }] }, 0)),
    ).toEqual(['/variants/0/price']);
  });

  it('round-trips a saved product: its draft saves the same values, without touching stock', () => {
    const result = toProductInput(draftOf(product, 2), 2);
    expect(result.input).toEqual({
      title: 'Oolong tea',
      description: 'Roasted',
      category: 'tea',
      images: ['https://img.test/1.jpg', 'https://img.test/2.jpg'],
      commissionRateBps: 1050,
      leaderRateBps: 300,
      repurchase: true,
      variants: [{ id: 'v1', sku: 'OOL-100', title: '100 g', price: 4990 }],
    });
  });

  it('names every field it cannot read by the API’s path', () => {
    const draft: ProductDraft = {
      ...emptyDraft(),
      title: 'Bad',
      commissionPercent: '100.01',
      leaderPercent: 'five',
      variants: [
        { ...newVariantDraft(), sku: 'A', price: '12.345', stock: '3' },
        { ...newVariantDraft(), sku: 'B', price: '5', stock: '-1' },
        { ...newVariantDraft(), sku: 'C', price: '', stock: 'many' },
      ],
    };
    const result = toProductInput(draft, 2);
    expect(result.input).toBeNull();
    expect(paths(result).sort()).toEqual(
      [
        '/commissionRateBps',
        '/leaderRateBps',
        '/variants/0/price',
        '/variants/1/stock',
        '/variants/2/price',
        '/variants/2/stock',
      ].sort(),
    );
  });
});
