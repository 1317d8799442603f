// Passport value types: field-level validation (ranges, enums, countries,
// percentages, check digits, GCPs), JSON round trips, canonical hashes and
// the audience projection of Battery Regulation access groups.
#include <QJsonArray>
#include <QTest>
#include <passport/apikey.h>
#include <passport/audienceprojection.h>
#include <passport/casnumber.h>
#include <passport/country.h>
#include <passport/document.h>
#include <passport/product.h>
#include <passport/serialbatch.h>
#include <passport/supplier.h>
#include <passport/tenant.h>
#include <passport/winelabel.h>

using namespace dpp::passport;

namespace {
QJsonObject nutrition()
{
    return {{"energyKj", 296},     {"energyKcal", 71}, {"fat", 0},     {"saturates", 0},
            {"carbohydrate", 0.6}, {"sugars", 0.6},    {"protein", 0}, {"salt", 0}};
}
QJsonObject wine()
{
    return {{"alcoholPct", 12.5},
            {"ingredients", QJsonArray{QJsonObject{{"name", "grapes"}}}},
            {"allergens", QJsonArray{"sulphites"}},
            {"origin", QJsonObject{{"country", "DE"}, {"region", "Mosel"}}},
            {"nutrition", nutrition()}};
}
QJsonObject batteryProduct()
{
    return {{"gtin", "08523456790018"},
            {"name", QJsonObject{{"en", "Smart Battery"}}},
            {"category", "battery"},
            {"internal_notes", "supplier price 80 EUR"},
            {"disassembly_steps", QJsonArray{QJsonObject{{"step", 1}, {"description", "Unscrew"}}}},
            {"battery", QJsonObject{{"category", "ev"},
                                    {"chemistry", "NMC"},
                                    {"rated_capacity_ah", 200},
                                    {"cathode_material", "NMC811"},
                                    {"expected_lifetime_years", 10},
                                    {"test_report_url", "https://example.com/r.pdf"}}}};
}
QStringList params(const FieldErrors& errors)
{
    QStringList out;
    for (const auto& e : errors)
        out.append(e.param);
    return out;
}
} // namespace

class TestPassportModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validProductRoundTrips()
    {
        const QJsonObject json = batteryProduct();
        QVERIFY2(Product::validate(json).isEmpty(),
                 qPrintable(params(Product::validate(json)).join(u',')));
        const Product p = Product::fromJson(json);
        QCOMPARE(p.gtin, QStringLiteral("08523456790018"));
        QCOMPARE(p.battery->chemistry(), QStringLiteral("NMC"));
        QCOMPARE(p.disassemblySteps.size(), 1);
        QCOMPARE(Product::fromJson(p.toJson()), p);
    }

    void productFieldErrors_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("param");
        QTest::addColumn<QString>("message");
        QTest::newRow("percent") << "recycled_content_pct" << QJsonValue(101)
                                 << "recycled_content_pct"
                                 << "must be a percentage between 0 and 100; got 101";
        QTest::newRow("country") << "manufacturer_country" << QJsonValue("Germany")
                                 << "manufacturer_country"
                                 << "must be an ISO 3166-1 alpha-2 country code such as \"DE\"";
        QTest::newRow("country lower")
            << "country_of_origin" << QJsonValue("de") << "country_of_origin"
            << "must be an ISO 3166-1 alpha-2 country code such as \"DE\"";
        QTest::newRow("enum") << "category" << QJsonValue("food") << "category"
                              << "must be one of: wine, battery, electronics, textile, furniture, "
                                 "construction, chemicals, toys, other";
        QTest::newRow("range") << "repairability_score" << QJsonValue(11) << "repairability_score"
                               << "must be between 0 and 10; got 11";
        QTest::newRow("integer") << "spare_parts_years" << QJsonValue(2.5) << "spare_parts_years"
                                 << "must be a whole number; got 2.5";
        QTest::newRow("type") << "ce_marking" << QJsonValue("yes") << "ce_marking"
                              << "must be true or false";
        QTest::newRow("url") << "manual_url" << QJsonValue("ftp://x/y") << "manual_url"
                             << "must be an absolute http(s) URL";
        QTest::newRow("unknown") << "colour" << QJsonValue("red") << "colour"
                                 << "unknown field";
        QTest::newRow("gtin") << "gtin" << QJsonValue("08523456790019") << "gtin"
                              << "check digit should be 8, got 9";
        QTest::newRow("gln") << "manufacturer_gln" << QJsonValue("9520123456789")
                             << "manufacturer_gln"
                             << "check digit should be 8";
        QTest::newRow("battery enum")
            << "battery" << QJsonValue(QJsonObject{{"category", "car"}, {"chemistry", "NMC"}})
            << "battery.category"
            << "must be one of: ev, lmt, industrial, stationary, portable, sli";
        QTest::newRow("material percent")
            << "materials"
            << QJsonValue(QJsonArray{QJsonObject{{"name", "steel"}, {"percentage", -1}}})
            << "materials[0].percentage"
            << "must be a percentage between 0 and 100; got -1";
        QTest::newRow("materials sum")
            << "materials"
            << QJsonValue(QJsonArray{QJsonObject{{"name", "a"}, {"percentage", 70}},
                                     QJsonObject{{"name", "b"}, {"percentage", 40}}})
            << "materials"
            << "percentages add up to 110; at most 100";
        QTest::newRow("cas") << "substances"
                             << QJsonValue(QJsonArray{
                                    QJsonObject{{"name", "cobalt"}, {"cas_number", "7440-48-5"}}})
                             << "substances[0].cas_number"
                             << "check digit should be 4, got 5";
        QTest::newRow("cas shape")
            << "substances"
            << QJsonValue(QJsonArray{QJsonObject{{"name", "x"}, {"cas_number", "744048"}}})
            << "substances[0].cas_number"
            << "must be a CAS number like 7440-48-4";
        QTest::newRow("name lang")
            << "name" << QJsonValue(QJsonObject{{"english", "x"}}) << "name.english"
            << "language must be an ISO 639-1 code such as \"en\"";
    }
    void productFieldErrors()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, param);
        QFETCH(QString, message);
        QJsonObject json = batteryProduct();
        json.insert(key, value);
        const FieldErrors errors = Product::validate(json);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().param, param);
        QCOMPARE(errors.first().message, message);
    }

    void requiredFields()
    {
        const FieldErrors errors = Product::validate(QJsonObject{{"category", "battery"}});
        QCOMPARE(params(errors), (QStringList{"gtin", "name", "battery"}));
    }

    void gtinMustBeInTenantPrefix()
    {
        QVERIFY(Product::validate(batteryProduct(), {QStringLiteral("0852345")}).isEmpty());
        const auto errors = Product::validate(batteryProduct(), {QStringLiteral("4006381")});
        QCOMPARE(params(errors), QStringList{"gtin"});
        QVERIFY(errors.first().message.contains(QLatin1String("4006381")));
    }

    void wineLabelValidation()
    {
        QVERIFY2(WineLabel::validate(wine()).isEmpty(),
                 qPrintable(params(WineLabel::validate(wine())).join(u',')));
        QJsonObject w = wine();
        QJsonObject n = nutrition();
        n.insert(QStringLiteral("energyKj"), 900);
        n.insert(QStringLiteral("saturates"), 1);
        n.remove(QStringLiteral("salt"));
        w.insert(QStringLiteral("nutrition"), n);
        w.insert(QStringLiteral("alcoholPct"), 120);
        w.insert(QStringLiteral("allergens"), QJsonArray{"sulfur"});
        w.insert(QStringLiteral("origin"), QJsonObject{{"country", "XX"}});
        const QStringList got = params(WineLabel::validate(w));
        QCOMPARE(got, (QStringList{"alcoholPct", "nutrition.salt", "nutrition.saturates",
                                   "nutrition.energyKj", "allergens[0]", "origin.country"}));
        w = wine();
        w.remove(QStringLiteral("ingredients"));
        QCOMPARE(params(WineLabel::validate(w)), QStringList{"ingredients"});
    }

    void canonicalHashIgnoresKeyOrder()
    {
        const QJsonObject a{{"b", 1}, {"a", QJsonArray{1.5, "x"}}};
        const QJsonObject b{{"a", QJsonArray{1.5, "x"}}, {"b", 1}};
        QCOMPARE(PassportVersion::hashOf(a), PassportVersion::hashOf(b));
        QCOMPARE(PassportVersion::canonicalJson(a), QByteArray(R"({"a":[1.5,"x"],"b":1})"));
        QVERIFY(PassportVersion::hashOf(a) !=
                PassportVersion::hashOf(QJsonObject{{"b", 2}, {"a", QJsonArray{1.5, "x"}}}));
        QCOMPARE(
            PassportVersion::hashOf(QJsonObject{}),
            QStringLiteral("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"));
    }

    void projectionFollowsAccessGroups()
    {
        const Product product = Product::fromJson(batteryProduct());
        PassportVersion v;
        v.kind = QStringLiteral("battery");
        v.data = batteryProduct().value(QStringLiteral("battery")).toObject();
        auto battery = [&](Audience a) {
            return projectForAudience(product, v, a)
                .value(QStringLiteral("passport"))
                .toObject()
                .value(QStringLiteral("data"))
                .toObject();
        };
        auto productView = [&](Audience a) {
            return projectForAudience(product, v, a).value(QStringLiteral("product")).toObject();
        };
        // Annex XIII point 1 (public), 2 (legitimate interest + authorities),
        // 3 (authorities only), 4 (legitimate interest only).
        QVERIFY(battery(Audience::Public).contains(QStringLiteral("chemistry")));
        QVERIFY(!battery(Audience::Public).contains(QStringLiteral("cathode_material")));
        QVERIFY(!battery(Audience::Public).contains(QStringLiteral("expected_lifetime_years")));
        QVERIFY(!battery(Audience::Public).contains(QStringLiteral("test_report_url")));
        QVERIFY(battery(Audience::LegitimateInterest).contains(QStringLiteral("cathode_material")));
        QVERIFY(battery(Audience::LegitimateInterest)
                    .contains(QStringLiteral("expected_lifetime_years")));
        QVERIFY(!battery(Audience::LegitimateInterest).contains(QStringLiteral("test_report_url")));
        QVERIFY(battery(Audience::Authority).contains(QStringLiteral("cathode_material")));
        QVERIFY(battery(Audience::Authority).contains(QStringLiteral("test_report_url")));
        QVERIFY(!battery(Audience::Authority).contains(QStringLiteral("expected_lifetime_years")));
        QCOMPARE(battery(Audience::Owner), v.data);

        QVERIFY(!productView(Audience::Public).contains(QStringLiteral("internal_notes")));
        QVERIFY(!productView(Audience::Authority).contains(QStringLiteral("internal_notes")));
        QVERIFY(productView(Audience::Owner).contains(QStringLiteral("internal_notes")));
        QVERIFY(!productView(Audience::Public).contains(QStringLiteral("disassembly_steps")));
        QVERIFY(productView(Audience::LegitimateInterest)
                    .contains(QStringLiteral("disassembly_steps")));
        QVERIFY(productView(Audience::Public)
                    .value(QStringLiteral("battery"))
                    .toObject()
                    .contains(QStringLiteral("rated_capacity_ah")));
        QVERIFY(!productView(Audience::Public)
                     .value(QStringLiteral("battery"))
                     .toObject()
                     .contains(QStringLiteral("cathode_material")));

        // Unknown keys in stored data never reach anyone but the owner (fail closed).
        v.data.insert(QStringLiteral("secret_extra"), 1);
        QVERIFY(!battery(Audience::Authority).contains(QStringLiteral("secret_extra")));
    }

    void catalogueCoversEveryField()
    {
        const QJsonArray catalogue = fieldCatalogue();
        QStringList paths;
        for (const QJsonValue& v : catalogue)
            paths.append(v.toObject().value(QStringLiteral("path")).toString());
        QVERIFY(paths.contains(QStringLiteral("product.battery.test_report_url")));
        QVERIFY(paths.contains(QStringLiteral("passport.wine.nutrition.energyKj")));
        for (const QJsonValue& v : catalogue)
            if (v.toObject().value(QStringLiteral("path")).toString() ==
                QLatin1String("product.battery.test_report_url"))
                QCOMPARE(v.toObject().value(QStringLiteral("access_group")).toString(),
                         QStringLiteral("authority"));
    }

    void smallerTypes()
    {
        QVERIFY(isIsoCountry(u"SK"));
        QVERIFY(!isIsoCountry(u"UK"));
        QVERIFY(!isIsoCountry(u"sk"));
        QVERIFY(casNumberProblem(QStringLiteral("7732-18-5")).isEmpty()); // water
        QVERIFY(casNumberProblem(QStringLiteral("21324-40-3")).isEmpty());

        Tenant t{QString(),
                 QStringLiteral("Acme"),
                 {QStringLiteral("0852345"), QStringLiteral("0852345")},
                 {}};
        QCOMPARE(params(t.validate()), QStringList{"gcps[1]"});

        QVERIFY(Supplier::validate(
                    QJsonObject{{"name", "X"}, {"role", "recycler"}, {"gln", "9520123456788"}})
                    .isEmpty());
        QCOMPARE(params(Supplier::validate(
                     QJsonObject{{"name", "X"}, {"role", "recycler"}, {"vat_number", "123"}})),
                 QStringList{"vat_number"});

        QVERIFY(
            SerialBatch::canTransition(QStringLiteral("available"), QStringLiteral("assigned")));
        QVERIFY(
            !SerialBatch::canTransition(QStringLiteral("assigned"), QStringLiteral("available")));
        QVERIFY(SerialBatch::canTransition(QStringLiteral("printed"),
                                           QStringLiteral("decommissioned")));
        QVERIFY(!SerialBatch::serialProblem(QStringLiteral("AB 1")).isEmpty());
        QVERIFY(!SerialBatch::serialProblem(QString(21, u'1')).isEmpty());

        QVERIFY(!Document::filenameProblem(QStringLiteral("../x")).isEmpty());
        QVERIFY(!Document::filenameProblem(QStringLiteral("a\nb.pdf")).isEmpty());
        QVERIFY(Document::filenameProblem(QStringLiteral("Déclaration UE.pdf")).isEmpty());

        ApiKey key;
        key.test = true;
        const QString secret = ApiKey::generate(key);
        QVERIFY(secret.startsWith(QLatin1String("sk_test_")));
        QCOMPARE(key.hash, ApiKey::hashKey(secret));
        QVERIFY(!key.toJson().contains(QStringLiteral("hash")));
        ApiKey other;
        QVERIFY(ApiKey::generate(other) != secret);
    }
};

QTEST_GUILESS_MAIN(TestPassportModel)
#include "tst_passportmodel.moc"
