-- Resolver links, version 4: device rules, the product a link belongs to, and an
-- index for the resolver's cross-tenant lookup by GTIN (the resolver does not know
-- the tenant: the GTIN in the Digital Link is the key).
ALTER TABLE resolver_links ADD COLUMN device TEXT NOT NULL DEFAULT 'any';
ALTER TABLE resolver_links ADD COLUMN product_id TEXT;
ALTER TABLE resolver_links ADD COLUMN updated_at TEXT;
CREATE INDEX links_by_gtin ON resolver_links (gtin);
