-- REST API extras (issue #5): supplier links per product, a per-key rate limit, and the
-- audit trail of serial batch changes. Same portable SQL as 0001.

-- Which supplier delivers what for a product; one row per (product, supplier).
CREATE TABLE product_suppliers (
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    supplier_id TEXT NOT NULL REFERENCES suppliers(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (product_id, supplier_id)
);
CREATE INDEX product_suppliers_supplier ON product_suppliers (supplier_id);

-- Requests per minute for this key; NULL = the server's default.
ALTER TABLE api_keys ADD COLUMN rate_limit_per_minute INTEGER;

-- Who changed which serial batch how (creation, assignment, deletion). Rows outlive the
-- batch on purpose: the trail of a deleted batch is what an auditor asks for.
CREATE TABLE serial_audit (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    batch_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    actor TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX serial_audit_batch ON serial_audit (tenant_id, batch_id, created_at);
