// Legacy GS1 Digital Link compression, read back: vectors from gs1/digital-link.js
// (tests/index.js, compress/decompress pairs) and the error paths.
#include <QTest>
#include <gs1/compresseddigitallink.h>
#include <gs1/digitallink.h>

using namespace dpp::gs1;

class TestCompressedDigitalLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decompressesTheGs1Vector()
    {
        const auto d = CompressedDigitalLink::decompress(u"HxHKVAdpQgZzjr-hCDKigI");
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        const QList<AiValue> expected{
            {"01", "09780345418913"}, {"10", "231"}, {"15", "120820"}, {"21", "345345"}};
        QCOMPARE(d->ais, expected);
        const auto dl = DigitalLink::build(d->ais, QStringLiteral("https://id.example.com"));
        QVERIFY(dl.ok());
        QCOMPARE(
            dl->uri(),
            QStringLiteral("https://id.example.com/01/09780345418913/10/231/21/345345?15=120820"));
    }

    void refusesWhatIsNotCompressed()
    {
        QVERIFY(!CompressedDigitalLink::looksCompressed(u"short"));
        QVERIFY(!CompressedDigitalLink::looksCompressed(u"has.a.dot.in.it"));
        QVERIFY(CompressedDigitalLink::looksCompressed(u"HxHKVAdpQgZzjr-hCDKigI"));
        // Cut short: the GTIN's bits end early.
        const auto cut = CompressedDigitalLink::decompress(u"HxHKVAdp");
        QVERIFY(!cut.ok());
        QCOMPARE(cut.error().param, QStringLiteral("path"));
        // An unallocated optimisation code (Bx).
        QVERIFY(!CompressedDigitalLink::decompress(u"sAAAAAAAAAAA").ok());
    }
};

QTEST_GUILESS_MAIN(TestCompressedDigitalLink)
#include "tst_compresseddigitallink.moc"
