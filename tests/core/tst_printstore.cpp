// Print jobs with the store, on SQLite and PostgreSQL: serials become
// "printed" only after their labels left for a real loopback printer port,
// the job trail records the last serial sent, resume continues after it, a
// reprint prints a range again without moving states back, and refused jobs
// leave the store as it was.
#include "storetestsupport.h"
#include "testsupport.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <label/labelstock.h>
#include <label/stocklibrary.h>
#include <label/storemergespec.h>
#include <label/storeprintjob.h>
#include <store/printjobrepository.h>
#include <store/productrepository.h>
#include <store/serialrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;
using namespace dpp::label;

namespace {
// 50 × 25 mm roll: the product's name, the serial, the Digital Link QR.
LabelDocument testLabel()
{
    auto lib = StockLibrary::loadFiles(
        {QStringLiteral(":/stock/sheets.json"), QStringLiteral(":/stock/rolls.json")});
    const QByteArray json = R"({"version":1,"name":"store test","stock":"roll-50x25",
      "calibration":{"dpi":203},
      "elements":[
        {"type":"text","x":2,"y":2,"width":26,"height":5,"text":"{{product.name}}","size":7},
        {"type":"text","x":2,"y":9,"width":26,"height":5,"text":"SN {{serial}}","size":7},
        {"type":"qr","x":29,"y":2,"width":20,"height":20,"content_kind":"digital_link","module":0.5}]})";
    auto doc = LabelDocument::fromJson(json, lib.value());
    if (!doc)
        qFatal("label: %s %s", qPrintable(doc.error().param), qPrintable(doc.error().message));
    return doc.value();
}

// Everything the kernel queued on the listener: ZPL of every connection.
QByteArray drain(QTcpServer& printer)
{
    QByteArray received;
    while (printer.hasPendingConnections() || printer.waitForNewConnection(500)) {
        QTcpSocket* s = printer.nextPendingConnection();
        while (s->waitForReadyRead(500))
            received += s->readAll();
        received += s->readAll();
        delete s;
    }
    return received;
}
} // namespace

class TestPrintStore : public QObject
{
    Q_OBJECT
public:
    explicit TestPrintStore(QString backend) : m_test(std::move(backend)) {}

private:
    test::TestDatabase m_test;
    std::shared_ptr<store::Database> m_db;
    QString m_tenant;
    QString m_productId;
    QString m_batchId;

    QMap<QString, int> states() const
    {
        return store::SerialRepository(*m_db, m_tenant).countByState(m_batchId);
    }
    int jobCount() const
    {
        return int(store::PrintJobRepository(*m_db, m_tenant).jobs(m_batchId).size());
    }

private Q_SLOTS:
    void init()
    {
        QString why;
        const QString location = m_test.create(&why);
        if (location.isEmpty())
            QSKIP(qPrintable(why));
        auto db = store::Database::open(location);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db = *db;
        auto tenant = store::TenantRepository(*m_db).ensure(QStringLiteral("default"));
        QVERIFY(tenant.ok());
        m_tenant = tenant->id;
        auto product =
            store::ProductRepository(*m_db, m_tenant)
                .create(QJsonObject{
                    {QStringLiteral("gtin"), QStringLiteral("09506000134352")},
                    {QStringLiteral("name"),
                     QJsonObject{{QStringLiteral("en"), QStringLiteral("Widget Pro")},
                                 {QStringLiteral("de"), QStringLiteral("Widget Profi")}}},
                    {QStringLiteral("category"), QStringLiteral("other")},
                    {QStringLiteral("brand"), QStringLiteral("Acme")}});
        QVERIFY2(product.ok(), qPrintable(product.ok() ? QString() : product.error().message));
        m_productId = product->id;
        passport::SerialBatch batch;
        batch.productId = m_productId;
        batch.lot = QStringLiteral("L42");
        batch.prefix = QStringLiteral("SN");
        batch.start = 1;
        batch.count = 12;
        batch.width = 6;
        auto created = store::SerialRepository(*m_db, m_tenant).createBatch(batch);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        m_batchId = created->id;
    }

    void cleanup()
    {
        m_db.reset();
        m_test.drop();
    }

    void productMergeFields()
    {
        auto byGtin = StoreMergeSpec::build(*m_db, m_tenant, QStringLiteral("9506000134352"),
                                            m_batchId, MergeSpec{});
        QVERIFY(byGtin.ok());
        QCOMPARE(byGtin->spec.serialList.size(), 12);
        QCOMPARE(byGtin->spec.lot, QStringLiteral("L42"));
        QCOMPARE(byGtin->spec.extra.value(QStringLiteral("product.name.de")),
                 QStringLiteral("Widget Profi"));
        QCOMPARE(byGtin->spec.extra.value(QStringLiteral("product.brand")), QStringLiteral("Acme"));
        auto source = MergeSource::open(byGtin->spec);
        QVERIFY(source.ok());
        MergeRecord r;
        QVERIFY(source.value()->next(r).value());
        QCOMPARE(r.value(QStringLiteral("digital_link")),
                 QStringLiteral("https://id.gs1.org/01/09506000134352/10/L42/21/SN000001"));
        // By UUID without a batch: one record with the product's own fields.
        auto own = StoreMergeSpec::build(*m_db, m_tenant, m_productId, {}, MergeSpec{});
        QVERIFY(own.ok());
        QCOMPARE(MergeSource::open(own->spec).value()->recordCount(), 1);
        auto missing = StoreMergeSpec::build(*m_db, m_tenant, QStringLiteral("4006381333931"), {},
                                             MergeSpec{});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().param, QStringLiteral("product"));
        auto badBatch =
            StoreMergeSpec::build(*m_db, m_tenant, m_productId, QStringLiteral("nope"), {});
        QCOMPARE(badBatch.error().param, QStringLiteral("batch"));
    }

    void printCancelResumeReprint()
    {
        QTcpServer printer;
        QVERIFY(printer.listen(QHostAddress::LocalHost, 0));
        const PrintTarget target{PrintTarget::Kind::ZplHost,
                                 QStringLiteral("127.0.0.1:%1").arg(printer.serverPort())};
        StorePrintRequest request;
        request.productRef = m_productId;
        request.batchId = m_batchId;
        request.label = QStringLiteral("test.dpplabel");
        request.actor = QStringLiteral("tester");

        // The operator cancels after the first chunk of 5 went out.
        PrintOptions options;
        options.chunkLabels = 5;
        options.progress = [](qint64 sent) { return sent < 5; };
        auto cancelled = StorePrintJob::run(*m_db, m_tenant, testLabel(), request, target, options);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, QStringLiteral("cancelled"));
        QVERIFY2(cancelled.error().message.contains(QLatin1String("SN000005")) &&
                     !cancelled.error().message.contains(QLatin1String("at label")),
                 qPrintable(cancelled.error().message));
        QCOMPARE(states().value(QStringLiteral("printed")), 5);
        QCOMPARE(states().value(QStringLiteral("available")), 7);
        store::PrintJobRepository jobs(*m_db, m_tenant);
        QCOMPARE(jobs.jobs(m_batchId).size(), 1);
        QCOMPARE(jobs.jobs(m_batchId).first().status, QStringLiteral("cancelled"));
        QCOMPARE(jobs.jobs(m_batchId).first().lastSerial, QStringLiteral("SN000005"));
        QCOMPARE(jobs.jobs(m_batchId).first().labelsSent, 5);
        QByteArray zpl = drain(printer);
        QCOMPARE(zpl.count("^XA"), 5);
        QVERIFY(zpl.contains("SN000005") && !zpl.contains("SN000006"));

        // A plain print of a partly printed batch is refused; nothing changes.
        options.progress = {};
        auto again = StorePrintJob::run(*m_db, m_tenant, testLabel(), request, target, options);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().param, QStringLiteral("batch"));
        QCOMPARE(again.error().code, QStringLiteral("already_printed"));
        QVERIFY(again.error().message.contains(QLatin1String("SN000005")));
        QCOMPARE(jobCount(), 1);
        QCOMPARE(states().value(QStringLiteral("printed")), 5);

        // Resume continues after the last serial sent.
        request.resume = true;
        auto resumed = StorePrintJob::run(*m_db, m_tenant, testLabel(), request, target, options);
        QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().message));
        QCOMPARE(resumed->print.sent, 7);
        QCOMPARE(resumed->job.firstSerial, QStringLiteral("SN000006"));
        QCOMPARE(resumed->job.lastSerial, QStringLiteral("SN000012"));
        QCOMPARE(resumed->job.status, QStringLiteral("completed"));
        QCOMPARE(states().value(QStringLiteral("printed")), 12);
        zpl = drain(printer);
        QCOMPARE(zpl.count("^XA"), 7);
        QVERIFY(zpl.indexOf("SN000006") < zpl.indexOf("SN000012"));
        QVERIFY(!zpl.contains("SN000005"));

        // Nothing left: resume is refused without a new job row.
        auto nothing = StorePrintJob::run(*m_db, m_tenant, testLabel(), request, target, options);
        QVERIFY(!nothing.ok());
        QCOMPARE(nothing.error().code, QStringLiteral("empty"));
        QCOMPARE(jobCount(), 2);

        // A reprint: the labels go out again, the states stay (activated stays activated).
        store::SerialRepository serials(*m_db, m_tenant);
        QVERIFY(
            serials.setState(m_productId, QStringLiteral("SN000003"), QStringLiteral("activated"))
                .ok());
        request.resume = false;
        request.reprint = QStringLiteral("SN000003-SN000004");
        auto reprint = StorePrintJob::run(*m_db, m_tenant, testLabel(), request, target, options);
        QVERIFY2(reprint.ok(), qPrintable(reprint.ok() ? QString() : reprint.error().message));
        QCOMPARE(reprint->print.sent, 2);
        QCOMPARE(reprint->job.kind, QStringLiteral("reprint"));
        QCOMPARE(*serials.state(m_productId, QStringLiteral("SN000003")),
                 QStringLiteral("activated"));
        QCOMPARE(*serials.state(m_productId, QStringLiteral("SN000004")),
                 QStringLiteral("printed"));
        zpl = drain(printer);
        QCOMPARE(zpl.count("^XA"), 2);
        const auto trail = jobs.jobs(m_batchId);
        QCOMPARE(trail.size(), 3);
        QCOMPARE(trail.last().kind, QStringLiteral("reprint"));
        QCOMPARE(trail.last().requested, QStringLiteral("SN000003-SN000004"));
        QCOMPARE(trail.last().actor, QStringLiteral("tester"));
        QCOMPARE(trail.last().labelsSent, 2);
        // A reprint does not move the resume point.
        QCOMPARE(*jobs.resumeSerial(m_batchId), QStringLiteral("SN000012"));

        // Ranges outside the batch are refused by name.
        request.reprint = QStringLiteral("SN000011-SN000013");
        auto outside = StorePrintJob::run(*m_db, m_tenant, testLabel(), request, target, options);
        QVERIFY(!outside.ok());
        QCOMPARE(outside.error().param, QStringLiteral("reprint"));
        QVERIFY(outside.error().message.contains(QLatin1String("SN000013")));
        QCOMPARE(jobCount(), 3);
    }

    void reprintOfNeverPrintedAndPrinterDown()
    {
        StorePrintRequest request;
        request.productRef = QStringLiteral("09506000134352");
        request.batchId = m_batchId;
        request.reprint = QStringLiteral("SN000001-SN000002");
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const PrintTarget down{PrintTarget::Kind::ZplHost,
                               QStringLiteral("127.0.0.1:%1").arg(probe.serverPort())};
        probe.close();
        auto never = StorePrintJob::run(*m_db, m_tenant, testLabel(), request, down, {});
        QVERIFY(!never.ok());
        QCOMPARE(never.error().code, QStringLiteral("invalid_state"));
        QCOMPARE(jobCount(), 0);

        // The printer is not there: the job is recorded as failed, no serial moves.
        request.reprint.clear();
        auto failed = StorePrintJob::run(*m_db, m_tenant, testLabel(), request, down, {});
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().param, QStringLiteral("zpl_host"));
        QVERIFY2(!failed.error().message.contains(QLatin1String("at label")),
                 qPrintable(failed.error().message));
        QCOMPARE(states().value(QStringLiteral("available")), 12);
        const auto trail = store::PrintJobRepository(*m_db, m_tenant).jobs(m_batchId);
        QCOMPARE(trail.size(), 1);
        QCOMPARE(trail.first().status, QStringLiteral("failed"));
        QCOMPARE(trail.first().labelsSent, 0);
    }
};

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    return dpp::test::runOnEveryBackend<TestPrintStore>(argc, argv);
}

#include "tst_printstore.moc"
