// JSON-LD passports from `dppctl export --format jsonld`, checked by the npm
// jsonld processor in safe mode (tests/node/jsonld-check.mjs): every key must
// expand to an absolute IRI through the inline context, with no network.
// Also checks the GS1 terms a wine e-label needs and the battery access groups.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace dpp;

class TestJsonLd : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_node;
    QString m_checker;

    test::ProcessResult ctl(QStringList args)
    {
        args.prepend(m_db);
        args.prepend(QStringLiteral("--db"));
        return test::runTool(QStringLiteral("dppctl"), args);
    }

    // Runs the checker on `document`; returns its JSON verdict.
    QJsonObject check(const QByteArray& document)
    {
        const QString file = m_dir.filePath(QStringLiteral("doc.jsonld"));
        QFile f(file);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(document);
        f.close();
        QProcess p;
        p.start(m_node, {m_checker, file});
        p.waitForFinished(60000);
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }
    QByteArray exportLd(const QString& gtin, const QString& audience = QStringLiteral("public"))
    {
        auto r =
            ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("jsonld"),
                 QStringLiteral("--gtin"), gtin, QStringLiteral("--audience"), audience});
        return r.exitCode == 0 ? r.out : QByteArray();
    }
    static QStringList predicates(const QJsonObject& verdict)
    {
        QStringList out;
        for (const QJsonValue& v : verdict.value(QStringLiteral("predicates")).toArray())
            out.append(v.toString());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        m_checker = test::sourceDir() + QStringLiteral("/tests/node/jsonld-check.mjs");
        if (m_node.isEmpty())
            QSKIP("node is not installed (installer/deps-debian.sh installs nodejs)");
        if (!QFile::exists(test::sourceDir() +
                           QStringLiteral("/tests/node/node_modules/jsonld/package.json")))
            QSKIP(
                "npm package jsonld missing: run tests/node/install.sh (tests/run-tests.sh does)");
        m_db = m_dir.filePath(QStringLiteral("store.sqlite"));
        QCOMPARE(ctl({QStringLiteral("seed")}).exitCode, 0);
    }

    void everyPassportExpandsInSafeMode()
    {
        auto all =
            ctl({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("jsonld")});
        QCOMPARE(all.exitCode, 0);
        const QJsonObject verdict = check(all.out);
        QVERIFY2(verdict.value(QStringLiteral("ok")).toBool(),
                 qPrintable(verdict.value(QStringLiteral("error")).toString()));
        QCOMPARE(verdict.value(QStringLiteral("documents")).toInt(), 4);
    }

    void wineUsesGs1Terms()
    {
        const QJsonObject verdict = check(exportLd(QStringLiteral("09506000134352")));
        QVERIFY2(verdict.value(QStringLiteral("ok")).toBool(),
                 qPrintable(verdict.value(QStringLiteral("error")).toString()));
        const QStringList p = predicates(verdict);
        for (const char* term :
             {"gtin", "productName", "percentageOfAlcoholByVolume", "ingredientStatement",
              "hasAllergen", "allergenType", "nutrientBasisQuantity", "energyPerNutrientBasis",
              "fatPerNutrientBasis", "saturatedFatPerNutrientBasis",
              "carbohydratesPerNutrientBasis", "sugarsPerNutrientBasis", "proteinPerNutrientBasis",
              "saltPerNutrientBasis", "ingredient", "countryOfOrigin"})
            QVERIFY2(p.contains(QStringLiteral("https://ref.gs1.org/voc/") + QLatin1String(term)),
                     term);
        QVERIFY(p.contains(QStringLiteral("https://schema.org/sha256")));
        QVERIFY(verdict.value(QStringLiteral("triples")).toInt() > 50);
    }

    void batteryRespectsAudience()
    {
        const QString battery = QStringLiteral("https://dppstudio.org/voc/battery#");
        const QJsonObject pub = check(exportLd(QStringLiteral("08523456790018")));
        QVERIFY2(pub.value(QStringLiteral("ok")).toBool(),
                 qPrintable(pub.value(QStringLiteral("error")).toString()));
        QVERIFY(predicates(pub).contains(battery + QStringLiteral("batteryChemistry")));
        QVERIFY(predicates(pub).contains(battery + QStringLiteral("batteryRatedCapacityAh")));
        QVERIFY(!predicates(pub).contains(battery + QStringLiteral("batteryCathodeMaterial")));
        QVERIFY(!predicates(pub).contains(battery + QStringLiteral("batteryTestReportUrl")));

        const QJsonObject authority =
            check(exportLd(QStringLiteral("08523456790018"), QStringLiteral("authority")));
        QVERIFY(authority.value(QStringLiteral("ok")).toBool());
        QVERIFY(predicates(authority).contains(battery + QStringLiteral("batteryCathodeMaterial")));
        QVERIFY(predicates(authority).contains(battery + QStringLiteral("batteryTestReportUrl")));
        QVERIFY(!predicates(authority).contains(battery +
                                                QStringLiteral("batteryExpectedLifetimeYears")));
    }

    void undefinedTermIsRejected()
    {
        // The check itself must be able to fail: one key the context does not define.
        QJsonObject doc =
            QJsonDocument::fromJson(exportLd(QStringLiteral("05601012012200"))).object();
        QVERIFY(!doc.isEmpty());
        doc.insert(QStringLiteral("vintnerNotes"), QStringLiteral("oak"));
        const QJsonObject verdict = check(QJsonDocument(doc).toJson());
        QVERIFY(!verdict.value(QStringLiteral("ok")).toBool(true));
        QVERIFY(verdict.value(QStringLiteral("error"))
                    .toString()
                    .contains(QLatin1String("vintnerNotes")));
    }
};

QTEST_GUILESS_MAIN(TestJsonLd)
#include "tst_jsonld.moc"
