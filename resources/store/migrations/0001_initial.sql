-- DPP Studio store, version 1. The same file runs on SQLite and PostgreSQL:
-- portable types only (TEXT, INTEGER, BIGINT), timestamps as UTC ISO 8601 text,
-- JSON as text, booleans as 0/1; {{BLOB}} becomes BLOB or BYTEA.
-- Statements are separated by a semicolon at the end of a line.

CREATE TABLE tenants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    gcps TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (tenant_id, email)
);

CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    display_prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    test INTEGER NOT NULL,
    expires_at TEXT,
    revoked INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE products (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    gtin TEXT NOT NULL,
    category TEXT,
    status TEXT NOT NULL,
    name_en TEXT,
    brand TEXT,
    sku TEXT,
    batch_lot TEXT,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (tenant_id, gtin)
);
CREATE INDEX products_tenant_category ON products (tenant_id, category);

CREATE TABLE passport_versions (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    published_at TEXT,
    UNIQUE (product_id, version)
);
-- At most one published version per product, enforced by the database itself.
CREATE UNIQUE INDEX passport_one_published ON passport_versions (product_id) WHERE status = 'published';

CREATE TABLE suppliers (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    country TEXT,
    role TEXT NOT NULL,
    gln TEXT,
    vat_number TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE document_blobs (
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    bytes {{BLOB}} NOT NULL,
    PRIMARY KEY (tenant_id, sha256)
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    product_id TEXT REFERENCES products(id) ON DELETE CASCADE,
    doc_type TEXT NOT NULL,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    FOREIGN KEY (tenant_id, sha256) REFERENCES document_blobs (tenant_id, sha256)
);

CREATE TABLE serial_batches (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    lot TEXT,
    mode TEXT NOT NULL,
    prefix TEXT,
    start_number BIGINT NOT NULL,
    count INTEGER NOT NULL,
    width INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE serials (
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    batch_id TEXT NOT NULL REFERENCES serial_batches(id) ON DELETE CASCADE,
    serial TEXT NOT NULL,
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (product_id, serial)
);
CREATE INDEX serials_batch ON serials (batch_id, state);

CREATE TABLE battery_units (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    unique_identifier TEXT NOT NULL,
    serial_number TEXT,
    lot TEXT,
    manufacturing_date TEXT,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (tenant_id, unique_identifier)
);

CREATE TABLE battery_soh_readings (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    unit_id TEXT NOT NULL REFERENCES battery_units(id) ON DELETE CASCADE,
    measured_at TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX soh_unit_time ON battery_soh_readings (unit_id, measured_at);

CREATE TABLE battery_events (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    unit_id TEXT NOT NULL REFERENCES battery_units(id) ON DELETE CASCADE,
    occurred_at TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    description TEXT
);
CREATE INDEX events_unit_time ON battery_events (unit_id, occurred_at, seq);

CREATE TABLE epr_registrations (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    member_state TEXT NOT NULL,
    regime TEXT NOT NULL,
    registration_number TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (tenant_id, member_state, regime)
);

CREATE TABLE resolver_links (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    gtin TEXT NOT NULL,
    level TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    link_type TEXT NOT NULL,
    href TEXT NOT NULL,
    title TEXT NOT NULL,
    media_type TEXT,
    languages TEXT NOT NULL,
    context TEXT,
    is_default INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX links_key ON resolver_links (tenant_id, gtin, level, qualifier);
-- One default link per key (GTIN, GTIN + lot, GTIN + serial).
CREATE UNIQUE INDEX links_one_default ON resolver_links (tenant_id, gtin, level, qualifier) WHERE is_default = 1;
