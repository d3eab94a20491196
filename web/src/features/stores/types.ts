import type { Product } from '../catalog';

export interface Store {
  id: string;
  slug: string;
  name: string;
  logo: string | null;
  intro: string | null;
  ownerId: string;
  createdAt: string;
}

/** The public page: the store with its owner's name and the products it lists. */
export interface StorePage {
  id: string;
  slug: string;
  name: string;
  logo: string | null;
  intro: string | null;
  owner: { id: string; name: string };
  products: Product[];
}

export interface StoreInput {
  name: string;
  slug: string;
  logo: string | null;
  intro: string | null;
}

export const isShopkeeper = (roles: readonly string[] | undefined) => Boolean(roles?.includes('shopkeeper'));
