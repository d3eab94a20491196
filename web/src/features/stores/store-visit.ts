const KEY = 'fission.store';

/**
 * The micro-store the buyer is shopping in, for this tab only. Orders placed afterwards carry its
 * slug (`storeSlug`), which credits the shopkeeper; the server ignores a slug it does not know.
 */
export const storeVisit = {
  remember: (slug: string) => sessionStorage.setItem(KEY, slug),
  current: (): string | undefined => sessionStorage.getItem(KEY) ?? undefined,
};
