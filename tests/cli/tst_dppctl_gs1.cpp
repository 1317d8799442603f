// dppctl parse / gtin / --version / help: the exact contract scripts rely on,
// run against the real executable.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using dpp::test::runTool;

class TestDppctlGs1 : public QObject
{
    Q_OBJECT

    static QJsonObject json(const QByteArray& out)
    {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &err);
        if (err.error != QJsonParseError::NoError)
            qWarning("not JSON: %s", out.constData());
        return doc.object();
    }

private Q_SLOTS:
    void parseTheDocumentedExample()
    {
        const auto r = runTool(
            QStringLiteral("dppctl"),
            {QStringLiteral("parse"),
             QStringLiteral(
                 "https://id.example.com/01/09506000134352/10/ABC%2F1/21/12345?17=261231")});
        QCOMPARE(r.exitCode, 0);
        // Keys in the documented order, one line.
        QCOMPARE(r.out, QByteArray("{\"is_valid\":true,\"url\":\"https://id.example.com/01/"
                                   "09506000134352/10/ABC%2F1/21/"
                                   "12345?17=261231\",\"gtin\":\"09506000134352\",\"lot\":\"ABC/"
                                   "1\",\"expiry\":\"261231\","
                                   "\"serial\":\"12345\",\"raw_ais\":{\"01\":\"09506000134352\","
                                   "\"10\":\"ABC/1\",\"17\":"
                                   "\"261231\",\"21\":\"12345\"},\"element_string\":\"(01)"
                                   "09506000134352(10)ABC/1(21)12345"
                                   "(17)261231\",\"errors\":[]}\n"));
    }

    void parseInvalidPrintsJsonAndExitsOne()
    {
        const auto r = runTool(
            QStringLiteral("dppctl"),
            {QStringLiteral("parse"), QStringLiteral("https://id.example.com/01/09506000134357")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = json(r.out);
        QCOMPARE(o.value(u"is_valid").toBool(true), false);
        QVERIFY(o.value(u"gtin").isNull());
        QVERIFY(o.value(u"element_string").isNull());
        const QJsonArray errors = o.value(u"errors").toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value(u"ai").toString(), QStringLiteral("01"));
        QVERIFY2(errors.at(0)
                     .toObject()
                     .value(u"message")
                     .toString()
                     .contains(QStringLiteral("check digit")),
                 r.out.constData());
    }

    void parseNotADigitalLink()
    {
        const auto r =
            runTool(QStringLiteral("dppctl"), {QStringLiteral("parse"), QStringLiteral("hello")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = json(r.out);
        QCOMPARE(o.value(u"url").toString(), QStringLiteral("hello"));
        QVERIFY(o.value(u"errors").toArray().at(0).toObject().value(u"ai").isNull());
    }

    void parseUsageErrors()
    {
        QCOMPARE(runTool(QStringLiteral("dppctl"), {QStringLiteral("parse")}).exitCode, 2);
        QCOMPARE(runTool(QStringLiteral("dppctl"),
                         {QStringLiteral("parse"), QStringLiteral("a"), QStringLiteral("b")})
                     .exitCode,
                 2);
        QCOMPARE(runTool(QStringLiteral("dppctl"),
                         {QStringLiteral("parse"), QStringLiteral("--bogus"), QStringLiteral("a")})
                     .exitCode,
                 2);
        QCOMPARE(runTool(QStringLiteral("dppctl"), {QStringLiteral("nosuchcommand")}).exitCode, 2);
        QCOMPARE(runTool(QStringLiteral("dppctl"), {}).exitCode, 2);
    }

    void gtinValidAndInvalid()
    {
        auto r = runTool(QStringLiteral("dppctl"),
                         {QStringLiteral("gtin"), QStringLiteral("9506000134352")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out,
                 QByteArray("{\"valid\":true,\"gtin14\":\"09506000134352\",\"error\":null}\n"));
        r = runTool(QStringLiteral("dppctl"),
                    {QStringLiteral("gtin"), QStringLiteral("09506000134357")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QByteArray("{\"valid\":false,\"gtin14\":null,\"error\":\"check digit "
                                   "should be 2, got 7\"}\n"));
        QCOMPARE(runTool(QStringLiteral("dppctl"), {QStringLiteral("gtin")}).exitCode, 2);
    }

    void versionAndHelp()
    {
        for (const char* tool : {"dppctl", "dppserver", "dppstudio"}) {
            const auto v = runTool(QString::fromLatin1(tool), {QStringLiteral("--version")});
            QCOMPARE(v.exitCode, 0);
            QVERIFY2(v.out.startsWith(QByteArray(QByteArray(tool) + " 0.")), v.out.constData());
            const auto h = runTool(QString::fromLatin1(tool), {QStringLiteral("--help")});
            QCOMPARE(h.exitCode, 0);
            QVERIFY2(h.out.contains("Usage"), h.out.constData());
        }
        const auto help = runTool(QStringLiteral("dppctl"), {QStringLiteral("help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("parse <uri>"));
        QVERIFY(help.out.contains("gtin <value>"));
    }
};

QTEST_GUILESS_MAIN(TestDppctlGs1)
#include "tst_dppctl_gs1.moc"
