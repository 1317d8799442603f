-- The desktop product list sorts a tenant's products by name, SKU or last
-- change and filters them by status; these indexes keep the first page of a
-- 100,000-product store an index walk instead of a sort of the whole table.
CREATE INDEX products_tenant_status_gtin ON products (tenant_id, status, gtin);
CREATE INDEX products_tenant_name ON products (tenant_id, name_en);
CREATE INDEX products_tenant_sku ON products (tenant_id, sku);
CREATE INDEX products_tenant_updated ON products (tenant_id, updated_at);
