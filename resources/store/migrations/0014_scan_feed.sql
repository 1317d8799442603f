-- The shared live scan feed (issue 9, SSE across processes): every scan the writer stores
-- gets one row here in the same transaction as its scan_events row, so every dppserver
-- process on the store streams every process's scans (core/store/scanfeed.h). seq is the
-- event id clients see; writers hold an advisory lock on PostgreSQL until commit, so seq
-- order is commit order and a reader's cursor never skips a late commit.
-- payload is the event's JSON as streamed (never the client address).
CREATE TABLE scan_feed (
    seq {{SEQ_PK}},
    tenant_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX scan_feed_tenant ON scan_feed (tenant_id, seq);

-- Per tenant, the highest seq pruned from scan_feed: a Last-Event-ID below it missed
-- events (the stream says `event: reset`), one at or above it did not.
CREATE TABLE scan_feed_pruned (
    tenant_id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL
);
