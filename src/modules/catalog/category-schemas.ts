import { type Static, Type } from 'typebox';
import { CATEGORY_ICONS } from './category-rules.js';

/** Managed categories' request and response shapes (the one source of their types and the web's). */

export const CategorySlug = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'A category slug, such as "tea" or "home-kitchen"',
});

const Name = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });

/** Display names by interface language; the web shows the one of the reader's language. */
export const CategoryNames = Type.Object(
  { en: Name, 'zh-CN': Name },
  { additionalProperties: false, description: 'The display name in each interface language' },
);

export const CategoryIconSchema = Type.Enum(CATEGORY_ICONS, {
  description: 'One of a fixed set of icons the web draws inline',
});

/** A category as the storefront sees it: `slug` and `products` are what this list always had. */
export const PublicCategory = Type.Object({
  slug: Type.String(),
  products: Type.Integer({ description: 'Active products in this category' }),
  names: CategoryNames,
  icon: CategoryIconSchema,
  position: Type.Integer({ description: 'Its place in the order, from 0' }),
});

export const CategoryList = Type.Object({ items: Type.Array(PublicCategory) });

export const AdminCategory = Type.Object({
  ...PublicCategory.properties,
  allProducts: Type.Integer({
    description: 'Products in this category, archived ones included: a category is deleted only at 0',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export const AdminCategoryList = Type.Object({ items: Type.Array(AdminCategory) });

export const CreateCategoryBody = Type.Object(
  {
    slug: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description: 'Made from the English name when left out; a name is turned into its slug',
      }),
    ),
    names: CategoryNames,
    icon: Type.Optional(CategoryIconSchema),
    position: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000, description: 'Where to insert it; last when left out' }),
    ),
  },
  { additionalProperties: false },
);

export const UpdateCategoryBody = Type.Object(
  {
    names: Type.Optional(CategoryNames),
    icon: Type.Optional(CategoryIconSchema),
    position: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10_000,
        description: 'Its new place; the others keep their order',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ReorderCategoriesBody = Type.Object(
  {
    slugs: Type.Array(CategorySlug, {
      maxItems: 1000,
      description: 'Every category exactly once, in the new order',
    }),
  },
  { additionalProperties: false },
);

export const SlugParams = Type.Object({ slug: CategorySlug });

export type PublicCategory = Static<typeof PublicCategory>;
export type AdminCategory = Static<typeof AdminCategory>;
export type CategoryInput = Static<typeof CreateCategoryBody>;
export type CategoryPatch = Static<typeof UpdateCategoryBody>;
