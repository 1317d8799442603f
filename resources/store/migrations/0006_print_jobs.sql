-- Label print jobs against a serial batch: the audit trail of every print and
-- reprint, and the resume point (the last serial handed to the printer).
CREATE TABLE print_jobs (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    batch_id TEXT REFERENCES serial_batches(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    target TEXT NOT NULL,
    requested TEXT,
    first_serial TEXT,
    last_serial TEXT,
    labels_sent BIGINT NOT NULL,
    status TEXT NOT NULL,
    message TEXT,
    actor TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX print_jobs_batch ON print_jobs (tenant_id, batch_id, created_at);
