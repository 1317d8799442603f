-- Scan events and their rollups (scan analytics). Events carry no client address, no
-- full user agent or referrer URL and no lot/serial: see core/analytics/scanevent.h.
-- No foreign keys: an event must never fail to store because its product was removed
-- meanwhile, and every query is tenant-scoped anyway.

CREATE TABLE scan_events (
    tenant_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    gtin TEXT NOT NULL,
    key_level TEXT NOT NULL,
    link_type TEXT,
    scanned_at TEXT NOT NULL,
    day TEXT NOT NULL,
    country TEXT,
    region TEXT,
    city TEXT,
    device TEXT NOT NULL,
    os TEXT NOT NULL,
    browser TEXT NOT NULL,
    referrer_host TEXT
);
CREATE INDEX scan_events_product_time ON scan_events (tenant_id, product_id, scanned_at);

-- Per product per UTC day, one row per (dimension, value): dimension is total (value ''),
-- country, device, referrer, os, browser, key_level or link_type; '' = unknown/none.
-- Updated in the same transaction as the events it counts.
CREATE TABLE scan_rollup_daily (
    tenant_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    dimension TEXT NOT NULL,
    day TEXT NOT NULL,
    value TEXT NOT NULL,
    scans BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, product_id, dimension, day, value)
);
-- Covering (scans included): a report reads only this index, never the table rows.
CREATE INDEX scan_rollup_daily_report ON scan_rollup_daily (tenant_id, product_id, dimension, day, value, scans);
CREATE INDEX scan_rollup_daily_tenant ON scan_rollup_daily (tenant_id, dimension, day, value, scans);

-- The same per calendar month (month = its first day), so long periods read a dozen
-- month rows per value instead of hundreds of day rows.
CREATE TABLE scan_rollup_monthly (
    tenant_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    dimension TEXT NOT NULL,
    month TEXT NOT NULL,
    value TEXT NOT NULL,
    scans BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, product_id, dimension, month, value)
);
CREATE INDEX scan_rollup_monthly_report ON scan_rollup_monthly (tenant_id, product_id, dimension, month, value, scans);

-- Per product per UTC day by country and device together, so tenant-level questions can
-- filter by country and still break down by device, time and product.
CREATE TABLE scan_rollup_geo (
    tenant_id TEXT NOT NULL,
    day TEXT NOT NULL,
    product_id TEXT NOT NULL,
    country TEXT NOT NULL,
    device TEXT NOT NULL,
    scans BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, day, product_id, country, device)
);
CREATE INDEX scan_rollup_geo_report ON scan_rollup_geo (tenant_id, day, product_id, country, device, scans);
