// GS1 component linters: every component_lint vector of the GS1 Syntax Engine
// (code and highlighted span), the dictionary names, the GCP register hook and
// the sentences users see.
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTest>
#include <gs1/linter.h>

#include <string>

using dpp::gs1::findLinter;
using dpp::gs1::GcpStatus;
using dpp::gs1::LintError;
using dpp::gs1::lintMessage;

namespace {

constexpr const char* kVectors = "/gs1/syntax-engine-vectors.jsonl";

// "12*3*4" style rendering of a result, as the upstream tests write highlights.
std::string highlight(const std::string& input, const LintError& e)
{
    return input.substr(0, e.position) + '*' + input.substr(e.position, e.length) + '*' +
           input.substr(e.position + e.length);
}

// A stand-in GCP register. The upstream tests run the GCP linters against a mock
// register that rejects (or is offline for) the prefix under test; the vectors
// only record the outcome. This mock fails exactly the lookup whose view starts
// at `failAt` in `input`, so a coupon's earlier prefixes still pass.
struct MockRegister
{
    static inline std::string_view input;
    static inline std::size_t failAt = 0;
    static inline GcpStatus status = GcpStatus::Valid;

    static GcpStatus lookup(std::string_view gcp)
    {
        const auto offset = static_cast<std::size_t>(gcp.data() - input.data());
        return offset == failAt ? status : GcpStatus::Valid;
    }
};

// Restores "no register" however a test ends.
struct RegisterGuard
{
    explicit RegisterGuard(dpp::gs1::GcpLookupFn fn) { dpp::gs1::setGcpLookup(fn); }
    ~RegisterGuard() { dpp::gs1::setGcpLookup(nullptr); }
    RegisterGuard(const RegisterGuard&) = delete;
    RegisterGuard& operator=(const RegisterGuard&) = delete;
};

QList<QJsonObject> readVectors(const QString& kind, QString* error)
{
    QList<QJsonObject> records;
    QFile file(dpp::test::sharedDir() + QLatin1String(kVectors));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return records;
    }
    int lineNo = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QLatin1String("kind")).toString() != kind)
            continue;
        o.insert(QLatin1String("_line"), lineNo);
        records.append(o);
    }
    return records;
}

} // namespace

class TestGs1Linters : public QObject
{
    Q_OBJECT

    QSet<QString> m_producedCodes; // every code seen from our linters, for aiLintCodes()

private Q_SLOTS:
    void componentVectors()
    {
        if (dpp::test::sharedDir().isEmpty())
            QSKIP("DPP_SHARED_DIR not available");
        QString error;
        const QList<QJsonObject> records = readVectors(QStringLiteral("component_lint"), &error);
        if (!error.isEmpty())
            QSKIP(qPrintable(QStringLiteral("vectors not readable: ") + error));

        QMap<QString, QPair<int, int>> perLinter; // name → (passed, total)
        QStringList failures;
        int passed = 0;
        for (const QJsonObject& r : records) {
            const QString name = r.value(QLatin1String("linter")).toString();
            // Inputs are bytes; the extraction stored each byte as one code point.
            const std::string input =
                r.value(QLatin1String("input")).toString().toLatin1().toStdString();
            const bool valid = r.value(QLatin1String("valid")).toBool();
            const QString expectCode = r.value(QLatin1String("expect_err")).toString();
            const std::string expectHighlight =
                r.value(QLatin1String("expect_highlight")).toString().toLatin1().toStdString();
            const int line = r.value(QLatin1String("_line")).toInt();

            auto& counts = perLinter[name];
            ++counts.second;
            const auto linter = findLinter(name.toStdString());
            QString problem;
            if (!linter) {
                problem = QStringLiteral("unknown linter");
            } else {
                const bool needsRegister =
                    expectCode == QLatin1String("GS1_LINTER_INVALID_GCP_PREFIX") ||
                    expectCode == QLatin1String("GS1_LINTER_GCP_DATASOURCE_OFFLINE");
                std::optional<RegisterGuard> guard;
                if (needsRegister) {
                    MockRegister::input = input;
                    MockRegister::failAt = expectHighlight.find('*');
                    MockRegister::status = expectCode.endsWith(QLatin1String("OFFLINE"))
                                               ? GcpStatus::Offline
                                               : GcpStatus::Invalid;
                    guard.emplace(&MockRegister::lookup);
                }
                const std::optional<LintError> got = linter(input);
                if (got)
                    m_producedCodes.insert(QLatin1String(got->code));
                if (valid && got) {
                    problem = QStringLiteral("expected OK, got %1 %2")
                                  .arg(QLatin1String(got->code),
                                       QString::fromLatin1(highlight(input, *got)));
                } else if (!valid && !got) {
                    problem = QStringLiteral("expected %1, got OK").arg(expectCode);
                } else if (!valid && (expectCode != QLatin1String(got->code) ||
                                      highlight(input, *got) != expectHighlight)) {
                    problem = QStringLiteral("expected %1 %2, got %3 %4")
                                  .arg(expectCode, QString::fromLatin1(expectHighlight),
                                       QLatin1String(got->code),
                                       QString::fromLatin1(highlight(input, *got)));
                }
            }
            if (problem.isEmpty()) {
                ++counts.first;
                ++passed;
            } else if (failures.size() < 15) {
                failures << QStringLiteral("line %1 %2 '%3': %4")
                                .arg(line)
                                .arg(name, QString::fromLatin1(input), problem);
            }
        }

        for (auto it = perLinter.cbegin(); it != perLinter.cend(); ++it)
            qInfo("%-26s %4d/%d", qPrintable(it.key()), it.value().first, it.value().second);
        qInfo("component_lint total %d/%lld", passed, static_cast<long long>(records.size()));
        for (const QString& f : failures)
            qWarning("%s", qPrintable(f));

        QCOMPARE(records.size(), 5672);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(passed, static_cast<int>(records.size()));
    }

    void dictionaryNames()
    {
        // Every name the Syntax Dictionary uses, with and without the vectors' prefix.
        const char* names[] = {"couponcode",   "couponposoffer",
                               "cset39",       "cset64",
                               "cset82",       "csetnumeric",
                               "csum",         "csumalpha",
                               "gcppos1",      "gcppos2",
                               "hasnondigit",  "hh",
                               "hhmi",         "hhmm",
                               "hyphen",       "iban",
                               "importeridx",  "iso3166",
                               "iso3166999",   "iso3166alpha2",
                               "iso3166list",  "iso4217",
                               "iso5218",      "key",
                               "keyoff1",      "latitude",
                               "latlong",      "longitude",
                               "mediatype",    "mi",
                               "mm",           "mmoptss",
                               "nonzero",      "nozeroprefix",
                               "packagetype",  "pcenc",
                               "pieceoftotal", "posinseqslash",
                               "ss",           "winding",
                               "yesno",        "yymmd0",
                               "yymmdd",       "yymmddhh",
                               "yyyymmd0",     "yyyymmdd",
                               "zero"};
        for (const char* n : names) {
            QVERIFY2(findLinter(n) != nullptr, n);
            QVERIFY2(findLinter(std::string("gs1_lint_") + n) == findLinter(n), n);
        }
        QVERIFY(findLinter("linter") != nullptr);
        QVERIFY(!findLinter("linter")("anything"));
        QVERIFY(findLinter("key") == findLinter("gcppos1"));
        QVERIFY(findLinter("keyoff1") == findLinter("gcppos2"));
        QVERIFY(findLinter("nosuchlinter") == nullptr);
        QVERIFY(findLinter("") == nullptr);
        QVERIFY(findLinter("gs1_lint_") == nullptr);
        QVERIFY(findLinter("CSUM") == nullptr); // names are case-sensitive, as in the dictionary
    }

    // Linters the Syntax Dictionary names but the engine's tests do not cover.
    void linterCasesBeyondVectors_data()
    {
        QTest::addColumn<QString>("linter");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("code"); // empty = OK
        QTest::addColumn<QByteArray>("highlight");

        QTest::newRow("key ok") << "key" << QByteArray("95012345") << "" << QByteArray();
        QTest::newRow("key short")
            << "key" << QByteArray("123") << "GS1_LINTER_TOO_SHORT_FOR_GCP" << QByteArray("*123*");
        QTest::newRow("key letter") << "key" << QByteArray("12A4")
                                    << "GS1_LINTER_INVALID_GCP_PREFIX" << QByteArray("12*A*4");
        QTest::newRow("keyoff1 ok") << "keyoff1" << QByteArray("I1234") << "" << QByteArray();
        QTest::newRow("keyoff1 short")
            << "keyoff1" << QByteArray("I") << "GS1_LINTER_TOO_SHORT_FOR_GCP" << QByteArray("*I*");
        QTest::newRow("keyoff1 short gcp")
            << "keyoff1" << QByteArray("I012") << "GS1_LINTER_TOO_SHORT_FOR_GCP"
            << QByteArray("I*012*");
        QTest::newRow("keyoff1 letter")
            << "keyoff1" << QByteArray("I0AAAA") << "GS1_LINTER_INVALID_GCP_PREFIX"
            << QByteArray("I0*A*AAA");

        QTest::newRow("latlong ok")
            << "latlong" << QByteArray("02790858483015297971") << "" << QByteArray();
        QTest::newRow("latlong max")
            << "latlong" << QByteArray("18000000003600000000") << "" << QByteArray();
        QTest::newRow("latlong short")
            << "latlong" << QByteArray("0279085848301529797") << "GS1_LINTER_LATLONG_INVALID_LENGTH"
            << QByteArray("*0279085848301529797*");
        QTest::newRow("latlong lat")
            << "latlong" << QByteArray("18000000013600000001") << "GS1_LINTER_INVALID_LATITUDE"
            << QByteArray("*1800000001*3600000001");
        QTest::newRow("latlong long")
            << "latlong" << QByteArray("00000000003600000001") << "GS1_LINTER_INVALID_LONGITUDE"
            << QByteArray("0000000000*3600000001*");
        QTest::newRow("latlong digit")
            << "latlong" << QByteArray("0000000000360000000x") << "GS1_LINTER_NON_DIGIT_CHARACTER"
            << QByteArray("0000000000360000000*x*");

        QTest::newRow("mmoptss mm") << "mmoptss" << QByteArray("59") << "" << QByteArray();
        QTest::newRow("mmoptss mmss") << "mmoptss" << QByteArray("5959") << "" << QByteArray();
        QTest::newRow("mmoptss minute") << "mmoptss" << QByteArray("6000")
                                        << "GS1_LINTER_ILLEGAL_MINUTE" << QByteArray("*60*00");
        QTest::newRow("mmoptss second") << "mmoptss" << QByteArray("0060")
                                        << "GS1_LINTER_ILLEGAL_SECOND" << QByteArray("00*60*");
        QTest::newRow("mmoptss length") << "mmoptss" << QByteArray("111")
                                        << "GS1_LINTER_MMSS_INVALID_LENGTH" << QByteArray("*111*");

        QTest::newRow("yymmddhh ok") << "yymmddhh" << QByteArray("00060623") << "" << QByteArray();
        QTest::newRow("yymmddhh month") << "yymmddhh" << QByteArray("20001000")
                                        << "GS1_LINTER_ILLEGAL_MONTH" << QByteArray("20*00*1000");
        QTest::newRow("yymmddhh day") << "yymmddhh" << QByteArray("20093100")
                                      << "GS1_LINTER_ILLEGAL_DAY" << QByteArray("2009*31*00");
        QTest::newRow("yymmddhh hour") << "yymmddhh" << QByteArray("00060624")
                                       << "GS1_LINTER_ILLEGAL_HOUR" << QByteArray("000606*24*");
        QTest::newRow("yymmddhh short")
            << "yymmddhh" << QByteArray("1111111") << "GS1_LINTER_DATE_WITH_HOUR_TOO_SHORT"
            << QByteArray("*1111111*");
        QTest::newRow("yymmddhh long")
            << "yymmddhh" << QByteArray("111111111") << "GS1_LINTER_DATE_WITH_HOUR_TOO_LONG"
            << QByteArray("*111111111*");

        QTest::newRow("hhmm alias")
            << "hhmm" << QByteArray("2400") << "GS1_LINTER_ILLEGAL_HOUR" << QByteArray("*24*00");
        QTest::newRow("mm alias") << "mm" << QByteArray("60") << "GS1_LINTER_ILLEGAL_MINUTE"
                                  << QByteArray("*60*");

        QTest::newRow("iso3166list ok")
            << "iso3166list" << QByteArray("250276380") << "" << QByteArray();
        QTest::newRow("iso3166list bad") << "iso3166list" << QByteArray("250999380")
                                         << "GS1_LINTER_NOT_ISO3166" << QByteArray("250*999*380");
        QTest::newRow("iso3166list ragged") << "iso3166list" << QByteArray("25027")
                                            << "GS1_LINTER_NOT_ISO3166" << QByteArray("*25027*");

        // Real-world values for the code lists.
        QTest::newRow("iso3166 Germany") << "iso3166" << QByteArray("276") << "" << QByteArray();
        QTest::newRow("iso4217 euro") << "iso4217" << QByteArray("978") << "" << QByteArray();
        QTest::newRow("alpha2 Kosovo is user-assigned")
            << "iso3166alpha2" << QByteArray("XK") << "GS1_LINTER_NOT_ISO3166_ALPHA2"
            << QByteArray("*XK*");
        QTest::newRow("alpha2 lower case") << "iso3166alpha2" << QByteArray("de")
                                           << "GS1_LINTER_NOT_ISO3166_ALPHA2" << QByteArray("*de*");
        QTest::newRow("iban lower case")
            << "iban" << QByteArray("de91100000000123456789")
            << "GS1_LINTER_ILLEGAL_IBAN_COUNTRY_CODE" << QByteArray("*de*91100000000123456789");
        QTest::newRow("csum gtin-13")
            << "csum" << QByteArray("9506000134352") << "" << QByteArray();
        QTest::newRow("coupon nacc sample")
            << "couponcode" << QByteArray("106141416543213500110000310123196000") << ""
            << QByteArray();
    }
    void linterCasesBeyondVectors()
    {
        QFETCH(QString, linter);
        QFETCH(QByteArray, input);
        QFETCH(QString, code);
        QFETCH(QByteArray, highlight);
        const auto fn = findLinter(linter.toStdString());
        QVERIFY(fn);
        const std::string data = input.toStdString();
        const auto got = fn(data);
        if (code.isEmpty()) {
            QVERIFY2(!got, got ? got->code : "");
            return;
        }
        QVERIFY(got);
        m_producedCodes.insert(QLatin1String(got->code));
        QCOMPARE(QString::fromLatin1(got->code), code);
        QCOMPARE(QByteArray::fromStdString(::highlight(data, *got)), highlight);
    }

    void gcpRegister()
    {
        const auto key = findLinter("key");
        QVERIFY(!key("95012345")); // no register: structure only
        {
            RegisterGuard guard([](std::string_view) { return GcpStatus::Invalid; });
            const auto bad = key("95012345");
            QVERIFY(bad);
            QCOMPARE(QString::fromLatin1(bad->code),
                     QStringLiteral("GS1_LINTER_INVALID_GCP_PREFIX"));
            QCOMPARE(bad->position, 0);
            QCOMPARE(bad->length, 8);
            // keyoff1 highlights from the prefix, past the indicator digit.
            const auto off = findLinter("keyoff1")("195012345");
            QVERIFY(off);
            QCOMPARE(off->position, 1);
            QCOMPARE(off->length, 8);
            // Structural faults are reported before the register is asked.
            QCOMPARE(QString::fromLatin1(key("12")->code),
                     QStringLiteral("GS1_LINTER_TOO_SHORT_FOR_GCP"));
        }
        {
            RegisterGuard guard([](std::string_view) { return GcpStatus::Offline; });
            QCOMPARE(QString::fromLatin1(key("95012345")->code),
                     QStringLiteral("GS1_LINTER_GCP_DATASOURCE_OFFLINE"));
            // Coupons consult the register for their primary company prefix.
            const auto coupon = findLinter("couponcode")("012345612345611110123");
            QVERIFY(coupon);
            QCOMPARE(coupon->position, 1);
            QCOMPARE(coupon->length, 6);
        }
        QVERIFY(!key("95012345")); // guard removed the register again
    }

    void userMessages_data()
    {
        QTest::addColumn<QString>("linter");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("check digit")
            << "csum" << QByteArray("9506000134357") << "the check digit is wrong";
        QTest::newRow("country") << "iso3166" << QByteArray("999")
                                 << "an ISO 3166 country code is expected";
        QTest::newRow("currency") << "iso4217" << QByteArray("000")
                                  << "an ISO 4217 currency code is expected";
        QTest::newRow("digit") << "csetnumeric" << QByteArray("12a") << "a digit is expected";
        QTest::newRow("month") << "yymmdd" << QByteArray("251301") << "the month is not valid";
        QTest::newRow("day") << "yymmdd" << QByteArray("250230")
                             << "the day is not valid for the month";
        QTest::newRow("check pair") << "csumalpha" << QByteArray("1987654Ad4X4bL5ttr2310cXK")
                                    << "the check character pair is wrong";
        QTest::newRow("iban") << "iban" << QByteArray("DE91100000000123456780")
                              << "the IBAN check digits are wrong";
        QTest::newRow("coupon") << "couponcode" << QByteArray("012345612345611110123900000")
                                << "the coupon has data after its last recognised field";
    }
    void userMessages()
    {
        QFETCH(QString, linter);
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        const auto got = findLinter(linter.toStdString())(input.toStdString());
        QVERIFY(got);
        QCOMPARE(lintMessage(got->code), message);
    }

    void everyCodeHasASentence()
    {
        // Runs after the vectors: every code our linters produced has its own sentence,
        // not the generic fallback that quotes the code.
        QVERIFY(!m_producedCodes.isEmpty() || dpp::test::sharedDir().isEmpty());
        for (const QString& code : std::as_const(m_producedCodes)) {
            const QByteArray c = code.toLatin1();
            const QString m = lintMessage(c.constData());
            QVERIFY2(!m.contains(code) && !m.isEmpty(), qPrintable(code));
        }
        QVERIFY(lintMessage("GS1_LINTER_SOMETHING_NEW")
                    .contains(QLatin1String("GS1_LINTER_SOMETHING_NEW")));
        QVERIFY(!lintMessage(nullptr).isEmpty());
    }

    void aiLintCodes()
    {
        // The ai_lint vectors name the code a real AI's data triggers; the AI table
        // checks them end to end (tst_gs1vectors). Here: our linters can produce every one.
        if (dpp::test::sharedDir().isEmpty())
            QSKIP("DPP_SHARED_DIR not available");
        QString error;
        const QList<QJsonObject> records = readVectors(QStringLiteral("ai_lint"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), 99);
        for (const QJsonObject& r : records) {
            const QString code = r.value(QLatin1String("expect")).toString();
            if (code == QLatin1String("GS1_LINTER_OK"))
                continue;
            QVERIFY2(m_producedCodes.contains(code),
                     qPrintable(QStringLiteral("line %1: %2 never produced")
                                    .arg(r.value(QLatin1String("_line")).toInt())
                                    .arg(code)));
        }
    }
};

QTEST_GUILESS_MAIN(TestGs1Linters)
#include "tst_gs1linters.moc"
