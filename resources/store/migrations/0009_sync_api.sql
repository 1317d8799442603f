-- The server side of sync (issue #9) and the REST API gaps (issue #5): row versions for
-- ETag/If-Match, stored answers for Idempotency-Key, and the supplier a supplier-role user
-- acts for. Same portable SQL as 0001.

-- Incremented by the same UPDATE that changes the row; sent as the ETag and "version".
ALTER TABLE products ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE suppliers ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE resolver_links ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE battery_units ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE serial_batches ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1;

-- The first answer to a mutating request sent with an Idempotency-Key, per tenant and
-- principal (API key, session or OAuth token id). status is NULL while the first request
-- runs; a second one with the key then gets 409. Rows live 24 hours (expires_at).
CREATE TABLE idempotency_keys (
    tenant_id TEXT NOT NULL,
    principal_id TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    status INTEGER,
    headers TEXT,
    body {{BLOB}},
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, principal_id, idem_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

-- A user with the role "supplier" sees and edits only the products linked to this
-- supplier (product_suppliers). NULL for every other role.
ALTER TABLE users ADD COLUMN supplier_id TEXT REFERENCES suppliers(id) ON DELETE SET NULL;
