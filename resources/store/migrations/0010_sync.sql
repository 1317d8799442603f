-- Sync of a desktop store to a hosted dppserver (core/sync/syncengine.h). Per server
-- URL and local tenant: the journal cursor (the last change-journal seq the server
-- acknowledged) and this store's id, from which every request's Idempotency-Key is
-- derived, so a retry after a crash repeats the same key.
CREATE TABLE sync_state (
    server_url TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    store_id TEXT NOT NULL,
    cursor_seq BIGINT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (server_url, tenant_id)
);
-- Local record id <-> the server's id, with the last ETag the server sent for it.
CREATE TABLE sync_map (
    server_url TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    local_id TEXT NOT NULL,
    remote_id TEXT NOT NULL,
    etag TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (server_url, tenant_id, entity, local_id)
);
-- A 412 from the server: both versions, kept until the user chooses.
-- status: open | kept_mine | took_theirs.
CREATE TABLE sync_conflicts (
    id TEXT PRIMARY KEY,
    server_url TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    local_id TEXT NOT NULL,
    label TEXT NOT NULL,
    seq BIGINT NOT NULL,
    mine TEXT NOT NULL,
    theirs TEXT NOT NULL,
    theirs_etag TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX sync_conflicts_open ON sync_conflicts (server_url, tenant_id, status);
-- A change the server refused (4xx other than 412): reported, not retried.
CREATE TABLE sync_errors (
    id {{SEQ_PK}},
    server_url TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    entity TEXT NOT NULL,
    local_id TEXT NOT NULL,
    status INTEGER NOT NULL,
    code TEXT NOT NULL,
    param TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL
);
-- Scan analytics pulled from the server for the local products (the desktop shows them).
CREATE TABLE product_analytics (
    tenant_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    gtin TEXT NOT NULL,
    scans BIGINT NOT NULL,
    data TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, product_id)
);
