#include "database.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>
#include <QVariant>
#include <algorithm>

namespace dpp::store {

namespace {
Error dbError(const QString& message)
{
    return Error{QStringLiteral("db"), message, QStringLiteral("database_error")};
}

bool isPostgresUrl(const QString& location)
{
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}
} // namespace

QString Database::defaultLocation()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return dir + QStringLiteral("/dpp.sqlite");
}

QString Database::now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Database::Database(Engine engine, QString location, QString connectionName)
    : m_engine(engine), m_location(std::move(location)), m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::shared_ptr<Database>> Database::open(const QString& requested)
{
    const QString location = requested.isEmpty() ? defaultLocation() : requested;
    const QString name =
        QStringLiteral("dpp-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::shared_ptr<Database> result;
    if (isPostgresUrl(location)) {
        const QUrl url(location, QUrl::StrictMode);
        const QString dbName = url.path().mid(1);
        if (!url.isValid() || url.host().isEmpty() || dbName.isEmpty() || dbName.contains(u'/'))
            return dbError(
                QStringLiteral("expected postgresql://user[:password]@host[:port]/database"));
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return dbError(
                QStringLiteral("the Qt PostgreSQL driver (libqt6sql6-psql) is not installed"));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setDatabaseName(dbName);
        db.setUserName(url.userName());
        db.setPassword(url.password());
        // Query options such as sslmode=require are passed through to libpq.
        QStringList options;
        for (const auto& [key, value] : QUrlQuery(url).queryItems())
            options.append(key + u'=' + value);
        db.setConnectOptions(options.join(u';'));
        result.reset(new Database(Engine::Postgres, location, name));
    } else {
        const QString path =
            location.startsWith(QLatin1String("file://")) ? QUrl(location).toLocalFile() : location;
        const QFileInfo info(path);
        if (info.exists() && info.isDir())
            return dbError(QStringLiteral("%1 is a folder, not a database file").arg(path));
        if (!QDir().mkpath(info.absolutePath()))
            return dbError(QStringLiteral("cannot create folder %1").arg(info.absolutePath()));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(info.absoluteFilePath());
        // Wait for a writer in another process instead of failing at once.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        result.reset(new Database(Engine::Sqlite, info.absoluteFilePath(), name));
    }
    QSqlDatabase db = result->connection();
    if (!db.open()) {
        const QString message = db.lastError().text();
        return dbError(QStringLiteral("cannot open %1: %2")
                           .arg(result->engine() == Engine::Postgres
                                    ? QStringLiteral("PostgreSQL database")
                                    : result->location(),
                                message));
    }
    if (Status s = result->configure(); !s.ok())
        return s.error();
    if (Status s = result->migrate(); !s.ok())
        return s.error();
    return result;
}

Status Database::configure()
{
    if (m_engine != Engine::Sqlite)
        return Ok{};
    // WAL: readers never block the writer and a crash mid-write leaves the last
    // committed state. synchronous=NORMAL is durable across process crashes in
    // WAL mode. Foreign keys are off by default in SQLite.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON",
                               "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=10000"}) {
        QSqlQuery q(connection());
        // Switching a brand-new file to WAL needs the file to itself; SQLite answers
        // "database is locked" at once (without its busy handler) while another process
        // is opening the same new store, so that case waits here as the busy timeout would.
        QDeadlineTimer patience(10000);
        bool done = q.exec(QString::fromLatin1(pragma));
        while (!done && q.lastError().text().contains(QLatin1String("locked")) &&
               !patience.hasExpired()) {
            QThread::msleep(20);
            done = q.exec(QString::fromLatin1(pragma));
        }
        if (!done)
            return dbError(
                QStringLiteral("%1 failed: %2").arg(QLatin1String(pragma), q.lastError().text()));
    }
    return Ok{};
}

QList<std::pair<int, QString>> Database::migrations()
{
    QList<std::pair<int, QString>> out;
    static const QRegularExpression name(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    QDirIterator it(QStringLiteral(":/store/migrations"));
    while (it.hasNext()) {
        const QString path = it.next();
        const auto m = name.match(QFileInfo(path).fileName());
        if (m.hasMatch())
            out.append({m.captured(1).toInt(), path});
    }
    std::sort(out.begin(), out.end());
    return out;
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Status Database::migrate()
{
    // Several processes may open a new store at once (servers starting side by
    // side). On PostgreSQL a session advisory lock lets one of them migrate
    // while the others wait; SQLite serialises through its write lock
    // (BEGIN IMMEDIATE) and CREATE TABLE IF NOT EXISTS.
    const bool postgres = m_engine == Engine::Postgres;
    if (postgres) {
        QSqlQuery lock(connection());
        if (!lock.exec(QStringLiteral("SELECT pg_advisory_lock(4242001)")))
            return dbError(
                QStringLiteral("cannot lock for migrations: %1").arg(lock.lastError().text()));
    }
    const Status s = applyMigrations();
    if (postgres) {
        QSqlQuery unlock(connection());
        unlock.exec(QStringLiteral("SELECT pg_advisory_unlock(4242001)"));
    }
    return s;
}

Status Database::applyMigrations()
{
    // Checked first rather than relying on IF NOT EXISTS alone, which makes
    // PostgreSQL print a NOTICE on every start.
    if (!connection().tables().contains(QStringLiteral("schema_migrations"))) {
        QSqlQuery q(connection());
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                                   "PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")))
            return dbError(
                QStringLiteral("cannot create schema_migrations: %1").arg(q.lastError().text()));
    }
    for (const auto& [version, path] : migrations()) {
        const Status applied = transaction([&, version = version, path = path]() -> Status {
            QSqlQuery check =
                prepare(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = :v"));
            check.bindValue(QStringLiteral(":v"), version);
            if (Status s = exec(check); !s.ok())
                return s;
            if (check.next())
                return Ok{};
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return dbError(QStringLiteral("cannot read migration %1").arg(path));
            QString sql = QString::fromUtf8(file.readAll());
            const bool pg = m_engine == Engine::Postgres;
            sql.replace(QStringLiteral("{{BLOB}}"),
                        pg ? QStringLiteral("BYTEA") : QStringLiteral("BLOB"));
            // A database-assigned, never reused, increasing key.
            sql.replace(QStringLiteral("{{SEQ_PK}}"),
                        pg ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                           : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"));
            // Drop comment lines, then split at semicolons that end a line.
            QStringList lines;
            for (const QString& line : sql.split(u'\n'))
                if (!line.trimmed().startsWith(QLatin1String("--")))
                    lines.append(line);
            const QStringList statements = lines.join(u'\n').split(
                QRegularExpression(QStringLiteral(";\\s*(\\n|$)")), Qt::SkipEmptyParts);
            for (const QString& statement : statements) {
                if (statement.trimmed().isEmpty())
                    continue;
                QSqlQuery ddl(connection());
                if (!ddl.exec(statement))
                    return dbError(QStringLiteral("migration %1 failed: %2 in: %3")
                                       .arg(version)
                                       .arg(ddl.lastError().text(), statement.trimmed().left(80)));
            }
            QSqlQuery record = prepare(QStringLiteral(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)"));
            record.bindValue(QStringLiteral(":v"), version);
            record.bindValue(QStringLiteral(":n"), QFileInfo(path).fileName());
            record.bindValue(QStringLiteral(":t"), now());
            return exec(record);
        });
        if (!applied.ok())
            return applied;
    }
    return Ok{};
}

QSqlQuery Database::prepare(const QString& sql) const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    return q;
}

Status Database::exec(QSqlQuery& query)
{
    if (!query.exec())
        return dbError(query.lastError().text());
    return Ok{};
}

namespace {
// SQLite: BEGIN IMMEDIATE takes the write lock up front (waiting up to the
// busy timeout). A plain BEGIN starts as a reader, and in WAL mode a reader
// that wants to write after another process committed fails at once with
// SQLITE_BUSY, busy timeout or not. PostgreSQL: the driver's own BEGIN.
bool sqliteExec(const QSqlDatabase& db, const char* sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(QString::fromLatin1(sql)))
        return true;
    *error = q.lastError().text();
    return false;
}
} // namespace

Status Database::transaction(const std::function<Status()>& work)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status s = work();
        --m_transactionDepth;
        return s;
    }
    QSqlDatabase db = connection();
    const bool sqlite = m_engine == Engine::Sqlite;
    QString error;
    if (sqlite ? !sqliteExec(db, "BEGIN IMMEDIATE", &error) : !db.transaction())
        return dbError(QStringLiteral("cannot start a transaction: %1")
                           .arg(sqlite ? error : db.lastError().text()));
    m_transactionDepth = 1;
    Status s = work();
    m_transactionDepth = 0;
    auto rollback = [&] {
        if (sqlite)
            sqliteExec(db, "ROLLBACK", &error);
        else
            db.rollback();
    };
    if (!s.ok()) {
        rollback();
        return s;
    }
    if (sqlite ? !sqliteExec(db, "COMMIT", &error) : !db.commit()) {
        const QString message = sqlite ? error : db.lastError().text();
        rollback();
        return dbError(QStringLiteral("commit failed: %1").arg(message));
    }
    return Ok{};
}

} // namespace dpp::store
