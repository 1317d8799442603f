-- Outbound webhooks (subscriptions, a persistent delivery queue, the dispatcher's journal
-- cursor), inbound webhook sources (ingest secret + field mapping per tenant and source)
-- and per-product scan thresholds (issue 9). See core/server/webhookdispatcher.h.

-- The secret signs deliveries, so it is stored as given (it must be recoverable); it is
-- shown to the user once, in the create answer.
CREATE TABLE webhook_subscriptions (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    description TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    failure_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX webhook_subscriptions_tenant ON webhook_subscriptions (tenant_id, created_at);

-- One row per (subscription, event): the unique key is what lets several dppserver
-- processes turn the same journal entries into deliveries without sending twice. A sender
-- claims a row by moving locked_until forward with a conditional UPDATE.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    locked_until TEXT,
    last_status INTEGER,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    delivered_at TEXT,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at);

-- Last change_journal seq turned into deliveries (one row, name 'outbound').
CREATE TABLE webhook_cursor (
    name TEXT PRIMARY KEY,
    seq BIGINT NOT NULL
);

-- Inbound webhooks: the shared secret a PIM signs with and the tenant's field mapping.
CREATE TABLE webhook_ingest_sources (
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    secret TEXT,
    mapping TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, source)
);

-- Per-product scan thresholds (JSON array of counts; no row = the defaults) and the
-- thresholds already fired, so each fires exactly once.
CREATE TABLE scan_thresholds (
    tenant_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    thresholds TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, product_id)
);
CREATE TABLE scan_thresholds_fired (
    tenant_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    threshold BIGINT NOT NULL,
    fired_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, product_id, threshold)
);
