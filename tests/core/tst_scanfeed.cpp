// ScanFeed, the shared live scan feed, on SQLite and PostgreSQL: rows come back in seq
// order per tenant and for all; an append rolled back with its transaction leaves nothing;
// pruning keeps a bound per tenant and an age, records the per-tenant mark, never drops
// the newest row; and on PostgreSQL a second writer waits for the first to commit, so
// seq order is commit order and a reader's cursor cannot skip a late commit.
#include "storetestsupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSqlQuery>
#include <QThread>
#include <store/scanfeed.h>

using namespace dpp;
using store::ScanFeed;
using store::ScanFeedEntry;

class TestScanFeed : public QObject
{
    Q_OBJECT
public:
    explicit TestScanFeed(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    test::TwoTenantStore m_store;

    static QList<ScanFeedEntry> rows(const QString& tenant, int n, const QString& product = {})
    {
        QList<ScanFeedEntry> out;
        for (int i = 0; i < n; ++i)
            out.append(ScanFeedEntry{0, tenant,
                                     product.isEmpty() ? QStringLiteral("p%1").arg(i) : product,
                                     QByteArray("{\"n\":") + QByteArray::number(i) + '}'});
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_store = test::TwoTenantStore();
        if (const QString skip = m_store.open(m_test); !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(m_store.db, qPrintable(m_store.error));
    }

    void cleanup()
    {
        m_store = test::TwoTenantStore();
        m_test.drop();
    }

    void appendAndReadBack()
    {
        ScanFeed feed(*m_store.db);
        QCOMPARE(*feed.lastSeq(), qint64(0));
        QVERIFY(feed.append(rows(m_store.tenantA, 3)).ok());
        QVERIFY(feed.append(rows(m_store.tenantB, 2)).ok());
        const auto all = feed.after(0, 100);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 5);
        for (int i = 1; i < 5; ++i)
            QVERIFY(all->at(i).seq > all->at(i - 1).seq);
        QCOMPARE(all->at(0).tenantId, m_store.tenantA);
        QCOMPARE(all->at(3).tenantId, m_store.tenantB);
        QCOMPARE(all->at(1).payload, QByteArray("{\"n\":1}"));
        QCOMPARE(*feed.lastSeq(), all->last().seq);
        // After a cursor, with a limit.
        const auto tail = feed.after(all->at(1).seq, 2);
        QCOMPARE(tail->size(), 2);
        QCOMPARE(tail->at(0).seq, all->at(2).seq);
        // One tenant's window, newest first, within (after, upTo].
        const auto w = feed.window(m_store.tenantA, all->at(0).seq, all->last().seq, 10);
        QVERIFY(w.ok());
        QCOMPARE(w->entries.size(), 2);
        QCOMPARE(w->entries.at(0).seq, all->at(2).seq);
        QCOMPARE(w->entries.at(1).seq, all->at(1).seq);
        QCOMPARE(w->prunedUpTo, qint64(0));
    }

    void anAppendRolledBackLeavesNothing()
    {
        ScanFeed feed(*m_store.db);
        const Status s = m_store.db->transaction([&]() -> Status {
            if (Status a = feed.append(rows(m_store.tenantA, 4)); !a.ok())
                return a;
            return Error{QStringLiteral("scans"), QStringLiteral("refused"),
                         QStringLiteral("test")};
        });
        QVERIFY(!s.ok());
        QCOMPARE(feed.after(0, 100)->size(), 0);
    }

    void pruneKeepsABoundPerTenantAndAnAge()
    {
        ScanFeed feed(*m_store.db);
        QVERIFY(feed.append(rows(m_store.tenantA, 6)).ok());
        QVERIFY(feed.append(rows(m_store.tenantB, 3)).ok());
        const qint64 last = *feed.lastSeq();
        QCOMPARE(*feed.prune({m_store.tenantA}, 4, QDateTime()), qint64(2));
        auto a = feed.window(m_store.tenantA, 0, last, 100);
        QCOMPARE(a->entries.size(), 4);
        QVERIFY(a->prunedUpTo > 0 && a->prunedUpTo < a->entries.last().seq);
        const qint64 markA = a->prunedUpTo;
        QCOMPARE(feed.window(m_store.tenantB, 0, last, 100)->entries.size(), 3);
        // Within the bound: nothing goes, the mark stays.
        QCOMPARE(*feed.prune({m_store.tenantA, m_store.tenantB}, 4, QDateTime()), qint64(0));
        QCOMPARE(feed.window(m_store.tenantA, 0, last, 100)->prunedUpTo, markA);
        // Age: all rows are older than a cut in the future, yet the newest stays.
        QCOMPARE(*feed.prune({}, 1000, QDateTime::currentDateTimeUtc().addSecs(60)), qint64(6));
        QCOMPARE(*feed.lastSeq(), last);
        a = feed.window(m_store.tenantA, 0, last, 100);
        QCOMPARE(a->entries.size(), 0);
        QVERIFY(a->prunedUpTo > markA);
        const auto b = feed.window(m_store.tenantB, 0, last, 100);
        QCOMPARE(b->entries.size(), 1);
        QCOMPARE(b->entries.first().seq, last);
        QVERIFY(b->prunedUpTo > 0 && b->prunedUpTo < last);
        // Rows younger than the cut stay.
        QCOMPARE(*feed.prune({}, 1000, QDateTime::currentDateTimeUtc().addSecs(-3600)), qint64(0));
    }

    void seqOrderIsCommitOrder()
    {
        if (!m_test.isPostgres())
            QSKIP("SQLite has one writer at a time: its write lock already orders commits");
        ScanFeed feed(*m_store.db);
        const QString location = m_store.location;
        Status second = Ok{};
        std::unique_ptr<QThread> writer;
        // The first writer appends and has not committed yet...
        const Status first = m_store.db->transaction([&]() -> Status {
            if (Status s = feed.append(rows(m_store.tenantA, 1)); !s.ok())
                return s;
            // ...while a second process's writer appends on its own connection.
            writer.reset(QThread::create([&second, location, tenant = m_store.tenantB] {
                auto db = store::Database::open(location);
                second = db.ok() ? ScanFeed(**db).append(rows(tenant, 1)) : Status(db.error());
            }));
            writer->start();
            // It waits for our advisory lock instead of taking the next seq and committing
            // before us (which a reader's cursor would then step past our row).
            auto watcher = store::Database::open(location);
            if (!watcher.ok())
                return watcher.error();
            // (A writer that does not wait commits at once; the deadline ends the test then.)
            QDeadlineTimer deadline(20000);
            for (;;) {
                if (deadline.hasExpired())
                    return Error{QString(),
                                 QStringLiteral("the second writer never waited for the first"),
                                 QStringLiteral("test")};
                QSqlQuery q = (*watcher)->prepare(QStringLiteral(
                    "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242003 "
                    "AND NOT granted"));
                if (Status s = store::Database::exec(q); !s.ok())
                    return s;
                if (q.next() && q.value(0).toInt() > 0)
                    break;
                QThread::msleep(5);
            }
            auto seen = ScanFeed(**watcher).after(0, 10);
            if (!seen.ok() || !seen->isEmpty())
                return Error{QString(), QStringLiteral("a row was visible before our commit"),
                             QStringLiteral("test")};
            return Ok{};
        });
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QVERIFY(writer->wait(30000));
        QVERIFY(second.ok());
        const auto all = feed.after(0, 10);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).tenantId, m_store.tenantA); // committed first, lower seq
        QCOMPARE(all->at(1).tenantId, m_store.tenantB);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestScanFeed>(argc, argv);
}

#include "tst_scanfeed.moc"
