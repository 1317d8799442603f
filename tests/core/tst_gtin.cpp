// Gtin: every length, check digits, normalisation, and the errors users see.
#include <QTest>
#include <gs1/checkdigit.h>
#include <gs1/gtin.h>

using dpp::gs1::Gtin;

class TestGtin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validForms_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("gtin14");
        QTest::newRow("gtin-8") << "02345673"
                                << "00000002345673";
        QTest::newRow("gtin-12") << "416000336108"
                                 << "00416000336108";
        QTest::newRow("gtin-13") << "2112233789657"
                                 << "02112233789657";
        QTest::newRow("gtin-14") << "24012345678905"
                                 << "24012345678905";
        QTest::newRow("gtin-13 sample") << "9506000134352"
                                        << "09506000134352";
        QTest::newRow("whitespace trimmed") << "  09506000134352\t"
                                            << "09506000134352";
        QTest::newRow("all zeros") << "00000000"
                                   << "00000000000000";
    }
    void validForms()
    {
        QFETCH(QString, input);
        QFETCH(QString, gtin14);
        const auto gtin = Gtin::parse(input);
        QVERIFY2(gtin.ok(), qPrintable(gtin.ok() ? QString() : gtin.error().message));
        QCOMPARE(gtin->gtin14(), gtin14);
        QCOMPARE(Gtin::parse(gtin->gtin14())->gtin14(), gtin14); // idempotent
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad check 14") << "09506000134357"
                                      << "check digit should be 2, got 7";
        QTest::newRow("bad check 8") << "02345674"
                                     << "check digit should be 3, got 4";
        QTest::newRow("bad check 12") << "416000336109"
                                      << "check digit should be 8, got 9";
        QTest::newRow("bad check 13") << "2112233789658"
                                      << "check digit should be 7, got 8";
        QTest::newRow("empty") << ""
                               << "GTIN is empty";
        QTest::newRow("blank") << "   "
                               << "GTIN is empty";
        QTest::newRow("letters") << "0950600013435A"
                                 << "GTIN must contain digits only; found 'A' at position 14";
        QTest::newRow("inner space") << "0950600 013435"
                                     << "GTIN must contain digits only; "
                                        "found ' ' at position 8";
        QTest::newRow("length 11") << "12345678901"
                                   << "GTIN must have 8, 12, 13 or 14 digits; got 11";
        QTest::newRow("length 15") << "095060001343520"
                                   << "GTIN must have 8, 12, 13 or 14 digits; got 15";
        QTest::newRow("unicode digit") << QString::fromUtf8("٠٩٥٠٦٠٠٠١٣٤٣٥٢")
                                       << "GTIN must contain digits only; found '٠' at position 1";
    }
    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        const auto gtin = Gtin::parse(input);
        QVERIFY(!gtin.ok());
        QCOMPARE(gtin.error().message, message);
        QCOMPARE(gtin.error().param, QStringLiteral("gtin"));
    }

    void checkDigitEveryPosition()
    {
        // Changing any single digit of a valid GTIN-14 must be caught.
        const std::string good = "09506000134352";
        QVERIFY(dpp::gs1::hasValidMod10(good));
        for (size_t i = 0; i < good.size(); ++i) {
            for (char d = '0'; d <= '9'; ++d) {
                if (d == good[i])
                    continue;
                std::string bad = good;
                bad[i] = d;
                QVERIFY2(!dpp::gs1::hasValidMod10(bad), bad.c_str());
            }
        }
        QCOMPARE(dpp::gs1::mod10CheckDigit(""), -1);
        QCOMPARE(dpp::gs1::mod10CheckDigit("12a"), -1);
        QCOMPARE(dpp::gs1::mod10CheckDigit("0950600013435"), 2);
        // SSCC (18 digits) and GLN (13) use the same rule.
        QVERIFY(dpp::gs1::hasValidMod10("106141411234567897"));
        QVERIFY(dpp::gs1::hasValidMod10("9520123456788"));
    }

    void shortest()
    {
        QCOMPARE(Gtin::parse(QStringLiteral("02345673"))->shortest(), QStringLiteral("02345673"));
        QCOMPARE(Gtin::parse(QStringLiteral("9506000134352"))->shortest(),
                 QStringLiteral("9506000134352"));
        QCOMPARE(Gtin::parse(QStringLiteral("24012345678905"))->shortest(),
                 QStringLiteral("24012345678905"));
    }
};

QTEST_GUILESS_MAIN(TestGtin)
#include "tst_gtin.moc"
