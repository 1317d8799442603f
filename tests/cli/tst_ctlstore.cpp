// dppctl's store commands end to end, on a SQLite file and on PostgreSQL:
// tenant, key, seed, template, import, export, exit codes and error params,
// and an import killed with SIGKILL mid-way that must leave only whole rows.
#include "storetestsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <gs1/checkdigit.h>
#include <store/apikeyrepository.h>
#include <store/productrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;

namespace {
QJsonObject json(const QByteArray& out)
{
    return QJsonDocument::fromJson(out).object();
}
QString errorParam(const QByteArray& out)
{
    return json(out)
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("param"))
        .toString();
}
QString gtinFor(int i)
{
    const std::string body = "40000" + QString::number(i).rightJustified(7, u'0').toStdString();
    return QString::fromStdString(body) + QString::number(gs1::mod10CheckDigit(body));
}
} // namespace

class TestCtlStore : public QObject
{
    Q_OBJECT
public:
    explicit TestCtlStore(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    QString m_db;
    QTemporaryDir m_dir;

    test::ProcessResult ctl(QStringList args)
    {
        args.prepend(m_db);
        args.prepend(QStringLiteral("--db"));
        return test::runTool(QStringLiteral("dppctl"), args);
    }
    QString writeFile(const QString& name, const QByteArray& data)
    {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(data);
        return f.fileName();
    }

private Q_SLOTS:
    void init()
    {
        QString why;
        m_db = m_test.create(&why);
        if (m_db.isEmpty())
            QSKIP(qPrintable(why));
    }
    void cleanup() { m_test.drop(); }

    void usageAndExitCodes()
    {
        QCOMPARE(test::runTool(QStringLiteral("dppctl"), {}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("export")}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml")})
                     .exitCode,
                 2);
        QCOMPARE(ctl({QStringLiteral("template"), QStringLiteral("x")}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--scopes"),
                      QStringLiteral("admin")})
                     .exitCode,
                 2);
        QCOMPARE(test::runTool(QStringLiteral("dppctl"),
                               {QStringLiteral("seed"), QStringLiteral("--db")})
                     .exitCode,
                 2);
        auto missing = ctl({QStringLiteral("import"), m_dir.filePath(QStringLiteral("nope.csv"))});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(errorParam(missing.out), QStringLiteral("file"));
        auto badDb = test::runTool(QStringLiteral("dppctl"),
                                   {QStringLiteral("--db"), QStringLiteral("postgresql://nohost"),
                                    QStringLiteral("seed")});
        QCOMPARE(badDb.exitCode, 1);
        QCOMPARE(errorParam(badDb.out), QStringLiteral("db"));
    }

    void tenantsAndKeys()
    {
        auto created =
            ctl({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("Acme s.r.o."),
                 QStringLiteral("--gcp"), QStringLiteral("0852345"), QStringLiteral("--gcp"),
                 QStringLiteral("5601012")});
        QCOMPARE(created.exitCode, 0);
        QCOMPARE(json(created.out).value(QStringLiteral("gcps")).toArray().size(), 2);
        auto dup = ctl(
            {QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("Acme s.r.o.")});
        QCOMPARE(dup.exitCode, 1);
        QCOMPARE(errorParam(dup.out), QStringLiteral("name"));
        auto badGcp = ctl({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("B"),
                           QStringLiteral("--gcp"), QStringLiteral("12")});
        QCOMPARE(errorParam(badGcp.out), QStringLiteral("gcps[0]"));

        auto key = ctl({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--tenant"),
                        QStringLiteral("Acme s.r.o."), QStringLiteral("--scopes"),
                        QStringLiteral("products:read,passports:write")});
        QCOMPARE(key.exitCode, 0);
        const QString secret = json(key.out).value(QStringLiteral("key")).toString();
        QVERIFY(secret.startsWith(QLatin1String("sk_live_")));
        auto testKey = ctl(
            {QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--tenant"),
             QStringLiteral("Acme s.r.o."), QStringLiteral("--scopes"), QStringLiteral("admin"),
             QStringLiteral("--test"), QStringLiteral("--expires"), QStringLiteral("2099-12-31")});
        QCOMPARE(testKey.exitCode, 0);
        QVERIFY(json(testKey.out)
                    .value(QStringLiteral("key"))
                    .toString()
                    .startsWith(QLatin1String("sk_test_")));
        QCOMPARE(json(testKey.out).value(QStringLiteral("expires_at")).toString(),
                 QStringLiteral("2099-12-31T00:00:00Z"));

        const QStringList base{QStringLiteral("key"), QStringLiteral("create"),
                               QStringLiteral("--tenant")};
        auto noTenant = ctl(base + QStringList{QStringLiteral("Nobody"), QStringLiteral("--scopes"),
                                               QStringLiteral("admin")});
        QCOMPARE(errorParam(noTenant.out), QStringLiteral("tenant"));
        auto badScope = ctl(base + QStringList{QStringLiteral("Acme s.r.o."),
                                               QStringLiteral("--scopes"), QStringLiteral("root")});
        QCOMPARE(badScope.exitCode, 1);
        QCOMPARE(errorParam(badScope.out), QStringLiteral("scopes[0]"));
        auto past =
            ctl(base + QStringList{QStringLiteral("Acme s.r.o."), QStringLiteral("--scopes"),
                                   QStringLiteral("admin"), QStringLiteral("--expires"),
                                   QStringLiteral("2001-01-01")});
        QCOMPARE(errorParam(past.out), QStringLiteral("expires"));
        auto garbage = ctl(base + QStringList{QStringLiteral("Acme s.r.o."),
                                              QStringLiteral("--scopes"), QStringLiteral("admin"),
                                              QStringLiteral("--expires"), QStringLiteral("soon")});
        QCOMPARE(errorParam(garbage.out), QStringLiteral("expires"));

        // The key was printed once and is not stored: only its hash authenticates.
        auto db = store::Database::open(m_db);
        QVERIFY(db.ok());
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM api_keys")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            for (int i = 0; i < q.record().count(); ++i)
                QVERIFY(!q.value(i).toString().contains(secret.mid(12)));
        }
        QCOMPARE(rows, 2);
        const auto found = store::ApiKeyRepository::authenticate(**db, secret);
        QVERIFY(found);
        QCOMPARE(found->scopes, (QStringList{"products:read", "passports:write"}));
    }

    void seedAndExport()
    {
        auto seeded = ctl({QStringLiteral("seed")});
        QCOMPARE(seeded.exitCode, 0);
        QCOMPARE(json(seeded.out).value(QStringLiteral("created")).toInt(), 4);
        QCOMPARE(json(seeded.out).value(QStringLiteral("passports_published")).toInt(), 4);
        auto again = ctl({QStringLiteral("seed")});
        QCOMPARE(json(again.out).value(QStringLiteral("created")).toInt(), 0);
        QCOMPARE(json(again.out).value(QStringLiteral("passports_published")).toInt(), 0);

        auto exported =
            ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(exported.exitCode, 0);
        const QJsonArray products = json(exported.out).value(QStringLiteral("products")).toArray();
        QCOMPARE(products.size(), 4);
        QStringList gtins;
        for (const QJsonValue& p : products)
            gtins.append(p.toObject().value(QStringLiteral("gtin")).toString());
        QCOMPARE(gtins, (QStringList{"05601012012200", "05601234567892", "08523456790018",
                                     "09506000134352"}));

        auto one = ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                        QStringLiteral("--gtin"), QStringLiteral("8523456790018")});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.out.count("\r\n"), 2);
        QVERIFY(one.out.contains("08523456790018"));

        auto unknown =
            ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
                 QStringLiteral("--gtin"), QStringLiteral("4006381333931")});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(errorParam(unknown.out), QStringLiteral("gtin"));
        auto invalid =
            ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
                 QStringLiteral("--gtin"), QStringLiteral("4006381333932")});
        QCOMPARE(errorParam(invalid.out), QStringLiteral("gtin"));

        // A tenant whose prefixes exclude the samples gets none of them.
        ctl({QStringLiteral("tenant"), QStringLiteral("create"), QStringLiteral("Narrow"),
             QStringLiteral("--gcp"), QStringLiteral("0852345")});
        auto narrow =
            ctl({QStringLiteral("seed"), QStringLiteral("--tenant"), QStringLiteral("Narrow")});
        QCOMPARE(narrow.exitCode, 1);
        QCOMPARE(errorParam(narrow.out), QStringLiteral("samples[0].gtin"));
        auto narrowExport =
            ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
                 QStringLiteral("--tenant"), QStringLiteral("Narrow")});
        QCOMPARE(json(narrowExport.out).value(QStringLiteral("products")).toArray().size(), 0);
    }

    void templateImportExport()
    {
        auto tmpl = ctl({QStringLiteral("template")});
        QCOMPARE(tmpl.exitCode, 0);
        QVERIFY(tmpl.out.startsWith("gtin,name.en,category,"));
        const QString file =
            writeFile(QStringLiteral("mixed.csv"), tmpl.out + "4006381333932,Bad,,,,,,,\r\n");
        auto imported = ctl({QStringLiteral("import"), file});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY(imported.err.contains("imported 2 of 2 rows"));
        const QJsonObject report = json(imported.out);
        QCOMPARE(report.value(QStringLiteral("created")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("updated")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("skipped")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("errors")).toArray().first().toObject(),
                 (QJsonObject{{"row", 3},
                              {"column", "gtin"},
                              {"message", "check digit should be 1, got 2"}}));
        QVERIFY(imported.out.startsWith("{\"created\":1,\"updated\":0,\"skipped\":1,\"errors\":"));

        const QString header =
            writeFile(QStringLiteral("header.csv"), "gtin,colour\n4006381333931,red\n");
        auto bad = ctl({QStringLiteral("import"), header});
        QCOMPARE(bad.exitCode, 0); // readable: the report says why nothing was imported
        QCOMPARE(json(bad.out).value(QStringLiteral("skipped")).toInt(), 1);
        QCOMPARE(json(bad.out)
                     .value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("column"))
                     .toString(),
                 QStringLiteral("colour"));
        const QString binary =
            writeFile(QStringLiteral("binary.csv"), QByteArray("gtin\n\xff\xfe\x00\n", 8));
        auto unreadable = ctl({QStringLiteral("import"), binary});
        QCOMPARE(unreadable.exitCode, 1);
        QCOMPARE(errorParam(unreadable.out), QStringLiteral("file"));

        auto csv =
            ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv")});
        const QString round = writeFile(QStringLiteral("export.csv"), csv.out);
        auto reimport = ctl({QStringLiteral("import"), round});
        QCOMPARE(json(reimport.out).value(QStringLiteral("updated")).toInt(), 1);
        QCOMPARE(json(reimport.out).value(QStringLiteral("skipped")).toInt(), 0);
    }

    void concurrentImportsBothComplete()
    {
        // Two processes writing the same store at once: the second waits for
        // the first (busy timeout, write lock taken at BEGIN, advisory lock for
        // migrations) instead of failing.
        QStringList files;
        for (int f = 0; f < 2; ++f) {
            QByteArray csv = "gtin,name.en\n";
            for (int i = 0; i < 1500; ++i)
                csv += QStringLiteral("%1,P%2\n").arg(gtinFor(f * 100000 + i)).arg(i).toUtf8();
            files.append(writeFile(QStringLiteral("c%1.csv").arg(f), csv));
        }
        // Both start on a brand-new store: migrations and the default tenant
        // are created by whichever gets there first.
        QProcess a, b;
        const QString tool = test::binDir() + QStringLiteral("/dppctl");
        a.start(tool, {QStringLiteral("--db"), m_db, QStringLiteral("import"), files[0]});
        b.start(tool, {QStringLiteral("--db"), m_db, QStringLiteral("import"), files[1]});
        QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
        const QByteArray outA = a.readAllStandardOutput(), outB = b.readAllStandardOutput();
        QVERIFY2(a.exitCode() == 0, QByteArray(outA + a.readAllStandardError()).constData());
        QVERIFY2(b.exitCode() == 0, QByteArray(outB + b.readAllStandardError()).constData());
        QCOMPARE(json(outA).value(QStringLiteral("created")).toInt(), 1500);
        QCOMPARE(json(outB).value(QStringLiteral("created")).toInt(), 1500);

        // The same new rows from two writers: each row is created once and
        // updated once, whoever wins, and neither import fails.
        QByteArray same = "gtin,name.en\n";
        for (int i = 0; i < 1500; ++i)
            same += QStringLiteral("%1,S%2\n").arg(gtinFor(200000 + i)).arg(i).toUtf8();
        const QString shared = writeFile(QStringLiteral("same.csv"), same);
        a.start(tool, {QStringLiteral("--db"), m_db, QStringLiteral("import"), shared});
        b.start(tool, {QStringLiteral("--db"), m_db, QStringLiteral("import"), shared});
        QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
        const QByteArray sameA = a.readAllStandardOutput(), sameB = b.readAllStandardOutput();
        QVERIFY2(a.exitCode() == 0, QByteArray(sameA + a.readAllStandardError()).constData());
        QVERIFY2(b.exitCode() == 0, QByteArray(sameB + b.readAllStandardError()).constData());
        const QJsonObject ra = json(sameA), rb = json(sameB);
        QCOMPARE(ra.value(QStringLiteral("created")).toInt() +
                     rb.value(QStringLiteral("created")).toInt(),
                 1500);
        QCOMPARE(ra.value(QStringLiteral("updated")).toInt() +
                     rb.value(QStringLiteral("updated")).toInt(),
                 1500);
    }

    void importKilledMidwayLeavesWholeRows()
    {
        const int total = m_test.isPostgres() ? 4000 : 20000;
        QByteArray csv = "gtin,name.en,category,brand,recycled_content_pct,materials\n";
        for (int i = 0; i < total; ++i)
            csv +=
                QStringLiteral("%1,Product %2,electronics,Brand "
                               "%2,%3,\"[{\"\"name\"\":\"\"steel\"\",\"\"percentage\"\":%3}]\"\n")
                    .arg(gtinFor(i))
                    .arg(i)
                    .arg(i % 100)
                    .toUtf8();
        const QString file = writeFile(QStringLiteral("big.csv"), csv);

        QProcess p;
        p.start(test::binDir() + QStringLiteral("/dppctl"),
                {QStringLiteral("--db"), m_db, QStringLiteral("import"), file});
        QVERIFY(p.waitForStarted());
        // Kill as soon as the first chunk is reported committed: mid-import.
        QByteArray err;
        while (!err.contains("imported") && p.state() == QProcess::Running) {
            p.waitForReadyRead(100);
            err += p.readAllStandardError();
        }
        p.kill(); // SIGKILL: no cleanup, no rollback code runs
        p.waitForFinished();
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);

        auto db = store::Database::open(m_db);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        if ((*db)->engine() == store::Database::Engine::Sqlite) {
            QSqlQuery check((*db)->connection());
            QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        }
        const auto tenant = store::TenantRepository(**db).findByName(QStringLiteral("default"));
        QVERIFY(tenant);
        store::ProductRepository products(**db, tenant->id);
        const auto stored = products.list();
        QVERIFY2(!stored.isEmpty() && stored.size() < total,
                 qPrintable(QString::number(stored.size())));
        // Whole chunks only, and every stored row complete and exactly as in the file.
        QCOMPARE(stored.size() % 100, 0);
        for (const auto& product : stored) {
            const int i = product.displayName().mid(8).toInt();
            QCOMPARE(product.gtin, QStringLiteral("0") + gtinFor(i));
            QCOMPARE(product.attributes.value(QStringLiteral("brand")).toString(),
                     QStringLiteral("Brand %1").arg(i));
            QCOMPARE(product.attributes.value(QStringLiteral("recycled_content_pct")).toInt(),
                     i % 100);
            QCOMPARE(product.materials.size(), 1);
            QCOMPARE(int(product.materials.first().percentage.value()), i % 100);
        }
        const int before = int(stored.size());
        db = Error{}; // close before the next process writes

        // Running the same file again completes the import.
        auto rerun = ctl({QStringLiteral("import"), file});
        QCOMPARE(rerun.exitCode, 0);
        QCOMPARE(json(rerun.out).value(QStringLiteral("updated")).toInt(), before);
        QCOMPARE(json(rerun.out).value(QStringLiteral("created")).toInt(), total - before);
        auto reopened = store::Database::open(m_db);
        QCOMPARE(store::ProductRepository(**reopened, tenant->id).count(), total);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestCtlStore>(argc, argv);
}

#include "tst_ctlstore.moc"
