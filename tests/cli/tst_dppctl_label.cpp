// dppctl render / print / stock: the contract of the label commands, with a
// real loopback TCP listener standing in for a printer's raw port 9100.
#include "labeltestsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <poppler-qt6.h>

using namespace dpp;

class TestDppctlLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stockList()
    {
        const auto r = test::runTool(QStringLiteral("dppctl"),
                                     {QStringLiteral("stock"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QVERIFY(lines.size() >= 25);
        QVERIFY(r.out.contains("\"id\":\"avery-l7160\""));
        QVERIFY(r.out.contains("\"id\":\"roll-100x150\""));
    }

    void renderPdfWithSerialRange()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("wine.pdf"));
        const auto r = test::runTool(
            QStringLiteral("dppctl"),
            {QStringLiteral("render"),
             test::exampleLabel(QStringLiteral("wine-back-label.dpplabel")),
             QStringLiteral("--gtin"), QStringLiteral("09506000134352"), QStringLiteral("--lot"),
             QStringLiteral("L9"), QStringLiteral("--serials"), QStringLiteral("SN000001-SN000012"),
             QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("labels")).toInt(), 12);
        std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(out);
        QVERIFY(pdf);
        QCOMPARE(pdf->numPages(), 12);
        std::unique_ptr<Poppler::Page> last(pdf->page(11));
        const QSizeF mm = last->pageSizeF() * 25.4 / 72;
        QVERIFY(std::abs(mm.width() - 50) <= 0.05 && std::abs(mm.height() - 80) <= 0.05);
        const QImage image = last->renderToImage(300, 300);
        const auto d = test::decodeImage(
            image.copy(QRect(0, int(28 / 25.4 * 300), image.width(), int(30 / 25.4 * 300))));
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.text, QByteArray("https://id.gs1.org/01/09506000134352/10/L9/21/SN000012"));
    }

    void renderRejectsBadInput()
    {
        QTemporaryDir dir;
        const auto badRange =
            test::runTool(QStringLiteral("dppctl"),
                          {QStringLiteral("render"),
                           test::exampleLabel(QStringLiteral("wine-back-label.dpplabel")),
                           QStringLiteral("--serials"), QStringLiteral("SN9-SN1"),
                           QStringLiteral("--out"), dir.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(badRange.exitCode, 1);
        QVERIFY2(badRange.err.contains("merge.serials"), badRange.err.constData());
        QFile label(dir.filePath(QStringLiteral("bad.dpplabel")));
        QVERIFY(label.open(QIODevice::WriteOnly));
        label.write(
            R"({"version":1,"stock":"roll-50x25","elements":[{"type":"text","x":1,"y":1,"width":20,"height":5,"text":"{{colour}}"}]})");
        label.close();
        const auto unknown =
            test::runTool(QStringLiteral("dppctl"),
                          {QStringLiteral("render"), label.fileName(), QStringLiteral("--out"),
                           dir.filePath(QStringLiteral("x.png"))});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("$.elements[0].text") && unknown.err.contains("colour"),
                 unknown.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.png"))));
    }

    void printToLoopbackZplHost()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QProcess p;
        p.start(
            test::binDir() + QStringLiteral("/dppctl"),
            {QStringLiteral("print"), test::exampleLabel(QStringLiteral("battery-label.dpplabel")),
             QStringLiteral("--zpl-host"), QStringLiteral("127.0.0.1:%1").arg(server.serverPort()),
             QStringLiteral("--verify")});
        QVERIFY(p.waitForStarted());
        QByteArray received;
        QVERIFY(server.waitForNewConnection(60000));
        QTcpSocket* s = server.nextPendingConnection();
        while (s->state() == QAbstractSocket::ConnectedState || s->bytesAvailable() > 0) {
            s->waitForReadyRead(2000);
            received += s->readAll();
            if (p.state() == QProcess::NotRunning && s->bytesAvailable() == 0 &&
                !s->waitForReadyRead(200))
                break;
        }
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(received.count("^XA"), 3);
        QCOMPARE(received.count("^XZ"), 3);
        QVERIFY(received.contains("BAT00003"));
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o.value(QStringLiteral("sent")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("verification"))
                     .toObject()
                     .value(QStringLiteral("passed"))
                     .toInt(),
                 2);
    }

    void printToClosedPortFails()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const auto r = test::runTool(
            QStringLiteral("dppctl"),
            {QStringLiteral("print"), test::exampleLabel(QStringLiteral("battery-label.dpplabel")),
             QStringLiteral("--zpl-host"), QStringLiteral("127.0.0.1:%1").arg(port)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("zpl_host") && r.err.contains("resume at label 1"),
                 r.err.constData());
    }
};

QTEST_MAIN(TestDppctlLabel)
#include "tst_dppctl_label.moc"
