export interface Variant {
  id: string;
  sku: string;
  title: string;
  price: number;
  stock: number;
}

export interface Product {
  id: string;
  title: string;
  description: string;
  images: string[];
  category: string | null;
  status: 'active' | 'archived';
  commissionRateBps: number | null;
  variants: Variant[];
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Category {
  slug: string;
  products: number;
}
