#include "jsonldwriter.h"

#include <QJsonArray>
#include <QUrl>

namespace dpp::exporting {

using passport::Audience;
using passport::PassportVersion;
using passport::Product;

namespace {
QJsonObject term(const char* id, const char* type = nullptr, const char* container = nullptr)
{
    QJsonObject t{{QStringLiteral("@id"), QLatin1String(id)}};
    if (type)
        t.insert(QStringLiteral("@type"), QLatin1String(type));
    if (container)
        t.insert(QStringLiteral("@container"), QLatin1String(container));
    return t;
}

QJsonObject baseContext()
{
    return {
        {"gs1", "https://ref.gs1.org/voc/"},
        {"schema", "https://schema.org/"},
        {"xsd", "http://www.w3.org/2001/XMLSchema#"},
        {"battery", QLatin1String(JsonLdWriter::kBatteryVocabulary)},
        {"id", "@id"},
        {"type", "@type"},
        {"gtin", "gs1:gtin"},
        {"productName", term("gs1:productName", nullptr, "@language")},
        {"brand", "schema:brand"},
        {"category", "schema:category"},
        {"sku", "schema:sku"},
        {"model", "schema:model"},
        {"material", term("schema:material", nullptr, "@set")},
        {"manufacturer", "schema:manufacturer"},
        {"name", "schema:name"},
        {"address", "schema:address"},
        {"addressCountry", "schema:addressCountry"},
        {"countryOfOrigin", "gs1:countryOfOrigin"},
        {"countryCode", "gs1:countryCode"},
        {"value", term("gs1:value", "xsd:float")},
        {"unitCode", "gs1:unitCode"},
        {"subjectOf", "schema:subjectOf"},
        {"version", "schema:version"},
        {"identifier", "schema:identifier"},
        {"datePublished", term("schema:datePublished", "xsd:dateTime")},
        {"sha256", "schema:sha256"},
        {"creativeWorkStatus", "schema:creativeWorkStatus"},
    };
}

void addWineContext(QJsonObject& c)
{
    c.insert(QStringLiteral("netContent"), QStringLiteral("gs1:netContent"));
    c.insert(QStringLiteral("percentageOfAlcoholByVolume"),
             term("gs1:percentageOfAlcoholByVolume", "xsd:float"));
    c.insert(QStringLiteral("beverageVintage"), QStringLiteral("gs1:beverageVintage"));
    c.insert(QStringLiteral("ingredientStatement"),
             term("gs1:ingredientStatement", nullptr, "@language"));
    c.insert(QStringLiteral("ingredient"), term("gs1:ingredient", nullptr, "@set"));
    c.insert(QStringLiteral("ingredientName"), QStringLiteral("gs1:ingredientName"));
    c.insert(QStringLiteral("ingredientSequence"), term("gs1:ingredientSequence", "xsd:integer"));
    c.insert(QStringLiteral("hasAllergen"), term("gs1:hasAllergen", nullptr, "@set"));
    c.insert(QStringLiteral("allergenType"), term("gs1:allergenType", "@id"));
    c.insert(QStringLiteral("allergenLevelOfContainmentCode"),
             term("gs1:allergenLevelOfContainmentCode", "@id"));
    c.insert(QStringLiteral("nutrientBasisQuantity"), QStringLiteral("gs1:nutrientBasisQuantity"));
    c.insert(QStringLiteral("energyPerNutrientBasis"),
             term("gs1:energyPerNutrientBasis", nullptr, "@set"));
    for (const char* k :
         {"fatPerNutrientBasis", "saturatedFatPerNutrientBasis", "carbohydratesPerNutrientBasis",
          "sugarsPerNutrientBasis", "proteinPerNutrientBasis", "saltPerNutrientBasis"})
        c.insert(QLatin1String(k), QString(QStringLiteral("gs1:") + QLatin1String(k)));
}

QJsonObject measurement(double value, const char* unit)
{
    return {{QStringLiteral("type"), QStringLiteral("gs1:NutritionMeasurementType")},
            {QStringLiteral("value"), value},
            {QStringLiteral("unitCode"), QLatin1String(unit)}};
}

// Our allergen codes to GS1 AllergenTypeCode members.
QString allergenCode(const QString& ours)
{
    static const QHash<QString, QString> codes = {{"sulphites", "SULPHUR_DIOXIDE"},
                                                  {"egg", "EGGS"},
                                                  {"milk", "MILK"},
                                                  {"fish", "FISH"},
                                                  {"nuts", "TREE_NUTS"},
                                                  {"gluten", "CEREALS_CONTAINING_GLUTEN"},
                                                  {"soy", "SOYBEANS"},
                                                  {"celery", "CELERY"},
                                                  {"mustard", "MUSTARD"},
                                                  {"sesame", "SESAME_SEEDS"},
                                                  {"lupin", "LUPINE"},
                                                  {"molluscs", "MOLLUSCS"},
                                                  {"crustaceans", "CRUSTACEANS"},
                                                  {"peanuts", "PEANUTS"}};
    return QStringLiteral("gs1:AllergenTypeCode-") + codes.value(ours, ours.toUpper());
}

QString camel(const QString& snake)
{
    QString out;
    bool upper = false;
    for (const QChar c : snake) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}

void addWine(QJsonObject& node, QJsonObject& context, const QJsonObject& wine)
{
    addWineContext(context);
    if (wine.contains(QStringLiteral("alcoholPct")))
        node.insert(QStringLiteral("percentageOfAlcoholByVolume"),
                    wine.value(QStringLiteral("alcoholPct")));
    if (wine.contains(QStringLiteral("vintage")))
        node.insert(QStringLiteral("beverageVintage"),
                    QString::number(wine.value(QStringLiteral("vintage")).toInt()));
    if (wine.contains(QStringLiteral("netContentMl")))
        node.insert(QStringLiteral("netContent"),
                    QJsonObject{{"type", "gs1:QuantitativeValue"},
                                {"value", wine.value(QStringLiteral("netContentMl"))},
                                {"unitCode", "MLT"}});
    if (wine.value(QStringLiteral("ingredientStatement")).isObject())
        node.insert(QStringLiteral("ingredientStatement"),
                    wine.value(QStringLiteral("ingredientStatement")));
    QJsonArray ingredients;
    int sequence = 0;
    for (const QJsonValue& v : wine.value(QStringLiteral("ingredients")).toArray()) {
        const QJsonObject i = v.toObject();
        QString name = i.value(QStringLiteral("name")).toString();
        // GS1 has no additive-category term, so the category prefixes the name
        // as the label itself shows it ("acidity regulator: tartaric acid").
        const QString category = i.value(QStringLiteral("category")).toString();
        if (!category.isEmpty() && category != QLatin1String("raw_material") &&
            category != QLatin1String("other"))
            name = QString(category).replace(u'_', u' ') + QStringLiteral(": ") + name;
        ingredients.append(QJsonObject{{"type", "gs1:FoodBeverageTobaccoIngredientDetails"},
                                       {"ingredientName", name},
                                       {"ingredientSequence", ++sequence}});
    }
    if (!ingredients.isEmpty())
        node.insert(QStringLiteral("ingredient"), ingredients);
    QJsonArray allergens;
    for (const QJsonValue& v : wine.value(QStringLiteral("allergens")).toArray())
        allergens.append(
            QJsonObject{{"type", "gs1:AllergenDetails"},
                        {"allergenType", allergenCode(v.toString())},
                        {"allergenLevelOfContainmentCode", "gs1:LevelOfContainmentCode-CONTAINS"}});
    if (!allergens.isEmpty())
        node.insert(QStringLiteral("hasAllergen"), allergens);
    const QJsonObject n = wine.value(QStringLiteral("nutrition")).toObject();
    if (!n.isEmpty()) {
        node.insert(
            QStringLiteral("nutrientBasisQuantity"),
            QJsonObject{{"type", "gs1:QuantitativeValue"}, {"value", 100}, {"unitCode", "MLT"}});
        node.insert(
            QStringLiteral("energyPerNutrientBasis"),
            QJsonArray{measurement(n.value(QStringLiteral("energyKj")).toDouble(), "KJO"),
                       measurement(n.value(QStringLiteral("energyKcal")).toDouble(), "E14")});
        const std::pair<const char*, const char*> grams[] = {
            {"fat", "fatPerNutrientBasis"},
            {"saturates", "saturatedFatPerNutrientBasis"},
            {"carbohydrate", "carbohydratesPerNutrientBasis"},
            {"sugars", "sugarsPerNutrientBasis"},
            {"protein", "proteinPerNutrientBasis"},
            {"salt", "saltPerNutrientBasis"}};
        for (const auto& [ours, theirs] : grams)
            if (n.contains(QLatin1String(ours)))
                node.insert(QLatin1String(theirs),
                            measurement(n.value(QLatin1String(ours)).toDouble(), "GRM"));
    }
    const QJsonObject origin = wine.value(QStringLiteral("origin")).toObject();
    if (origin.contains(QStringLiteral("country")))
        node.insert(QStringLiteral("countryOfOrigin"),
                    QJsonObject{{"type", "gs1:Country"},
                                {"countryCode", origin.value(QStringLiteral("country"))}});
}

void addBattery(QJsonObject& node, QJsonObject& context, const QJsonObject& battery)
{
    for (auto it = battery.begin(); it != battery.end(); ++it) {
        // "battery" + CamelCase keeps battery terms apart from product terms
        // (a battery's category is not the product's category).
        QString t = camel(it.key());
        t = QStringLiteral("battery") + t.left(1).toUpper() + t.mid(1);
        context.insert(t, QString(QStringLiteral("battery:") + t));
        node.insert(t, it.value());
    }
}
} // namespace

QJsonObject JsonLdWriter::passport(const Product& product,
                                   const std::optional<PassportVersion>& version, Audience audience,
                                   const QString& idBase)
{
    PassportVersion empty;
    const QJsonObject projected =
        passport::projectForAudience(product, version ? *version : empty, audience);
    const QJsonObject p = projected.value(QStringLiteral("product")).toObject();
    const QJsonObject meta = projected.value(QStringLiteral("passport")).toObject();
    const QJsonObject data = meta.value(QStringLiteral("data")).toObject();

    QJsonObject context = baseContext();
    QString id = idBase + QStringLiteral("/01/") + product.gtin;
    const QString lot = p.value(QStringLiteral("batch_lot")).toString();
    if (!lot.isEmpty())
        id += QStringLiteral("/10/") + QString::fromLatin1(QUrl::toPercentEncoding(lot));

    const bool wine = product.category == QLatin1String("wine") ||
                      (version && version->kind == QLatin1String("wine"));
    const bool battery = product.category == QLatin1String("battery") ||
                         (version && version->kind == QLatin1String("battery"));
    QJsonArray types{QStringLiteral("schema:Product")};
    if (wine)
        types.prepend(QStringLiteral("gs1:Beverage"));
    if (battery)
        types.append(QStringLiteral("battery:Battery"));

    QJsonObject node{{"@context", context}, {"id", id}, {"type", types}, {"gtin", product.gtin}};
    if (p.value(QStringLiteral("name")).isObject())
        node.insert(QStringLiteral("productName"), p.value(QStringLiteral("name")));
    const std::pair<const char*, const char*> texts[] = {
        {"brand", "brand"}, {"category", "category"}, {"sku", "sku"}, {"model_number", "model"}};
    for (const auto& [ours, theirs] : texts)
        if (p.contains(QLatin1String(ours)))
            node.insert(QLatin1String(theirs), p.value(QLatin1String(ours)));
    if (p.contains(QStringLiteral("manufacturer_name"))) {
        QJsonObject m{{"type", "schema:Organization"},
                      {"name", p.value(QStringLiteral("manufacturer_name"))}};
        if (p.contains(QStringLiteral("manufacturer_address")) ||
            p.contains(QStringLiteral("manufacturer_country"))) {
            QJsonObject a{{"type", "schema:PostalAddress"}};
            if (p.contains(QStringLiteral("manufacturer_country")))
                a.insert(QStringLiteral("addressCountry"),
                         p.value(QStringLiteral("manufacturer_country")));
            if (p.contains(QStringLiteral("manufacturer_address")))
                a.insert(QStringLiteral("name"), p.value(QStringLiteral("manufacturer_address")));
            m.insert(QStringLiteral("address"), a);
        }
        node.insert(QStringLiteral("manufacturer"), m);
    }
    if (p.contains(QStringLiteral("country_of_origin")))
        node.insert(QStringLiteral("countryOfOrigin"),
                    QJsonObject{{"type", "gs1:Country"},
                                {"countryCode", p.value(QStringLiteral("country_of_origin"))}});
    QJsonArray materials;
    for (const QJsonValue& m : p.value(QStringLiteral("materials")).toArray())
        materials.append(m.toObject().value(QStringLiteral("name")));
    if (!materials.isEmpty())
        node.insert(QStringLiteral("material"), materials);

    if (version && version->kind == QLatin1String("wine"))
        addWine(node, context, data);
    QJsonObject batteryData = p.value(QStringLiteral("battery")).toObject();
    if (version && version->kind == QLatin1String("battery"))
        for (auto it = data.begin(); it != data.end(); ++it)
            batteryData.insert(it.key(), it.value()); // the published snapshot wins
    if (battery)
        addBattery(node, context, batteryData);

    if (version) {
        QJsonObject doc{{"type", "schema:DigitalDocument"},
                        {"identifier", version->id},
                        {"version", QString::number(version->version)},
                        {"creativeWorkStatus", version->status},
                        {"sha256", version->sha256}};
        if (version->publishedAt.isValid())
            doc.insert(QStringLiteral("datePublished"),
                       version->publishedAt.toUTC().toString(Qt::ISODate));
        node.insert(QStringLiteral("subjectOf"), doc);
    }
    node.insert(QStringLiteral("@context"), context);
    return node;
}

} // namespace dpp::exporting
