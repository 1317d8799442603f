// DigitalLink and ElementString beyond the conformance vectors: what label
// operators and scripts do with them (build on a resolver base, round trips,
// the errors they see).
#include <QTest>
#include <gs1/digitallink.h>
#include <gs1/elementstring.h>

using namespace dpp::gs1;

class TestDigitalLink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesTheDocumentedExample()
    {
        const auto dl = DigitalLink::parse(
            u"https://id.example.com/01/09506000134352/10/ABC%2F1/21/12345?17=261231");
        QVERIFY2(dl.ok(), qPrintable(dl.ok() ? QString() : dl.error().message));
        QCOMPARE(dl->base(), QStringLiteral("https://id.example.com"));
        QCOMPARE(dl->primaryKey(),
                 (AiValue{QStringLiteral("01"), QStringLiteral("09506000134352")}));
        const ElementString es = dl->elementString();
        QCOMPARE(es.value(u"10"), QStringLiteral("ABC/1"));
        QCOMPARE(es.value(u"21"), QStringLiteral("12345"));
        QCOMPARE(es.value(u"17"), QStringLiteral("261231"));
        QCOMPARE(es.bracketed(), QStringLiteral("(01)09506000134352(10)ABC/1(21)12345(17)261231"));
        QCOMPARE(es.unbracketed(), QStringLiteral("^010950600013435210ABC/1^2112345^17261231"));
        QCOMPARE(dl->uri(),
                 QStringLiteral(
                     "https://id.example.com/01/09506000134352/10/ABC%2F1/21/12345?17=261231"));
    }

    void keepsTheStemAndIgnoresNonAiParameters()
    {
        const auto dl = DigitalLink::parse(
            u"https://brand.example/dl/01/09506000134352?linkType=gs1:pip&17=261231");
        QVERIFY(dl.ok());
        QCOMPARE(dl->base(), QStringLiteral("https://brand.example/dl"));
        QCOMPARE(dl->ignoredQueryParameters(), QStringList{QStringLiteral("linkType=gs1:pip")});
        QCOMPARE(dl->uriOnBase(QStringLiteral("https://id.gs1.org")),
                 QStringLiteral("https://id.gs1.org/01/09506000134352?17=261231"));
    }

    void buildsCanonicalUris()
    {
        // Qualifiers go to the path in their permitted order, attributes to the query.
        const auto dl =
            DigitalLink::build({{QStringLiteral("17"), QStringLiteral("261231")},
                                {QStringLiteral("21"), QStringLiteral("SN 1")},
                                {QStringLiteral("01"), QStringLiteral("09506000134352")},
                                {QStringLiteral("10"), QStringLiteral("LOT+1")}},
                               QStringLiteral("https://resolver.example.com/"));
        QVERIFY2(!dl.ok(), "a space is not CSET 82");
        const auto good =
            DigitalLink::build({{QStringLiteral("17"), QStringLiteral("261231")},
                                {QStringLiteral("21"), QStringLiteral("SN/1")},
                                {QStringLiteral("01"), QStringLiteral("09506000134352")},
                                {QStringLiteral("10"), QStringLiteral("LOT+1")}},
                               QStringLiteral("https://resolver.example.com/"));
        QVERIFY2(good.ok(), qPrintable(good.ok() ? QString() : good.error().message));
        QCOMPARE(
            good->uri(),
            QStringLiteral(
                "https://resolver.example.com/01/09506000134352/10/LOT%2B1/21/SN%2F1?17=261231"));
        // Default base is GS1's.
        const auto plain =
            DigitalLink::build({{QStringLiteral("01"), QStringLiteral("09506000134352")}});
        QCOMPARE(plain->uri(), QStringLiteral("https://id.gs1.org/01/09506000134352"));
    }

    void roundTripsBothWays_data()
    {
        QTest::addColumn<QString>("bracketed");
        QTest::newRow("gtin") << "(01)09506000134352";
        QTest::newRow("gtin lot serial expiry")
            << "(01)09506000134352(10)LOT2026A(21)SN000001(17)261231";
        QTest::newRow("cpv") << "(01)09506000134352(22)2A(10)ABC";
        QTest::newRow("tpx") << "(01)09506000134352(235)TPX123";
        QTest::newRow("sscc") << "(00)106141411234567897";
        QTest::newRow("gln ext") << "(414)9520123456788(254)32a/b";
        QTest::newRow("weights") << "(01)09520123456788(3103)000195(3922)0299(17)201225";
    }
    void roundTripsBothWays()
    {
        QFETCH(QString, bracketed);
        const auto es = ElementString::fromBracketed(bracketed);
        QVERIFY2(es.ok(), qPrintable(es.ok() ? QString() : es.error().message));
        const auto dl = DigitalLink::fromElementString(*es, QStringLiteral("https://example.com"));
        QVERIFY2(dl.ok(), qPrintable(dl.ok() ? QString() : dl.error().message));
        const auto back = DigitalLink::parse(dl->uri());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        // Same AIs and values (order may differ: the DL orders them canonically).
        QList<AiValue> a = es->values(), b = back->elementString().values();
        const auto byAi = [](const AiValue& x, const AiValue& y) { return x.ai < y.ai; };
        std::sort(a.begin(), a.end(), byAi);
        std::sort(b.begin(), b.end(), byAi);
        QCOMPARE(a, b);
        // Unbracketed ↔ bracketed.
        const auto again = ElementString::fromUnbracketed(es->unbracketed());
        QVERIFY(again.ok());
        QCOMPARE(again->bracketed(), es->bracketed());
    }

    void encoderDataUsesGroupSeparators()
    {
        const auto es = ElementString::fromBracketed(u"(01)09506000134352(10)ABC(21)S1(17)261231");
        QVERIFY(es.ok());
        QCOMPARE(es->encoderData(), QByteArray("0109506000134352"
                                               "10ABC\x1d"
                                               "21S1\x1d"
                                               "17261231"));
        QCOMPARE(es->hri().first(), QStringLiteral("(01) 09506000134352"));
        QCOMPARE(es->hri(true), (QStringList{QStringLiteral("GTIN (01) 09506000134352"),
                                             QStringLiteral("BATCH/LOT (10) ABC"),
                                             QStringLiteral("SERIAL (21) S1"),
                                             QStringLiteral("USE BY or EXPIRY (17) 261231")}));
    }

    void errorsNameTheAi_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("param");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("qualifier order")
            << "https://a.example/01/09506000134352/21/S1/10/L1"
            << "21"
            << "(21) (10) after (01) is not a valid key-qualifier sequence";
        QTest::newRow("attribute in path") << "https://a.example/01/09506000134352/17/261231"
                                           << "17"
                                           << "is not a valid key-qualifier sequence";
        QTest::newRow("lot in query") << "https://a.example/01/09506000134352?10=ABC"
                                      << "10"
                                      << "AI (10) qualifies (01) and must be in the path";
        QTest::newRow("serial in query") << "https://a.example/01/09506000134352?21=ABC"
                                         << "21"
                                         << "AI (21) is not allowed as a query attribute";
        QTest::newRow("duplicate") << "https://a.example/01/09506000134352?99=A&99=A"
                                   << "99"
                                   << "AI (99) appears more than once";
        QTest::newRow("short gtin") << "https://a.example/01/9506000134352"
                                    << "01"
                                    << "AI (01) GTIN: value is too short";
        QTest::newRow("empty value") << "https://a.example/01/09506000134352/10/"
                                     << "10"
                                     << "AI (10) has an empty value";
        QTest::newRow("lot too long")
            << "https://a.example/01/09506000134352/10/ABCDEFGHIJKLMNOPQRSTU"
            << "10"
            << "AI (10) BATCH/LOT: value is too long";
        QTest::newRow("not a DL") << "ftp://a.example/01/09506000134352"
                                  << ""
                                  << "a Digital Link starts with http:// or https://";
        QTest::newRow("no key") << "https://a.example/product/123"
                                << ""
                                << "no GS1 Digital Link primary key found in the path";
        QTest::newRow("trailing slash") << "https://a.example/01/09506000134352/"
                                        << ""
                                        << "no GS1 Digital Link primary key found in the path";
        QTest::newRow("bad char") << "https://a.example/01/09506000134352<x"
                                  << ""
                                  << "the URI contains '<'";
    }
    void errorsNameTheAi()
    {
        QFETCH(QString, uri);
        QFETCH(QString, param);
        QFETCH(QString, messagePart);
        const auto dl = DigitalLink::parse(uri);
        QVERIFY(!dl.ok());
        QCOMPARE(dl.error().param, param);
        QVERIFY2(dl.error().message.contains(messagePart), qPrintable(dl.error().message));
    }

    void zeroSuppressedGtinIsAnOption()
    {
        QVERIFY(!DigitalLink::parse(u"https://a.example/01/9506000134352").ok());
        DigitalLinkOptions o;
        o.permitZeroSuppressedGtin = true;
        const auto dl = DigitalLink::parse(u"https://a.example/01/9506000134352", o);
        QVERIFY(dl.ok());
        QCOMPARE(dl->primaryKey().value, QStringLiteral("09506000134352"));
        QCOMPARE(dl->uri(),
                 QStringLiteral("https://a.example/01/09506000134352")); // never emitted short
    }

    void requisitesAreChecked()
    {
        // (21) needs (01), (03) or (8006); a DL always has its key, but an element string may not.
        const auto es = ElementString::fromBracketed(u"(21)ABC");
        QVERIFY(!es.ok());
        QCOMPARE(es.error().param, QStringLiteral("21"));
        QVERIFY2(es.error().message.contains(QStringLiteral("requires (01), (03), (8006)")),
                 qPrintable(es.error().message));
        const auto mutex = ElementString::fromBracketed(
            u"(01)09506000134352(02)09506000134352(37)1(00)106141411234567897");
        QVERIFY(!mutex.ok());
        QVERIFY2(mutex.error().message.contains(QStringLiteral("must not be used together")),
                 qPrintable(mutex.error().message));
    }
};

QTEST_GUILESS_MAIN(TestDigitalLink)
#include "tst_digitallink.moc"
