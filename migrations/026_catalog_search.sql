-- Catalog search: full-text search weighted title over description, trigram similarity for typos,
-- and CJK text made searchable on any locale.
--
-- Why CJK grams: PostgreSQL has no Chinese parser. Its default parser keeps a run of CJK characters
-- as one word ("西湖龙井绿茶"), so a search for "龙井" would never match it; and pg_trgm treats CJK
-- characters as word characters only when the database's ctype classifies them as letters (C.UTF-8
-- and PGlite do; a plain C locale does not, and then drops them). So each CJK run is indexed as its
-- single characters and overlapping pairs ("西 湖 龙 井 西湖 湖龙 龙井"), derived here in SQL rather
-- than in the app so the generated column stays right for every writer and for rows that existed
-- before this migration; a query is turned into grams by the same function, and every gram must match.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION catalog_cjk_grams(body text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT coalesce(string_agg(gram, ' '), '')
  FROM regexp_matches(body, '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+', 'g') AS run (m),
    LATERAL (
      SELECT substr(m[1], i, 1) FROM generate_series(1, char_length(m[1])) AS i
      UNION ALL
      SELECT substr(m[1], i, 2) FROM generate_series(1, char_length(m[1]) - 1) AS i
    ) AS grams (gram)
$$;

-- Weights: A title, C description ('english' stems "teas" to "tea"; 'simple' keeps CJK grams as they are).
ALTER TABLE products ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', title), 'A')
  || setweight(to_tsvector('simple', catalog_cjk_grams(title)), 'A')
  || setweight(to_tsvector('english', description), 'C')
  || setweight(to_tsvector('simple', catalog_cjk_grams(description)), 'C')
) STORED;

CREATE INDEX products_search ON products USING gin (search);
-- Serves the typo arm (word_similarity on titles) and substring matches (ILIKE) of title and description.
CREATE INDEX products_title_trgm ON products USING gin (title gin_trgm_ops);
CREATE INDEX products_description_trgm ON products USING gin (description gin_trgm_ops);
-- Units taken by checkouts, for "popular": only the kinds orders write.
CREATE INDEX stock_movements_orders ON stock_movements (variant_id) INCLUDE (delta)
  WHERE kind IN ('sold', 'released', 'returned');
