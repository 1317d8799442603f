// JournalHead: the change journal's newest seq, read through one statement prepared once.
// Caches that must notice any process's writes at once check it per use (Resolver).
#pragma once

#include "database.h"

#include <optional>

namespace dpp::store {

class JournalHead
{
public:
    /// `db` must outlive this object; use it on the thread that owns `db`.
    explicit JournalHead(const Database& db) : m_db(db) {}

    /// MAX(seq) of change_journal (0 when empty). Every repository write that a reader may
    /// cache writes a journal row in its own transaction, and seq only grows (on PostgreSQL
    /// the journal's advisory lock makes seq order commit order), so an unchanged head
    /// means no such write was committed by any process since it was last read.
    Result<qint64> read();

private:
    const Database& m_db;
    std::optional<QSqlQuery> m_query;
};

} // namespace dpp::store
