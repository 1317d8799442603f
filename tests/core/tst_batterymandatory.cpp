// Battery passport completeness by category (Battery Regulation via the Battery Pass
// longlist, research/dpp.md §3): which fields a passport must carry for EV, LMT,
// industrial > 2 kWh and stationary batteries, and none for portable and SLI.
#include <QJsonObject>
#include <QTest>
#include <passport/battery.h>

using dpp::passport::Battery;

class TestBatteryMandatory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingFieldsAreNamedWithTheirPath()
    {
        const QJsonObject lmt{{QStringLiteral("category"), QStringLiteral("lmt")},
                              {QStringLiteral("chemistry"), QStringLiteral("NMC")},
                              {QStringLiteral("weight_kg"), 3.2}};
        const auto errors = Battery::missingMandatory(lmt, QStringLiteral("battery"));
        QStringList params;
        for (const auto& e : errors)
            params << e.param;
        QVERIFY(params.contains(QStringLiteral("battery.manufacturing_place")));
        QVERIFY(params.contains(QStringLiteral("battery.rated_capacity_ah")));
        QVERIFY(!params.contains(QStringLiteral("battery.weight_kg")));
        QVERIFY(!params.contains(QStringLiteral("battery.chemistry")));
        // #83 capacity threshold for exhaustion is for EV batteries only.
        QVERIFY(!params.contains(QStringLiteral("battery.capacity_threshold_exhaustion_pct")));
        QCOMPARE(errors.first().message, QStringLiteral("is required for a lmt battery passport"));
    }

    void mandatoryByCategory()
    {
        const auto ev = Battery::mandatoryFields(QStringLiteral("ev"), std::nullopt);
        const auto lmt = Battery::mandatoryFields(QStringLiteral("lmt"), std::nullopt);
        QVERIFY(ev.contains(QStringLiteral("capacity_threshold_exhaustion_pct")));
        QCOMPARE(ev.size(), lmt.size() + 1);
        QCOMPARE(Battery::mandatoryFields(QStringLiteral("stationary"), std::nullopt), lmt);
        QVERIFY(Battery::mandatoryFields(QStringLiteral("portable"), std::nullopt).isEmpty());
        QVERIFY(Battery::mandatoryFields(QStringLiteral("sli"), std::nullopt).isEmpty());
        QCOMPARE(Battery::mandatoryFields(QStringLiteral("industrial"), 2.5), lmt);
        QVERIFY(Battery::mandatoryFields(QStringLiteral("industrial"), 2.0).isEmpty());
        QCOMPARE(Battery::mandatoryFields(QStringLiteral("industrial"), std::nullopt), lmt);
        // Every mandatory key is a field the passport can hold.
        QStringList keys;
        for (const auto& spec : Battery::fields())
            keys << spec.key;
        for (const QString& key : ev)
            QVERIFY2(keys.contains(key), qPrintable(key));
        // Not mandatory anywhere in the longlist: certified usable energy (#55, EV "o").
        QVERIFY(!ev.contains(QStringLiteral("rated_energy_kwh")));
    }

    void completePassportPassesAndPortableNeedsNothing()
    {
        QJsonObject ev{{QStringLiteral("category"), QStringLiteral("ev")}};
        for (const QString& key : Battery::mandatoryFields(QStringLiteral("ev"), std::nullopt))
            if (key != u"category")
                ev.insert(key, QStringLiteral("x"));
        QVERIFY(Battery::missingMandatory(ev, {}).isEmpty());
        ev.insert(QStringLiteral("safety_measures"), QStringLiteral("  "));
        QCOMPARE(Battery::missingMandatory(ev, {}).size(), 1);
        QCOMPARE(Battery::missingMandatory(ev, {}).first().param,
                 QStringLiteral("safety_measures"));
        QVERIFY(Battery::missingMandatory(
                    {{QStringLiteral("category"), QStringLiteral("portable")}}, {})
                    .isEmpty());
        const auto noCategory = Battery::missingMandatory({}, QStringLiteral("battery"));
        QCOMPARE(noCategory.size(), 1);
        QCOMPARE(noCategory.first().param, QStringLiteral("battery.category"));
    }
};

QTEST_GUILESS_MAIN(TestBatteryMandatory)
#include "tst_batterymandatory.moc"
