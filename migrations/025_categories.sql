-- Catalog: categories as managed entities (display names in English and Simplified Chinese, an
-- icon, an order). Products keep their `category` slug, so filters by slug keep working; the
-- foreign key makes every slug a product uses a managed category, and refuses deleting one in use.
CREATE TABLE categories (
  slug        text PRIMARY KEY CHECK (slug <> '' AND slug = lower(slug)),
  name_en     text        NOT NULL CHECK (name_en <> ''),
  name_zh_cn  text        NOT NULL CHECK (name_zh_cn <> ''),
  -- A name from the web's fixed set of inline icons (CATEGORY_ICONS in src/modules/catalog/category-rules.ts).
  icon        text        NOT NULL DEFAULT 'tag',
  position    integer     NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX categories_position ON categories (position, slug);

-- The slugs products use today become categories named by their capitalised slug ("home-kitchen"
-- → "Home kitchen") in both languages, in alphabetical order, so existing data keeps working.
INSERT INTO categories (slug, name_en, name_zh_cn, icon, position, created_at, updated_at)
SELECT slug, name, name, 'tag', (row_number() OVER (ORDER BY slug))::integer - 1, now(), now()
FROM (
  SELECT DISTINCT category AS slug,
         upper(left(category, 1)) || substr(replace(category, '-', ' '), 2) AS name
  FROM products WHERE category IS NOT NULL
) used;

ALTER TABLE products
  ADD CONSTRAINT products_category_fkey FOREIGN KEY (category) REFERENCES categories (slug);
