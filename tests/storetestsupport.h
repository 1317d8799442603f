// Test databases for the store suites: a fresh SQLite file in a temporary
// folder, or a fresh database on the PostgreSQL server tests/services/postgres.sh
// started (DPP_TEST_PG_URL). Every repository suite runs once per backend.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>
#include <memory>
#include <store/database.h>
#include <store/tenantrepository.h>

namespace dpp::test {

class TestDatabase
{
public:
    explicit TestDatabase(QString backend) : m_backend(std::move(backend)) {}
    ~TestDatabase() { drop(); }

    bool isPostgres() const { return m_backend == QLatin1String("postgresql"); }
    static QString pgUrl() { return qEnvironmentVariable("DPP_TEST_PG_URL"); }

    // A location (file path or URL) for a brand-new empty store; empty string
    // and a message in `why` when the backend is not available.
    QString create(QString* why)
    {
        drop();
        if (!isPostgres()) {
            m_dir = std::make_unique<QTemporaryDir>();
            return m_dir->filePath(QStringLiteral("store.sqlite"));
        }
        if (pgUrl().isEmpty()) {
            *why = QStringLiteral("DPP_TEST_PG_URL is not set (tests/run-tests.sh starts a "
                                  "PostgreSQL server through tests/services/postgres.sh)");
            return {};
        }
        m_name = QStringLiteral("dpp_t_") + QUuid::createUuid().toString(QUuid::Id128);
        if (!admin(QStringLiteral("CREATE DATABASE ") + m_name, why))
            return {};
        QUrl url(pgUrl());
        url.setPath(u'/' + m_name);
        return url.toString();
    }

    void drop()
    {
        if (!m_name.isEmpty()) {
            QString ignored;
            admin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name), &ignored);
            m_name.clear();
        }
        m_dir.reset();
    }

    // Runs `sql` on the store at `location` without going through Database
    // (so without migrations): for setting up broken or old states.
    static bool rawExec(const QString& location, const QString& sql, QString* why)
    {
        const QString connection = QStringLiteral("raw-") + QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase db;
            if (location.startsWith(QLatin1String("postgresql://"))) {
                const QUrl url(location);
                db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
                db.setHostName(url.host());
                db.setPort(url.port(5432));
                db.setUserName(url.userName());
                db.setDatabaseName(url.path().mid(1));
            } else {
                db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(location);
            }
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql);
                if (!ok)
                    *why = q.lastError().text();
            } else {
                *why = db.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }

private:
    bool admin(const QString& sql, QString* why)
    {
        const QString connection = QStringLiteral("admin-") + QUuid::createUuid().toString();
        bool ok = false;
        {
            const QUrl url(pgUrl());
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setDatabaseName(url.path().mid(1));
            if (!db.open()) {
                *why = db.lastError().text();
            } else {
                QSqlQuery q(db);
                ok = q.exec(sql);
                if (!ok)
                    *why = q.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }

    QString m_backend;
    QString m_name;
    std::unique_ptr<QTemporaryDir> m_dir;
};

// Runs `Suite` once per backend; returns non-zero when any run failed.
template <typename Suite> int runOnEveryBackend(int argc, char** argv)
{
    int rc = 0;
    for (const char* backend : {"sqlite", "postgresql"}) {
        Suite suite{QString::fromLatin1(backend)};
        rc |= QTest::qExec(&suite, argc, argv);
    }
    return rc;
}

// The fixture the server suites share: a brand-new store with two tenants, "Acme" (A) and
// "Other" (B), so that every suite can check that B never sees A's data.
struct TwoTenantStore
{
    QString location;
    std::shared_ptr<store::Database> db;
    QString tenantA;
    QString tenantB;
    QString error; // why db is null after open()

    // Returns a reason to skip (backend not available), else an empty string; on a
    // failure db stays null and `error` says why.
    QString open(TestDatabase& backend)
    {
        QString why;
        location = backend.create(&why);
        if (location.isEmpty())
            return why;
        auto opened = store::Database::open(location);
        if (!opened.ok()) {
            error = opened.error().message;
            return {};
        }
        store::TenantRepository tenants(**opened);
        auto a = tenants.create(QStringLiteral("Acme"), {});
        auto b = tenants.create(QStringLiteral("Other"), {});
        if (!a.ok() || !b.ok()) {
            error = QStringLiteral("cannot create the two tenants");
            return {};
        }
        tenantA = a->id;
        tenantB = b->id;
        db = *opened;
        return {};
    }
};

} // namespace dpp::test
