// The AI table read from the bundled Syntax Dictionary: coverage, the facts
// users rely on most, value checks with their messages, and the parser's errors.
#include <QTest>
#include <gs1/aitable.h>
#include <gs1/elementstring.h>

using namespace dpp::gs1;

class TestAiTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void coversTheDictionary()
    {
        const AiTable& t = AiTable::instance();
        // Ranges expand to single AIs (3100-3105 → six entries, 91-99 → nine).
        QVERIFY2(t.entries().size() > 500, qPrintable(QString::number(t.entries().size())));
        for (const char* ai :
             {"00",   "01",   "02",   "03",   "10",   "11",   "17",   "21",  "22",   "235",
              "253",  "254",  "255",  "3103", "3695", "3925", "400",  "414", "4309", "7003",
              "7040", "7240", "8003", "8006", "8013", "8030", "8200", "90",  "91",   "99"})
            QVERIFY2(t.find(ai), ai);
        for (const char* ai : {"04", "05", "19", "23", "26", "3106", "3999", "89", "9", "100", ""})
            QVERIFY2(!t.find(ai), ai);
        // Sorted, no duplicates.
        for (size_t i = 1; i < t.entries().size(); ++i)
            QVERIFY(t.entries()[i - 1].ai < t.entries()[i].ai);
    }

    void gtinFacts()
    {
        const AiEntry* e = AiTable::instance().find("01");
        QVERIFY(e);
        QCOMPARE(QString::fromStdString(e->title), QStringLiteral("GTIN"));
        QVERIFY(e->predefinedLength);
        QVERIFY(e->dlPrimaryKey);
        QVERIFY(e->dlDataAttribute);
        QCOMPARE(e->components.size(), size_t(1));
        QCOMPARE(e->components[0].charSet, CharSet::Numeric);
        QCOMPARE(e->components[0].minLength, 14);
        QCOMPARE(e->components[0].maxLength, 14);
        QCOMPARE(e->dlQualifierSequences.size(), size_t(2));
        QCOMPARE(e->dlQualifierSequences[0], (std::vector<std::string>{"22", "10", "21"}));
        QCOMPARE(e->dlQualifierSequences[1], (std::vector<std::string>{"235"}));
        QVERIFY(std::find(e->excludes.begin(), e->excludes.end(), "255") != e->excludes.end());
    }

    void lotSerialAndExpiry()
    {
        const AiTable& t = AiTable::instance();
        const AiEntry* lot = t.find("10");
        QVERIFY(!lot->predefinedLength); // FNC1 needed after it when not last
        QVERIFY(lot->dlDataAttribute);
        QCOMPARE(lot->components[0].charSet, CharSet::Cset82);
        QCOMPARE(lot->maxLength(), 20);
        QVERIFY(!t.find("21")->dlDataAttribute); // serial: path only
        QVERIFY(!t.find("22")->dlDataAttribute);
        const AiEntry* expiry = t.find("17");
        QVERIFY(expiry->predefinedLength);
        QCOMPARE(expiry->components[0].linterNames,
                 (std::vector<std::string>{"csetnumeric", "yymmd0"}));
    }

    void associationAttributes()
    {
        const AiTable& t = AiTable::instance();
        // 8030 DIGSIG: req=00,01+21,… → groups with '+'.
        const AiEntry* digsig = t.find("8030");
        QCOMPARE(digsig->requires_.size(), size_t(1));
        const auto& alts = digsig->requires_[0];
        QVERIFY(std::find(alts.begin(), alts.end(), std::vector<std::string>{"01", "21"}) !=
                alts.end());
        // 37 COUNT: two req attributes, both must hold.
        QCOMPARE(t.find("37")->requires_.size(), size_t(2));
        // Patterns.
        QVERIFY(aiMatchesPattern("3103", "310n"));
        QVERIFY(aiMatchesPattern("3925", "39nn"));
        QVERIFY(!aiMatchesPattern("3113", "310n"));
        QVERIFY(!aiMatchesPattern("310", "310n"));
    }

    void optionalComponents()
    {
        const AiEntry* e = AiTable::instance().find("423");
        QCOMPARE(e->components.size(), size_t(5));
        QVERIFY(!e->components[0].optional);
        QVERIFY(e->components[4].optional);
        QCOMPARE(e->minLength(), 3);
        QCOMPARE(e->maxLength(), 15);
    }

    void aiLengthByPrefix()
    {
        QCOMPARE(AiTable::aiLengthByPrefix("01"), 2);
        QCOMPARE(AiTable::aiLengthByPrefix("23"), 3);
        QCOMPARE(AiTable::aiLengthByPrefix("31"), 4);
        QCOMPARE(AiTable::aiLengthByPrefix("99"), 2);
        QCOMPARE(AiTable::aiLengthByPrefix("89"), 0);
        QCOMPARE(AiTable::aiLengthByPrefix("0"), 0);
        QCOMPARE(AiTable::aiLengthByPrefix("ab"), 0);
    }

    void valueChecksNameTheAi_data()
    {
        QTest::addColumn<QString>("ai");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("lot too long")
            << "10" << QString(21, u'A') << "AI (10) BATCH/LOT: value is too long";
        QTest::newRow("serial too long")
            << "21" << QString(21, u'1') << "AI (21) SERIAL: value is too long";
        QTest::newRow("empty lot") << "10"
                                   << ""
                                   << "AI (10) BATCH/LOT: value is empty";
        QTest::newRow("short expiry") << "17"
                                      << "2612"
                                      << "AI (17) USE BY or EXPIRY: value is too short";
        QTest::newRow("not an AI") << "1A"
                                   << "X"
                                   << "'1A' is not an Application Identifier";
        QTest::newRow("unknown AI") << "89"
                                    << "X"
                                    << "AI (89) is not a known Application Identifier";
        QTest::newRow("non-ascii")
            << "10" << QStringLiteral("Ä")
            << "AI (10) BATCH/LOT: value contains a character outside CSET 82";
    }
    void valueChecksNameTheAi()
    {
        QFETCH(QString, ai);
        QFETCH(QString, value);
        QFETCH(QString, messagePart);
        const auto st = validateAiValue(ai, value);
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(messagePart), qPrintable(st.error().message));
        QCOMPARE(st.error().param, ai);
    }

    void validValues()
    {
        QVERIFY(validateAiValue(u"10", u"LOT2026A").ok());
        QVERIFY(validateAiValue(u"21", u"SN000001").ok());
        QVERIFY(validateAiValue(u"01", u"09506000134352").ok());
        QVERIFY(validateAiValue(u"89", u"X", true).ok()); // unknown AIs by option
    }

    void dictionaryParseErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("bad ai") << QByteArray("0A  *  N14\n") << "line 1: bad AI '0A'";
        QTest::newRow("bad type") << QByteArray("# c\n01  *  Q14\n")
                                  << "line 2: unknown character set in 'Q14'";
        QTest::newRow("bad length") << QByteArray("01  *  N1x\n") << "line 1: bad length in 'N1x'";
        QTest::newRow("unknown attr")
            << QByteArray("01  N14 foo=1\n") << "line 1: unknown attribute 'foo=1'";
        QTest::newRow("one field") << QByteArray("01\n") << "line 1: too few fields";
        QTest::newRow("no spec") << QByteArray("01  *\n") << "line 1: no specification";
    }
    void dictionaryParseErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        QString got;
        const AiTable t = AiTable::fromDictionary(text, &got);
        QVERIFY(t.entries().empty());
        QCOMPARE(got, error);
    }
};

QTEST_GUILESS_MAIN(TestAiTable)
#include "tst_aitable.moc"
