// Conformance against the GS1 Syntax Engine's own test cases
// (../shared/gs1/syntax-engine-vectors.jsonl): every record kind except
// component_lint, which tst_gs1linters covers. Prints a pass count per kind.
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <gs1/digitallink.h>
#include <gs1/elementstring.h>
#include <gs1/scandata.h>

using namespace dpp::gs1;
using dpp::Result;
using dpp::Status;

// Skips a case when ../shared is absent (the only reason to skip).
#define REQUIRE_VECTORS()                                                                          \
    if (m_byKind.isEmpty())                                                                        \
    QSKIP("DPP_SHARED_DIR not present: GS1 vectors unavailable")

namespace {

struct Tally
{
    int passed = 0;
    QStringList failures;
    void check(bool ok, const QJsonObject& r, const QString& got)
    {
        if (ok) {
            ++passed;
            return;
        }
        failures << QStringLiteral("line %1: input %2 expected %3 got %4")
                        .arg(r.value(u"line").toInt())
                        .arg(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("i"),
                                                                          r.value(u"input")}})
                                                   .toJson(QJsonDocument::Compact)),
                             r.value(u"expect").toVariant().toString(), got);
    }
    void report(const char* kind, qsizetype total)
    {
        qInfo("%-18s %d/%lld passed", kind, passed, static_cast<long long>(total));
        for (const QString& f : failures.mid(0, 15))
            qWarning("  %s", qPrintable(f));
    }
};

DigitalLinkOptions dlOptions(const QJsonObject& r)
{
    const QJsonObject f = r.value(u"flags").toObject();
    DigitalLinkOptions o;
    o.permitZeroSuppressedGtin = f.value(u"permitZeroSuppressedGTIN").toBool();
    o.permitConvenienceAlphas = f.value(u"permitConvenienceAlphas").toBool();
    o.permitUnknownAis = f.value(u"permitUnknownAIs").toBool();
    o.unknownAiNotDlAttribute = f.value(u"UNKNOWN_AI_NOT_DL_ATTR").toBool(true);
    o.checkRequisites = f.value(u"REQUISITE_AIS").toBool(true);
    return o;
}

} // namespace

class TestGs1Vectors : public QObject
{
    Q_OBJECT
    QHash<QString, QList<QJsonObject>> m_byKind;

    const QList<QJsonObject>& records(const char* kind)
    {
        return m_byKind[QString::fromLatin1(kind)];
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = dpp::test::sharedDir();
        if (dir.isEmpty())
            return;
        QFile f(dir + QStringLiteral("/gs1/syntax-engine-vectors.jsonl"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const QJsonObject r = QJsonDocument::fromJson(line).object();
            m_byKind[r.value(u"kind").toString()].append(r);
        }
        QVERIFY(m_byKind.size() >= 11);
    }

    void dlToElem()
    {
        REQUIRE_VECTORS();
        Tally t;
        const auto& rs = records("dl_to_elem");
        for (const QJsonObject& r : rs) {
            // The engine's test calls an internal parser that skips req= checks.
            DigitalLinkOptions o = dlOptions(r);
            o.checkRequisites = false;
            const auto dl = DigitalLink::parse(r.value(u"input").toString(), o);
            const QString got = dl.ok() ? dl->elementString().unbracketed() : QString();
            const bool valid = r.value(u"valid").toBool();
            t.check(valid ? got == r.value(u"expect").toString() : !dl.ok(), r,
                    dl.ok() ? got : QStringLiteral("error: ") + dl.error().message);
        }
        t.report("dl_to_elem", rs.size());
        QCOMPARE(t.passed, rs.size());
    }

    void aiToDl()
    {
        REQUIRE_VECTORS();
        Tally t;
        const auto& rs = records("ai_to_dl");
        for (const QJsonObject& r : rs) {
            const DigitalLinkOptions o = dlOptions(r);
            ValidationOptions vo;
            vo.permitUnknownAis = o.permitUnknownAis;
            vo.checkAssociations = false;
            const auto es = ElementString::fromBracketed(r.value(u"input").toString(), vo);
            Result<DigitalLink> dl =
                es.ok() ? DigitalLink::fromElementString(*es, r.value(u"stem").toString(), o)
                        : Result<DigitalLink>(es.error());
            const QString got =
                dl.ok() ? dl->uri() : QStringLiteral("error: ") + dl.error().message;
            const bool valid = r.value(u"valid").toBool();
            t.check(valid ? (dl.ok() && got == r.value(u"expect").toString()) : !dl.ok(), r, got);
        }
        t.report("ai_to_dl", rs.size());
        QCOMPARE(t.passed, rs.size());
    }

    void bracketedToElem()
    {
        REQUIRE_VECTORS();
        Tally t;
        const auto& rs = records("bracketed_to_elem");
        for (const QJsonObject& r : rs) {
            ValidationOptions vo;
            vo.checkAssociations = false; // as in the engine's test (see README)
            const auto es = ElementString::fromBracketed(r.value(u"input").toString(), vo);
            const QString got =
                es.ok() ? es->unbracketed() : QStringLiteral("error: ") + es.error().message;
            const bool valid = r.value(u"valid").toBool();
            t.check(valid ? (es.ok() && got == r.value(u"expect").toString()) : !es.ok(), r, got);
        }
        t.report("bracketed_to_elem", rs.size());
        QCOMPARE(t.passed, rs.size());
    }

    void elemValid()
    {
        REQUIRE_VECTORS();
        Tally t;
        const auto& rs = records("elem_valid");
        for (const QJsonObject& r : rs) {
            ValidationOptions vo;
            vo.checkAssociations = false;
            vo.permitUnknownAis = r.value(u"flags").toObject().value(u"permitUnknownAIs").toBool();
            const auto es = ElementString::fromUnbracketed(r.value(u"input").toString(), vo);
            t.check(es.ok() == r.value(u"valid").toBool(), r,
                    es.ok() ? QStringLiteral("valid") : es.error().message);
        }
        t.report("elem_valid", rs.size());
        QCOMPARE(t.passed, rs.size());
    }

    void aiAssociation()
    {
        REQUIRE_VECTORS();
        Tally t;
        const auto& rs = records("ai_association");
        const QHash<QString, int> rules = {
            {QStringLiteral("validateAIrepeats"), ElementString::RepeatsIdentical},
            {QStringLiteral("validateAImutex"), ElementString::Mutex},
            {QStringLiteral("validateAIrequisites"), ElementString::Requisites},
            {QStringLiteral("validateDigSigRequiresSerialisedKey"), ElementString::DigSigSerialKey},
        };
        for (const QJsonObject& r : rs) {
            ValidationOptions vo;
            vo.checkAssociations = false;
            vo.permitUnknownAis = true;
            const auto es = ElementString::fromBracketed(r.value(u"input").toString(), vo);
            QVERIFY2(rules.contains(r.value(u"rule").toString()),
                     qPrintable(r.value(u"rule").toString()));
            const Status st =
                es.ok() ? es->validateAssociations(rules.value(r.value(u"rule").toString()))
                        : Status(es.error());
            t.check(st.ok() == r.value(u"valid").toBool(), r,
                    st.ok() ? QStringLiteral("valid") : st.error().message);
        }
        t.report("ai_association", rs.size());
        QCOMPARE(t.passed, rs.size());
    }

    void aiLint()
    {
        REQUIRE_VECTORS();
        Tally t;
        const auto& rs = records("ai_lint");
        for (const QJsonObject& r : rs) {
            ValidationOptions vo;
            vo.checkAssociations = false;
            const auto es = ElementString::fromBracketed(r.value(u"input").toString(), vo);
            const QString expect = r.value(u"expect").toString();
            const QString got = es.ok() ? QStringLiteral("GS1_LINTER_OK") : es.error().code;
            t.check(got == expect, r, got + u' ' + (es.ok() ? QString() : es.error().message));
        }
        t.report("ai_lint", rs.size());
        QCOMPARE(t.passed, rs.size());
    }

    void elemToScanData()
    {
        REQUIRE_VECTORS();
        Tally t;
        const auto& rs = records("elem_to_scandata");
        for (const QJsonObject& r : rs) {
            const auto scan = generateScanData(symbologyFromName(r.value(u"sym").toString()),
                                               r.value(u"input").toString());
            const QJsonValue expect = r.value(u"expect");
            t.check(expect.isNull() ? !scan.has_value() : (scan && *scan == expect.toString()), r,
                    scan ? *scan : QStringLiteral("(none)"));
        }
        t.report("elem_to_scandata", rs.size());
        QCOMPARE(t.passed, rs.size());
    }

    void scanDataToElem()
    {
        REQUIRE_VECTORS();
        Tally t;
        const auto& rs = records("scandata_to_elem");
        for (const QJsonObject& r : rs) {
            const auto m = processScanData(r.value(u"input").toString());
            const bool valid = r.value(u"valid").toBool();
            const bool ok = valid ? (m.ok() && m->dataString == r.value(u"expect").toString() &&
                                     symbologyName(m->symbology) == r.value(u"sym").toString())
                                  : !m.ok();
            t.check(ok, r,
                    m.ok() ? symbologyName(m->symbology) + u' ' + m->dataString
                           : m.error().message);
        }
        t.report("scandata_to_elem", rs.size());
        QCOMPARE(t.passed, rs.size());
    }

    void uriEscape()
    {
        REQUIRE_VECTORS();
        checkEscaping("uri_escape", &DigitalLink::escape);
    }

    void uriUnescape()
    {
        REQUIRE_VECTORS();
        checkEscaping("uri_unescape", &DigitalLink::unescape);
    }

private:
    // Both escaping kinds give the path form and the query form of one input.
    void checkEscaping(const char* kind, QString (*fn)(QStringView, bool))
    {
        Tally t;
        const auto& rs = records(kind);
        for (const QJsonObject& r : rs) {
            const QString in = r.value(u"input").toString();
            const QString p = fn(in, false), q = fn(in, true);
            t.check(p == r.value(u"expect_path").toString() &&
                        q == r.value(u"expect_query").toString(),
                    r, p + u" | " + q);
        }
        t.report(kind, rs.size());
        QCOMPARE(t.passed, rs.size());
    }
};

QTEST_GUILESS_MAIN(TestGs1Vectors)
#include "tst_gs1vectors.moc"
