-- The change journal: one row per change of a tenant's record, written in the same
-- transaction as the change (see core/store/changejournal.h). The desktop's sync
-- engine pushes from it (the outbox) and the server's webhook dispatcher turns it
-- into events. seq is assigned by the database; writers hold a lock until commit
-- (advisory lock on PostgreSQL, the write lock on SQLite), so seq order is commit
-- order and a reader's "after seq" cursor never skips a late commit.
CREATE TABLE change_journal (
    seq {{SEQ_PK}},
    tenant_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL,
    origin TEXT NOT NULL,
    data TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX change_journal_tenant ON change_journal (tenant_id, seq);
CREATE INDEX change_journal_entity ON change_journal (tenant_id, entity, entity_id, seq);
