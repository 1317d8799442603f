#include "journalhead.h"

namespace dpp::store {

Result<qint64> JournalHead::read()
{
    // Prepared once: parsing the statement cost more than running it (an index seek).
    if (!m_query) {
        m_query = m_db.prepare(QStringLiteral("SELECT MAX(seq) FROM change_journal"));
        m_query->setForwardOnly(true);
    }
    if (Status s = Database::exec(*m_query); !s.ok()) {
        m_query.reset(); // prepared again next time
        return s.error();
    }
    const qint64 head = m_query->next() ? m_query->value(0).toLongLong() : 0;
    // Done with the row: an unfinished statement would keep SQLite's read snapshot
    // (and so the WAL) pinned until the next request.
    m_query->finish();
    return head;
}

} // namespace dpp::store
