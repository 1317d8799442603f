// The print dialog's core path: 10 labels (serial range) printed to a PDF
// file through PrintDialog (the same PrintJob `dppctl print` runs), every
// page rasterised with Poppler and its QR decoded with zxing-cpp; the
// verification report lists the symbols; cancel and resume on the worker;
// stock check; a store serial batch through StorePrintJob (as dppctl print):
// refusal, resume after a CLI job, reprint, print_jobs rows.
#include "labeltestsupport.h"
#include "storetestsupport.h"
#include "symboldecode.h"

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <export/sampleseeder.h>
#include <label/stockcheck.h>
#include <label/storemergespec.h>
#include <label/storeprintjob.h>
#include <poppler-qt6.h>
#include <print/printdialog.h>
#include <print/printsettings.h>
#include <print/printworker.h>
#include <store/database.h>
#include <store/printjobrepository.h>
#include <store/productrepository.h>
#include <store/serialrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;
using namespace dpp::ui;

namespace {
constexpr const char* kGtin = "09506000134352";

label::LabelDocument serialLabel()
{
    auto lib = label::StockLibrary::loadFiles(
        {QStringLiteral(":/stock/sheets.json"), QStringLiteral(":/stock/rolls.json")});
    label::LabelDocument doc;
    doc.name = QStringLiteral("test");
    doc.stock = *lib->find(QStringLiteral("roll-102x76"));
    label::LabelElement qr;
    qr.type = label::LabelElement::Type::Qr;
    qr.id = QStringLiteral("e1");
    qr.x = qr.y = label::Distance::mm(4);
    qr.width = qr.height = label::Distance::mm(40);
    qr.contentKind = label::LabelElement::ContentKind::Literal;
    qr.content = QStringLiteral("{{digital_link}}");
    qr.moduleMm = label::Distance::mm(0.6);
    label::LabelElement text;
    text.type = label::LabelElement::Type::Text;
    text.id = QStringLiteral("e2");
    text.x = label::Distance::mm(50);
    text.y = label::Distance::mm(4);
    text.width = label::Distance::mm(48);
    text.height = label::Distance::mm(10);
    text.text = QStringLiteral("SN {{serial}}");
    doc.elements = {qr, text};
    return doc;
}
} // namespace

class TestPrintDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printsTenLabelsToPdf()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("labels.pdf"));
        PrintSettings settings; // verify is on by default
        PrintDialog dialog(serialLabel(), nullptr, QString(), nullptr, settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.findChild<QWidget*>(QStringLiteral("verify")));
        dialog.setTarget(QStringLiteral("pdf"));
        dialog.setOutputFile(pdf);
        dialog.setRecords(PrintDialog::Records::SerialRange);
        dialog.setSerialRange(QString::fromLatin1(kGtin), QStringLiteral("SN000001-SN000010"));
        dialog.updatePreview();
        QCOMPARE(dialog.previewPages(), 4);
        QSignalSpy done(&dialog, &PrintDialog::printFinished);
        dialog.startPrint();
        QVERIFY(dialog.isRunning());
        QVERIFY2(!done.isEmpty() || done.wait(120000), qPrintable(dialog.lastError()));
        QVERIFY2(done.first().first().toBool(), qPrintable(dialog.lastError()));
        QCOMPARE(dialog.lastSent(), qint64(10));

        // The verification report: one QR layout checked and passed.
        const QJsonObject v = dialog.lastVerification();
        QVERIFY(v.value(QStringLiteral("checked")).toInt() >= 1);
        QCOMPARE(v.value(QStringLiteral("passed")).toInt(),
                 v.value(QStringLiteral("checked")).toInt());
        QVERIFY2(dialog.reportText().contains(QStringLiteral("$.elements[0]")),
                 qPrintable(dialog.reportText()));
        QVERIFY(dialog.reportText().contains(QStringLiteral("10 label(s) printed")));

        // Ten pages at the stock's size; each QR reads as its serial's Digital Link.
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(pdf);
        QVERIFY(doc);
        QCOMPARE(doc->numPages(), 10);
        for (int p = 0; p < 10; ++p) {
            std::unique_ptr<Poppler::Page> page(doc->page(p));
            const QSizeF mm = page->pageSizeF() * 25.4 / 72;
            QVERIFY(qAbs(mm.width() - 102) < 0.1);
            const QImage image = page->renderToImage(300, 300);
            const auto d = test::decodeImage(test::cropMm(image, QRectF(4, 4, 40, 40), 300));
            QVERIFY2(d.ok, qPrintable(d.error));
            QCOMPARE(QString::fromUtf8(d.text), QStringLiteral("https://id.gs1.org/01/%1/21/SN%2")
                                                    .arg(QString::fromLatin1(kGtin))
                                                    .arg(p + 1, 6, 10, QLatin1Char('0')));
            // The text is there too (Poppler reads the embedded font's text).
            QVERIFY(page->text(QRectF()).contains(
                QStringLiteral("SN%1").arg(p + 1, 6, 10, QLatin1Char('0'))));
        }
    }

    // The dialog's CUPS path: the private cupsd of tests/services/cups.sh
    // captures what the dpp_pdf queue would print; the job must be the 10
    // labels, each QR reading as its serial's Digital Link.
    void printsTenLabelsToCupsQueue()
    {
        const QString out = qEnvironmentVariable("DPP_TEST_CUPS_OUT");
        if (qEnvironmentVariable("CUPS_SERVER").isEmpty() || out.isEmpty())
            QSKIP("CUPS_SERVER/DPP_TEST_CUPS_OUT not set (tests/run-tests.sh starts cupsd through "
                  "tests/services/cups.sh)");
        const QString captured = out + QStringLiteral("/dpp_pdf.out");
        QFile::remove(captured);
        PrintSettings settings;
        PrintDialog dialog(serialLabel(), nullptr, QString(), nullptr, settings);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The queue is offered as the user sees it, from QPrinterInfo (Qt's CUPS plugin).
        auto* targets = dialog.findChild<QComboBox*>(QStringLiteral("printTarget"));
        QVERIFY(targets);
        const int queue = targets->findData(QStringLiteral("cups:dpp_pdf"));
        QVERIFY2(queue >= 0, "dpp_pdf is not in the printer list");
        targets->setCurrentIndex(queue);
        QCOMPARE(dialog.targetId(), QStringLiteral("cups:dpp_pdf"));
        dialog.setRecords(PrintDialog::Records::SerialRange);
        dialog.setSerialRange(QString::fromLatin1(kGtin), QStringLiteral("SN000001-SN000010"));
        QSignalSpy done(&dialog, &PrintDialog::printFinished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("printButton")),
                          Qt::LeftButton);
        QVERIFY2(!done.isEmpty() || done.wait(120000), qPrintable(dialog.lastError()));
        QVERIFY2(done.first().first().toBool(), qPrintable(dialog.lastError()));
        QCOMPARE(dialog.lastSent(), qint64(10));

        // The scheduler writes the job when its filter chain ends: wait for a whole PDF.
        std::unique_ptr<Poppler::Document> doc;
        for (int i = 0; i < 600 && !doc; ++i) {
            QFile f(captured);
            if (f.open(QIODevice::ReadOnly)) {
                const QByteArray bytes = f.readAll();
                if (bytes.contains("%%EOF"))
                    doc = Poppler::Document::loadFromData(bytes);
            }
            if (!doc)
                QTest::qWait(100);
        }
        QVERIFY2(doc, qPrintable(QStringLiteral("no PDF captured in %1").arg(captured)));
        QCOMPARE(doc->numPages(), 10);
        for (int p = 0; p < 10; ++p) {
            std::unique_ptr<Poppler::Page> page(doc->page(p));
            const QSizeF mm = page->pageSizeF() * 25.4 / 72;
            QVERIFY2(qAbs(mm.width() - 102) < 0.5 && qAbs(mm.height() - 76) < 0.5,
                     qPrintable(QStringLiteral("page %1 is %2 x %3 mm")
                                    .arg(p)
                                    .arg(mm.width())
                                    .arg(mm.height())));
            const QImage image = page->renderToImage(300, 300);
            const auto d = test::decodeImage(image);
            QVERIFY2(d.ok, qPrintable(d.error));
            QCOMPARE(QString::fromUtf8(d.text), QStringLiteral("https://id.gs1.org/01/%1/21/SN%2")
                                                    .arg(QString::fromLatin1(kGtin))
                                                    .arg(p + 1, 6, 10, QLatin1Char('0')));
        }
    }

    void badInputIsNamed()
    {
        PrintDialog dialog(serialLabel(), nullptr, QString(), nullptr, PrintSettings{});
        dialog.setTarget(QStringLiteral("pdf"));
        dialog.setOutputFile(QString());
        QSignalSpy done(&dialog, &PrintDialog::printFinished);
        dialog.startPrint();
        QCOMPARE(done.count(), 1);
        QVERIFY(!done.first().first().toBool());
        QVERIFY2(dialog.lastError().startsWith(QStringLiteral("output")),
                 qPrintable(dialog.lastError()));

        QTemporaryDir dir;
        dialog.setOutputFile(dir.filePath(QStringLiteral("x.pdf")));
        dialog.setRecords(PrintDialog::Records::SerialRange);
        dialog.setSerialRange(QString::fromLatin1(kGtin), QStringLiteral("SN000010-SN000001"));
        dialog.startPrint();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 60000);
        QVERIFY(!done.last().first().toBool());
        QVERIFY2(dialog.lastError().contains(QStringLiteral("serials")),
                 qPrintable(dialog.lastError()));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.pdf"))));
    }

    void cancelAndResumeOnTheWorker()
    {
        QTemporaryDir dir;
        label::LabelDocument doc = serialLabel();
        doc.merge.kind = label::MergeSpec::Kind::Serials;
        doc.merge.gtin = QString::fromLatin1(kGtin);
        doc.merge.serials = QStringLiteral("SN000001-SN000010");
        const label::PrintTarget target{label::PrintTarget::Kind::PdfFile,
                                        dir.filePath(QStringLiteral("c.pdf"))};
        // Cancel after the third label: nothing is sent, the job resumes at label 1.
        PrintWorker worker(doc, target, false, 0);
        QList<qint64> seen;
        connect(
            &worker, &PrintWorker::progress, this,
            [&](qint64 done, qint64 total) {
                QCOMPARE(total, qint64(10));
                seen.append(done);
                if (done == 3)
                    worker.cancel();
            },
            Qt::DirectConnection);
        bool ok = true;
        qint64 next = -1;
        QString error;
        connect(&worker, &PrintWorker::finished, this,
                [&](bool o, qint64, qint64 n, const QJsonObject&, const QString& e) {
                    ok = o;
                    next = n;
                    error = e;
                });
        worker.run();
        QVERIFY(!ok);
        QCOMPARE(seen, (QList<qint64>{1, 2, 3}));
        QCOMPARE(next, qint64(0));
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));

        // Resume from label 6: five pages, the first being SN000006.
        PrintWorker resumed(doc, target, false, 5);
        qint64 sent = 0;
        connect(&resumed, &PrintWorker::finished, this,
                [&](bool o, qint64 s, qint64, const QJsonObject&, const QString&) {
                    ok = o;
                    sent = s;
                });
        resumed.run();
        QVERIFY(ok);
        QCOMPARE(sent, qint64(5));
        std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(target.name);
        QVERIFY(pdf);
        QCOMPARE(pdf->numPages(), 5);
        std::unique_ptr<Poppler::Page> first(pdf->page(0));
        const auto d = test::decodeImage(
            test::cropMm(first->renderToImage(300, 300), QRectF(4, 4, 40, 40), 300));
        QVERIFY(d.text.endsWith("/21/SN000006"));
    }

    void stockCheck()
    {
        label::LabelDocument doc = test::loadExample(QStringLiteral("serial-sheet-24.dpplabel"));
        // A sheet on a ZPL printer is wrong; on an A4 office printer right.
        QCOMPARE(label::StockCheck::check(doc, label::PrintTarget::Kind::ZplHost).size(), 1);
        QCOMPARE(
            label::StockCheck::check(doc, label::PrintTarget::Kind::Cups, QSizeF(210, 297)).size(),
            0);
        // An A5-only printer cannot take an A4 sheet.
        QCOMPARE(
            label::StockCheck::check(doc, label::PrintTarget::Kind::Cups, QSizeF(148, 210)).size(),
            1);
        PrintSettings settings;
        settings.zplHosts = {QStringLiteral("127.0.0.1:9100")};
        PrintDialog dialog(doc, nullptr, QString(), nullptr, settings);
        dialog.setTarget(QStringLiteral("zpl-host:127.0.0.1:9100"));
        QVERIFY2(dialog.stockWarnings().contains(QStringLiteral("ZPL")),
                 qPrintable(dialog.stockWarnings()));
        dialog.setTarget(QStringLiteral("pdf"));
        QVERIFY(!dialog.stockWarnings().contains(QStringLiteral("⚠")));
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        QSettings ini(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        PrintSettings s;
        s.zplHosts = {QStringLiteral("zebra.local:9100")};
        s.zplQueues = {QStringLiteral("zebra_raw")};
        s.lastTarget = QStringLiteral("zpl-queue:zebra_raw");
        s.verify = false;
        s.calibration.insert(QStringLiteral("zpl-queue:zebra_raw"), {0.5, -0.25, 300});
        s.save(ini);
        ini.sync();
        const PrintSettings back =
            PrintSettings::load(QSettings(ini.fileName(), QSettings::IniFormat));
        QCOMPARE(back.zplHosts, s.zplHosts);
        QCOMPARE(back.zplQueues, s.zplQueues);
        QCOMPARE(back.lastTarget, s.lastTarget);
        QCOMPARE(back.verify, false);
        QCOMPARE(back.calibration.value(QStringLiteral("zpl-queue:zebra_raw")).dpi, 300);
        QCOMPARE(back.calibration.value(QStringLiteral("zpl-queue:zebra_raw")).offsetYMm, -0.25);
        // The dialog offers the stored targets and starts on the last one.
        PrintDialog dialog(serialLabel(), nullptr, QString(), nullptr, back);
        QCOMPARE(dialog.targetId(), QStringLiteral("zpl-queue:zebra_raw"));
    }

    void serialBatchFromStore_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void serialBatchFromStore()
    {
        QFETCH(QString, backend);
        test::TestDatabase testDb(backend);
        QString why;
        const QString location = testDb.create(&why);
        if (location.isEmpty())
            QSKIP(qPrintable(why));
        auto db = store::Database::open(location);
        QVERIFY2(db.ok(), qPrintable(db ? QString() : db.error().message));
        auto tenant = store::TenantRepository(**db).ensure(QStringLiteral("default"));
        QVERIFY(tenant.ok());
        QVERIFY(exporting::SampleSeeder::seed(**db, tenant->id).ok());
        const auto products = store::ProductRepository(**db, tenant->id).list();
        QVERIFY(!products.isEmpty());
        passport::SerialBatch batch;
        batch.productId = products.first().id;
        batch.prefix = QStringLiteral("B");
        batch.count = 3;
        batch.width = 4;
        auto created = store::SerialRepository(**db, tenant->id).createBatch(batch);
        QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
        const QStringList sns = created->serials();
        auto merge =
            label::StoreMergeSpec::build(**db, tenant->id, batch.productId, created->id, {});
        QVERIFY2(merge.ok(), qPrintable(merge ? QString() : merge.error().message));
        auto source = label::MergeSource::open(merge->spec);
        QVERIFY(source.ok());
        QCOMPARE(source.value()->recordCount(), qint64(3));
        label::MergeRecord r;
        QVERIFY(source.value()->next(r).value());
        QCOMPARE(r.value(QStringLiteral("gtin")), products.first().gtin);
        QCOMPARE(r.value(QStringLiteral("serial")), sns.first());
        QCOMPARE(r.value(QStringLiteral("product.name")), products.first().displayName());

        // dppctl's core call sends the first serial, then the operator cancels.
        QTcpServer printer;
        QVERIFY(printer.listen(QHostAddress::LocalHost, 0));
        label::StorePrintRequest cli;
        cli.productRef = batch.productId;
        cli.batchId = created->id;
        cli.actor = QStringLiteral("cli");
        label::PrintOptions options;
        options.chunkLabels = 1;
        options.progress = [](qint64 sent) { return sent < 1; };
        auto cancelled = label::StorePrintJob::run(
            **db, tenant->id, serialLabel(), cli,
            label::PrintTarget{label::PrintTarget::Kind::ZplHost,
                               QStringLiteral("127.0.0.1:%1").arg(printer.serverPort())},
            options);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, QStringLiteral("cancelled"));
        store::SerialRepository serials(**db, tenant->id);
        store::PrintJobRepository jobs(**db, tenant->id);
        const auto state = [&](const QString& sn) {
            return serials.state(batch.productId, sn).value_or(QString());
        };
        QCOMPARE(state(sns.at(0)), QStringLiteral("printed"));
        QCOMPARE(state(sns.at(1)), QStringLiteral("available"));

        // The dialog goes through the same StorePrintJob: a plain print of the
        // partly printed batch is refused and changes nothing…
        QTemporaryDir out;
        PrintDialog dialog(serialLabel(), db.value(), tenant->id, nullptr, PrintSettings{});
        dialog.setTarget(QStringLiteral("pdf"));
        dialog.setOutputFile(out.filePath(QStringLiteral("batch.pdf")));
        dialog.setRecords(PrintDialog::Records::SerialBatch);
        auto* batchBox = dialog.findChild<QComboBox*>(QStringLiteral("serialBatch"));
        QVERIFY(batchBox && batchBox->findData(created->id) >= 0);
        batchBox->setCurrentIndex(batchBox->findData(created->id));
        QSignalSpy done(&dialog, &PrintDialog::printFinished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("printButton")),
                          Qt::LeftButton);
        QVERIFY2(!done.isEmpty() || done.wait(120000), qPrintable(dialog.lastError()));
        QVERIFY(!done.takeFirst().first().toBool());
        QVERIFY2(dialog.lastError().startsWith(QLatin1String("batch:")) &&
                     dialog.lastError().contains(sns.at(0)),
                 qPrintable(dialog.lastError()));
        QCOMPARE(jobs.jobs(created->id).size(), 1);
        QCOMPARE(state(sns.at(1)), QStringLiteral("available"));

        // …and continuing (dppctl print --resume) prints the two serials left.
        dialog.setBatchResume(true);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("printButton")),
                          Qt::LeftButton);
        QVERIFY2(!done.isEmpty() || done.wait(120000), qPrintable(dialog.lastError()));
        QVERIFY2(done.takeFirst().first().toBool(), qPrintable(dialog.lastError()));
        QCOMPARE(dialog.lastSent(), qint64(2));
        for (const QString& sn : sns)
            QCOMPARE(state(sn), QStringLiteral("printed"));
        auto pdf = Poppler::Document::load(out.filePath(QStringLiteral("batch.pdf")));
        QVERIFY(pdf);
        QCOMPARE(pdf->numPages(), 2);
        auto rows = jobs.jobs(created->id);
        QCOMPARE(rows.size(), 2);
        const auto gui = std::find_if(rows.begin(), rows.end(), [](const auto& j) {
            return j.target.startsWith(QLatin1String("pdf:"));
        });
        QVERIFY(gui != rows.end());
        QCOMPARE(gui->status, QStringLiteral("completed"));
        QCOMPARE(gui->firstSerial, sns.at(1));
        QCOMPARE(gui->lastSerial, sns.at(2));
        QCOMPARE(gui->labelsSent, qint64(2));

        // A reprint from the dialog prints again, recorded as a reprint; states stay.
        dialog.setBatchResume(false);
        dialog.setReprint(sns.at(0) + QLatin1Char('-') + sns.at(1));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("printButton")),
                          Qt::LeftButton);
        QVERIFY2(!done.isEmpty() || done.wait(120000), qPrintable(dialog.lastError()));
        QVERIFY2(done.takeFirst().first().toBool(), qPrintable(dialog.lastError()));
        QCOMPARE(dialog.lastSent(), qint64(2));
        rows = jobs.jobs(created->id);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(std::count_if(rows.begin(), rows.end(),
                               [](const auto& j) { return j.kind == QLatin1String("reprint"); }),
                 1);
        for (const QString& sn : sns)
            QCOMPARE(state(sn), QStringLiteral("printed"));

        // An unknown batch or product is named.
        auto bad = label::StoreMergeSpec::build(**db, tenant->id, batch.productId,
                                                QStringLiteral("nope"), {});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().param, QStringLiteral("batch"));
        auto badProducts =
            label::StoreMergeSpec::products(**db, tenant->id, {QStringLiteral("nope")}, {});
        QVERIFY(!badProducts.ok());
        QCOMPARE(badProducts.error().param, QStringLiteral("products"));
    }
};

QTEST_MAIN(TestPrintDialog)
#include "tst_printdialog.moc"
