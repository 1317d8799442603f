// Database: one open store, SQLite file or PostgreSQL server, behind Qt Sql.
// Opening applies the versioned migrations under :/store/migrations (the same
// SQL for both engines), each in its own transaction and recorded in the
// schema_migrations table. Repositories take a Database and a tenant id.
//
// A Database (like its QSqlDatabase connection) belongs to the thread that
// opened it.
#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <functional>
#include <memory>

namespace dpp::store {

class Database
{
public:
    enum class Engine { Sqlite, Postgres };

    // `location`: a file path, a postgresql:// (or postgres://) URL such as
    // postgresql://user:secret@host:5432/db, or empty for defaultLocation().
    static Result<std::shared_ptr<Database>> open(const QString& location);

    // <AppDataLocation>/dpp.sqlite, e.g. ~/.local/share/DPP Studio/dppctl/dpp.sqlite.
    static QString defaultLocation();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Engine engine() const { return m_engine; }
    QString location() const { return m_location; }
    QSqlDatabase connection() const;

    // Highest applied migration version.
    int schemaVersion() const;
    // Migration files known to this build, by version.
    static QList<std::pair<int, QString>> migrations();

    // Prepared statement on this connection; bind values with :name.
    QSqlQuery prepare(const QString& sql) const;
    // Runs `query` (prepared); on failure returns an Error with the driver text.
    static Status exec(QSqlQuery& query);

    // Runs `work` in one transaction: commit when it returns ok, roll back
    // otherwise (and when commit fails). Nested calls join the outer one.
    Status transaction(const std::function<Status()>& work);

    // Current UTC time as stored (ISO 8601 with milliseconds and Z).
    static QString now();

    // Who makes the changes on this connection, written with each change-journal
    // entry (ChangeJournal): "local" by default; the sync engine sets "sync" while
    // it applies the server's versions so that they are not pushed back.
    QString journalOrigin() const { return m_journalOrigin; }
    void setJournalOrigin(const QString& origin) { m_journalOrigin = origin; }

private:
    Database(Engine engine, QString location, QString connectionName);
    Status configure();
    Status migrate();
    Status applyMigrations();

    Engine m_engine;
    QString m_location;
    QString m_connectionName;
    int m_transactionDepth = 0;
    QString m_journalOrigin = QStringLiteral("local");
};

} // namespace dpp::store
