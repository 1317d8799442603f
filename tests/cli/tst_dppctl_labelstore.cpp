// dppctl render/print with the store and real print paths: --product/--batch
// merge sources, ZIP output (SVG/PNG/ZPL), and jobs received by the private
// CUPS scheduler tests/services/cups.sh starts (a --printer job arrives as a
// PDF: pages rasterised with Poppler, symbols decoded with zxing; a
// --zpl-queue job arrives as the ZPL we sent). Serial states, resume and
// reprint are checked in the store file dppctl wrote.
#include "labeltestsupport.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <poppler-qt6.h>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <store/database.h>
#include <store/printjobrepository.h>
#include <store/productrepository.h>
#include <store/serialrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;

namespace {
const QByteArray kLabel = R"({"version":1,"name":"store test","stock":"roll-50x25",
  "calibration":{"dpi":203},
  "elements":[
    {"type":"text","x":2,"y":2,"width":26,"height":5,"text":"{{product.name}}","size":7},
    {"type":"text","x":2,"y":9,"width":26,"height":5,"text":"SN {{serial}}","size":7},
    {"type":"qr","x":29,"y":2,"width":20,"height":20,"content_kind":"digital_link","module":0.5}]})";

QByteArray zipEntry(const QString& zipPath, const QString& name)
{
    QuaZip zip(zipPath);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(name))
        return {};
    QuaZipFile f(&zip);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// What a CUPS file: device received once the job is complete: waits (up to a
// minute, CUPS runs jobs asynchronously) until `done` says the bytes are whole.
QByteArray cupsOutput(const QString& queue, const std::function<bool(const QByteArray&)>& done)
{
    const QString path = qEnvironmentVariable("DPP_TEST_CUPS_OUT") + u'/' + queue + ".out";
    QByteArray data;
    for (int i = 0; i < 600; ++i) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            data = f.readAll();
            if (done(data))
                return data;
        }
        QThread::msleep(100);
    }
    return data;
}

void clearCupsOutput(const QString& queue)
{
    QFile::remove(qEnvironmentVariable("DPP_TEST_CUPS_OUT") + u'/' + queue + ".out");
}
} // namespace

class TestDppctlLabelStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_label;
    QString m_tenant;
    QString m_productId;
    QString m_batchId;
    QString m_pdfBatchId; // printed through --printer

    test::ProcessResult ctl(QStringList args)
    {
        args << QStringLiteral("--db") << m_db;
        return test::runTool(QStringLiteral("dppctl"), args);
    }
    QMap<QString, int> states()
    {
        auto db = store::Database::open(m_db);
        return store::SerialRepository(*db.value(), m_tenant).countByState(m_batchId);
    }
    bool haveCups() const
    {
        return !qEnvironmentVariable("CUPS_SERVER").isEmpty() &&
               !qEnvironmentVariable("DPP_TEST_CUPS_OUT").isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("store.sqlite"));
        m_label = m_dir.filePath(QStringLiteral("store.dpplabel"));
        QFile label(m_label);
        QVERIFY(label.open(QIODevice::WriteOnly));
        label.write(kLabel);
        label.close();
        auto db = store::Database::open(m_db);
        QVERIFY(db.ok());
        auto tenant = store::TenantRepository(*db.value()).ensure(QStringLiteral("default"));
        QVERIFY(tenant.ok());
        m_tenant = tenant->id;
        auto product = store::ProductRepository(*db.value(), m_tenant)
                           .create(QJsonObject{
                               {QStringLiteral("gtin"), QStringLiteral("09506000134352")},
                               {QStringLiteral("name"),
                                QJsonObject{{QStringLiteral("en"), QStringLiteral("Widget Pro")}}},
                               {QStringLiteral("category"), QStringLiteral("other")}});
        QVERIFY(product.ok());
        m_productId = product->id;
        passport::SerialBatch batch;
        batch.productId = m_productId;
        batch.lot = QStringLiteral("L42");
        batch.prefix = QStringLiteral("SN");
        batch.count = 12;
        auto created = store::SerialRepository(*db.value(), m_tenant).createBatch(batch);
        QVERIFY(created.ok());
        m_batchId = created->id;
        batch.prefix = QStringLiteral("PD");
        batch.count = 4;
        auto second = store::SerialRepository(*db.value(), m_tenant).createBatch(batch);
        QVERIFY(second.ok());
        m_pdfBatchId = second->id;
    }

    void renderProductBatchToSvgZip()
    {
        const QString zip = m_dir.filePath(QStringLiteral("labels.zip"));
        const auto r =
            ctl({QStringLiteral("render"), m_label, QStringLiteral("--product"),
                 QStringLiteral("9506000134352"), QStringLiteral("--batch"), m_batchId,
                 QStringLiteral("--out"), zip, QStringLiteral("--format"), QStringLiteral("svg")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("labels")).toInt(),
                 12);
        QuaZip archive(zip);
        QVERIFY(archive.open(QuaZip::mdUnzip));
        QCOMPARE(archive.getEntriesCount(), 13);
        archive.close();
        const QByteArray manifest = zipEntry(zip, QStringLiteral("manifest.csv"));
        QVERIFY(manifest.startsWith("file,counter,gtin,lot,serial\n"));
        QVERIFY(manifest.contains("label-000012.svg,12,09506000134352,L42,SN000012\n"));
        const QByteArray svg = zipEntry(zip, QStringLiteral("label-000012.svg"));
        QVERIFY(svg.contains("<svg"));
        const auto d = test::decodeImage(test::renderSvg(svg, 4.0));
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.text, QByteArray("https://id.gs1.org/01/09506000134352/10/L42/21/SN000012"));
        QVERIFY(!QFile::exists(zip + QStringLiteral(".part")));
    }

    void renderZipPngAndZpl()
    {
        const QString png = m_dir.filePath(QStringLiteral("png.zip"));
        auto r = ctl({QStringLiteral("render"), m_label, QStringLiteral("--product"), m_productId,
                      QStringLiteral("--batch"), m_batchId, QStringLiteral("--out"), png,
                      QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--dpi"),
                      QStringLiteral("300")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QImage image;
        QVERIFY(image.loadFromData(zipEntry(png, QStringLiteral("label-000003.png")), "PNG"));
        QCOMPARE(image.width(), 591); // 50 mm at 300 dpi
        const auto d = test::decodeImage(image);
        QVERIFY2(d.ok, qPrintable(d.error));
        QVERIFY(d.text.endsWith("/21/SN000003"));

        const QString zpl = m_dir.filePath(QStringLiteral("zpl.zip"));
        r = ctl({QStringLiteral("render"), m_label, QStringLiteral("--product"), m_productId,
                 QStringLiteral("--out"), zpl, QStringLiteral("--format"), QStringLiteral("zpl"),
                 QStringLiteral("--copies"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray second = zipEntry(zpl, QStringLiteral("label-000002.zpl"));
        QVERIFY(second.startsWith("^XA") && second.trimmed().endsWith("^XZ"));
        QVERIFY(second.contains("^BQ") && second.contains("https://id.gs1.org/01/09506000134352"));
        QVERIFY(zipEntry(zpl, QStringLiteral("label-000003.zpl")).isEmpty());
    }

    void renderAndPrintRejectBadStoreInput()
    {
        const QString out = m_dir.filePath(QStringLiteral("x.zip"));
        auto r = ctl({QStringLiteral("render"), m_label, QStringLiteral("--product"), m_productId,
                      QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--format"), r.err.constData());
        r = ctl({QStringLiteral("render"), m_label, QStringLiteral("--product"),
                 QStringLiteral("4006381333931"), QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("product: no product '4006381333931'"), r.err.constData());
        r = ctl({QStringLiteral("render"), m_label, QStringLiteral("--product"), m_productId,
                 QStringLiteral("--batch"), QStringLiteral("no-such-batch"),
                 QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("batch:"), r.err.constData());
        r = ctl({QStringLiteral("print"), m_label, QStringLiteral("--batch"), m_batchId,
                 QStringLiteral("--zpl-queue"), QStringLiteral("dpp_zpl")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--batch goes with --product"), r.err.constData());
        r = ctl({QStringLiteral("print"), m_label, QStringLiteral("--product"), m_productId,
                 QStringLiteral("--batch"), m_batchId, QStringLiteral("--reprint"),
                 QStringLiteral("SN9-SN1"), QStringLiteral("--zpl-queue"),
                 QStringLiteral("dpp_zpl")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("reprint:"), r.err.constData());
        QCOMPARE(states().value(QStringLiteral("available")), 12);
    }

    void zplQueueJobWithStoreResumeAndReprint()
    {
        if (!haveCups())
            QSKIP("CUPS_SERVER/DPP_TEST_CUPS_OUT not set (tests/run-tests.sh starts cupsd through "
                  "tests/services/cups.sh)");
        clearCupsOutput(QStringLiteral("dpp_zpl"));
        auto r = ctl({QStringLiteral("print"), m_label, QStringLiteral("--product"),
                      QStringLiteral("09506000134352"), QStringLiteral("--batch"), m_batchId,
                      QStringLiteral("--zpl-queue"), QStringLiteral("dpp_zpl")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("sent")).toInt(), 12);
        QCOMPARE(o.value(QStringLiteral("last_serial")).toString(), QStringLiteral("SN000012"));
        QCOMPARE(states().value(QStringLiteral("printed")), 12);
        const QByteArray zpl = cupsOutput(QStringLiteral("dpp_zpl"),
                                          [](const QByteArray& d) { return d.count("^XZ") >= 12; });
        QCOMPARE(zpl.count("^XA"), 12);
        for (int i = 1; i <= 12; ++i) // in each label's QR (^BQ) Digital Link
            QVERIFY(
                zpl.contains(QStringLiteral("/21/SN%1").arg(i, 6, 10, QLatin1Char('0')).toUtf8()));
        // Byte for byte what dppctl render writes for the same records.
        const QString local = m_dir.filePath(QStringLiteral("same.zpl"));
        QCOMPARE(ctl({QStringLiteral("render"), m_label, QStringLiteral("--product"), m_productId,
                      QStringLiteral("--batch"), m_batchId, QStringLiteral("--out"), local})
                     .exitCode,
                 0);
        QFile same(local);
        QVERIFY(same.open(QIODevice::ReadOnly));
        QCOMPARE(zpl, same.readAll());

        // Printing the batch again is refused, resume has nothing left.
        r = ctl({QStringLiteral("print"), m_label, QStringLiteral("--product"), m_productId,
                 QStringLiteral("--batch"), m_batchId, QStringLiteral("--zpl-queue"),
                 QStringLiteral("dpp_zpl")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--resume") && r.err.contains("SN000012"), r.err.constData());
        r = ctl({QStringLiteral("print"), m_label, QStringLiteral("--product"), m_productId,
                 QStringLiteral("--batch"), m_batchId, QStringLiteral("--zpl-queue"),
                 QStringLiteral("dpp_zpl"), QStringLiteral("--resume")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("nothing left"), r.err.constData());

        // A reprint of a damaged range: two labels out again, audited.
        clearCupsOutput(QStringLiteral("dpp_zpl"));
        r = ctl({QStringLiteral("print"), m_label, QStringLiteral("--product"), m_productId,
                 QStringLiteral("--batch"), m_batchId, QStringLiteral("--zpl-queue"),
                 QStringLiteral("dpp_zpl"), QStringLiteral("--reprint"),
                 QStringLiteral("SN000004-SN000005")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("reprint"));
        const QByteArray again = cupsOutput(
            QStringLiteral("dpp_zpl"), [](const QByteArray& d) { return d.count("^XZ") >= 2; });
        QCOMPARE(again.count("^XA"), 2);
        QVERIFY(again.contains("SN000004") && again.contains("SN000005"));
        QCOMPARE(states().value(QStringLiteral("printed")), 12);
        auto db = store::Database::open(m_db);
        const auto trail = store::PrintJobRepository(*db.value(), m_tenant).jobs(m_batchId);
        QCOMPARE(trail.size(), 2);
        QCOMPARE(trail.first().target, QStringLiteral("zpl-queue:dpp_zpl"));
        QCOMPARE(trail.last().kind, QStringLiteral("reprint"));
        QCOMPARE(trail.last().requested, QStringLiteral("SN000004-SN000005"));
    }

    void printerStoreJobMarksSerialsOnceSentToCups()
    {
        if (!haveCups())
            QSKIP("CUPS_SERVER/DPP_TEST_CUPS_OUT not set (tests/run-tests.sh starts cupsd through "
                  "tests/services/cups.sh)");
        clearCupsOutput(QStringLiteral("dpp_pdf"));
        const auto r = ctl({QStringLiteral("print"), m_label, QStringLiteral("--product"),
                            m_productId, QStringLiteral("--batch"), m_pdfBatchId,
                            QStringLiteral("--printer"), QStringLiteral("dpp_pdf")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("last_serial")),
                 QJsonValue(QStringLiteral("PD000004")));
        auto db = store::Database::open(m_db);
        QCOMPARE(store::SerialRepository(*db.value(), m_tenant)
                     .countByState(m_pdfBatchId)
                     .value(QStringLiteral("printed")),
                 4);
        const QByteArray pdf = cupsOutput(QStringLiteral("dpp_pdf"), [](const QByteArray& d) {
            return d.startsWith("%PDF") && d.trimmed().endsWith("%%EOF");
        });
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        QVERIFY(doc);
        QCOMPARE(doc->numPages(), 4);
        std::unique_ptr<Poppler::Page> last(doc->page(3));
        const QSizeF mm = last->pageSizeF() * 25.4 / 72;
        QVERIFY2(std::abs(mm.width() - 50) <= 0.2 && std::abs(mm.height() - 25) <= 0.2,
                 qPrintable(QStringLiteral("%1 × %2 mm").arg(mm.width()).arg(mm.height())));
        const auto d = test::decodeImage(last->renderToImage(300, 300));
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.text, QByteArray("https://id.gs1.org/01/09506000134352/10/L42/21/PD000004"));
    }

    void printerJobArrivesAsPdf()
    {
        if (!haveCups())
            QSKIP("CUPS_SERVER/DPP_TEST_CUPS_OUT not set (tests/run-tests.sh starts cupsd through "
                  "tests/services/cups.sh)");
        clearCupsOutput(QStringLiteral("dpp_pdf"));
        const auto r = test::runTool(
            QStringLiteral("dppctl"),
            {QStringLiteral("print"),
             test::exampleLabel(QStringLiteral("wine-back-label.dpplabel")),
             QStringLiteral("--gtin"), QStringLiteral("09506000134352"), QStringLiteral("--lot"),
             QStringLiteral("L9"), QStringLiteral("--serials"), QStringLiteral("SN000001-SN000003"),
             QStringLiteral("--printer"), QStringLiteral("dpp_pdf")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("sent")).toInt(), 3);
        const QByteArray pdf = cupsOutput(QStringLiteral("dpp_pdf"), [](const QByteArray& d) {
            return d.startsWith("%PDF") && d.trimmed().endsWith("%%EOF");
        });
        QVERIFY2(pdf.startsWith("%PDF-"), pdf.left(16).constData());
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        QVERIFY(doc);
        QCOMPARE(doc->numPages(), 3);
        for (int i = 0; i < 3; ++i) {
            std::unique_ptr<Poppler::Page> page(doc->page(i));
            const QSizeF mm = page->pageSizeF() * 25.4 / 72;
            // QPrinter's PDF rounds the page to whole points (Qt 6.4): ≤ 0.18 mm.
            QVERIFY2(std::abs(mm.width() - 50) <= 0.2 && std::abs(mm.height() - 80) <= 0.2,
                     qPrintable(QStringLiteral("%1 × %2 mm").arg(mm.width()).arg(mm.height())));
        }
        std::unique_ptr<Poppler::Page> last(doc->page(2));
        const QImage image = last->renderToImage(300, 300);
        const auto d = test::decodeImage(
            image.copy(QRect(0, int(28 / 25.4 * 300), image.width(), int(30 / 25.4 * 300))));
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.text, QByteArray("https://id.gs1.org/01/09506000134352/10/L9/21/SN000003"));
    }
};

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    TestDppctlLabelStore suite;
    return QTest::qExec(&suite, argc, argv);
}

#include "tst_dppctl_labelstore.moc"
