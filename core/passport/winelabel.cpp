#include "winelabel.h"

#include <QJsonArray>
#include <cmath>

namespace dpp::passport {

namespace {
const QStringList kStructured = {
    QStringLiteral("nutrition"), QStringLiteral("ingredients"),
    QStringLiteral("allergens"), QStringLiteral("origin"),
    QStringLiteral("producers"), QStringLiteral("ingredientStatement")};
} // namespace

const QList<FieldSpec>& WineLabel::fields()
{
    using T = FieldType;
    static const QList<FieldSpec> specs = {
        makeField("alcoholPct", T::Percent, "Alcohol (% vol)"),
        makeField("netContentMl", T::Number, "Net content (ml)", 1, 100000),
        makeField("vintage", T::Integer, "Vintage year", 1800, 2200),
        makeField("wineCategory", T::Enum, "Category of grapevine product", 0, 0,
                  {"wine", "sparkling_wine", "quality_sparkling_wine", "liqueur_wine",
                   "semi_sparkling_wine", "aromatised_wine", "dealcoholised_wine",
                   "partially_dealcoholised_wine", "other"}),
        makeField("sugarContent", T::Enum, "Sugar content term", 0, 0,
                  {"brut_nature", "extra_brut", "brut", "extra_dry", "dry", "medium_dry", "medium",
                   "sweet"}),
        makeField("grapeVariety", T::Text, "Grape variety", 0, 0, {}, 200),
        makeField("bottledUnderProtectiveAtmosphere", T::Boolean,
                  "Bottled under protective atmosphere"),
        makeField("lot", T::Text, "Lot the e-label applies to", 0, 0, {}, 20),
    };
    return specs;
}

const QList<FieldSpec>& WineLabel::nutritionFields()
{
    using T = FieldType;
    static const QList<FieldSpec> specs = {
        makeField("energyKj", T::Number, "Energy (kJ per 100 ml)", 0, 4000),
        makeField("energyKcal", T::Number, "Energy (kcal per 100 ml)", 0, 1000),
        makeField("fat", T::Number, "Fat (g per 100 ml)", 0, 100),
        makeField("saturates", T::Number, "of which saturates (g per 100 ml)", 0, 100),
        makeField("carbohydrate", T::Number, "Carbohydrate (g per 100 ml)", 0, 100),
        makeField("sugars", T::Number, "of which sugars (g per 100 ml)", 0, 100),
        makeField("protein", T::Number, "Protein (g per 100 ml)", 0, 100),
        makeField("salt", T::Number, "Salt (g per 100 ml)", 0, 100),
    };
    return specs;
}

const QList<FieldSpec>& WineLabel::ingredientFields()
{
    using T = FieldType;
    static const QList<FieldSpec> specs = {
        makeField("name", T::Text, "Ingredient", 0, 0, {}, 200),
        makeField("category", T::Enum, "Ingredient category", 0, 0,
                  {"raw_material", "acidity_regulator", "preservative", "antioxidant",
                   "stabilising_agent", "packaging_gas", "sweetener", "enrichment", "colour",
                   "other"}),
        makeField("eNumber", T::Text, "E number", 0, 0, {}, 8),
        makeField("allergen", T::Boolean, "Allergen (emphasised)"),
    };
    return specs;
}

const QList<FieldSpec>& WineLabel::originFields()
{
    using T = FieldType;
    static const QList<FieldSpec> specs = {
        makeField("country", T::Country, "Country of origin"),
        makeField("region", T::Text, "Region", 0, 0, {}, 200),
        makeField("designation", T::Text, "Protected designation (PDO/PGI name)", 0, 0, {}, 200),
        makeField("designationType", T::Enum, "Designation type", 0, 0, {"PDO", "PGI", "none"}),
    };
    return specs;
}

const QList<FieldSpec>& WineLabel::producerFields()
{
    using T = FieldType;
    static const QList<FieldSpec> specs = {
        makeField("name", T::Text, "Name", 0, 0, {}, 200),
        makeField("role", T::Enum, "Role", 0, 0, {"producer", "bottler", "importer", "vendor"}),
        makeField("country", T::Country, "Country"),
        makeField("address", T::Text, "Address", 0, 0, {}, 500),
    };
    return specs;
}

const QStringList& WineLabel::allergenCodes()
{
    // Annex II of Reg. 1169/2011 as they occur in wine (fining agents, sulphites).
    static const QStringList codes = {"sulphites", "egg",      "milk",        "fish",    "nuts",
                                      "gluten",    "soy",      "celery",      "mustard", "sesame",
                                      "lupin",     "molluscs", "crustaceans", "peanuts"};
    return codes;
}

namespace {
template <typename Check>
void objectList(const QJsonObject& json, const QString& key, const QString& prefix,
                FieldErrors& errors, Check check)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined() || v.isNull())
        return;
    const QString path = joinPath(prefix, key);
    if (!v.isArray()) {
        errors.append({path, QStringLiteral("must be a list")});
        return;
    }
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString item = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (!a[i].isObject())
            errors.append({item, QStringLiteral("must be an object")});
        else
            check(a[i].toObject(), item);
    }
}
} // namespace

FieldErrors WineLabel::validate(const QJsonObject& json, const QString& prefix)
{
    FieldErrors errors;
    validateObject(json, fields(), prefix, errors, {QStringLiteral("alcoholPct")}, kStructured);

    // Nutrition declaration per 100 ml: all seven values are mandatory (Art. 119(1)(j)).
    const QString nutritionPath = joinPath(prefix, QStringLiteral("nutrition"));
    const QJsonValue nutritionValue = json.value(QStringLiteral("nutrition"));
    if (!nutritionValue.isObject()) {
        errors.append({nutritionPath, nutritionValue.isUndefined() || nutritionValue.isNull()
                                          ? QStringLiteral("is required")
                                          : QStringLiteral("must be an object")});
    } else {
        const QJsonObject n = nutritionValue.toObject();
        QStringList required;
        for (const FieldSpec& s : nutritionFields())
            required.append(s.key);
        validateObject(n, nutritionFields(), nutritionPath, errors, required);
        auto num = [&](const char* k) { return n.value(QLatin1String(k)); };
        if (num("saturates").isDouble() && num("fat").isDouble() &&
            num("saturates").toDouble() > num("fat").toDouble())
            errors.append({joinPath(nutritionPath, QStringLiteral("saturates")),
                           QStringLiteral("must not exceed fat")});
        if (num("sugars").isDouble() && num("carbohydrate").isDouble() &&
            num("sugars").toDouble() > num("carbohydrate").toDouble())
            errors.append({joinPath(nutritionPath, QStringLiteral("sugars")),
                           QStringLiteral("must not exceed carbohydrate")});
        // kJ and kcal are the same energy in two units (1 kcal = 4.184 kJ); a
        // mismatch means one of them was typed wrong.
        if (num("energyKj").isDouble() && num("energyKcal").isDouble()) {
            const double kj = num("energyKj").toDouble();
            const double fromKcal = num("energyKcal").toDouble() * 4.184;
            if (std::abs(kj - fromKcal) > std::max(4.0, kj * 0.05))
                errors.append({joinPath(nutritionPath, QStringLiteral("energyKj")),
                               QStringLiteral("does not match energyKcal (%1 kcal ≈ %2 kJ)")
                                   .arg(num("energyKcal").toDouble())
                                   .arg(qRound(fromKcal))});
        }
    }

    const QJsonValue statement = json.value(QStringLiteral("ingredientStatement"));
    if (!statement.isUndefined() && !statement.isNull()) {
        const QString path = joinPath(prefix, QStringLiteral("ingredientStatement"));
        if (!statement.isObject())
            errors.append({path, QStringLiteral("must be an object of language code to text")});
        else {
            const QJsonObject texts = statement.toObject();
            for (auto it = texts.begin(); it != texts.end(); ++it)
                if (!it.value().isString() || it.key().size() != 2)
                    errors.append({path + u'.' + it.key(),
                                   QStringLiteral("must be text keyed by an ISO 639-1 code")});
        }
    }

    const QJsonValue ingredients = json.value(QStringLiteral("ingredients"));
    if (ingredients.isUndefined() || ingredients.isNull() ||
        (ingredients.isArray() && ingredients.toArray().isEmpty()))
        errors.append({joinPath(prefix, QStringLiteral("ingredients")),
                       QStringLiteral("is required (at least one ingredient)")});
    objectList(json, QStringLiteral("ingredients"), prefix, errors,
               [&](const QJsonObject& o, const QString& path) {
                   validateObject(o, ingredientFields(), path, errors, {QStringLiteral("name")});
               });

    const QJsonValue allergens = json.value(QStringLiteral("allergens"));
    if (!allergens.isUndefined() && !allergens.isNull()) {
        const QString path = joinPath(prefix, QStringLiteral("allergens"));
        if (!allergens.isArray())
            errors.append({path, QStringLiteral("must be a list")});
        const QJsonArray a = allergens.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            if (!allergenCodes().contains(a[i].toString()))
                errors.append({QStringLiteral("%1[%2]").arg(path).arg(i),
                               QStringLiteral("must be one of: %1")
                                   .arg(allergenCodes().join(QStringLiteral(", ")))});
    }

    const QJsonValue origin = json.value(QStringLiteral("origin"));
    if (!origin.isUndefined() && !origin.isNull()) {
        if (!origin.isObject())
            errors.append(
                {joinPath(prefix, QStringLiteral("origin")), QStringLiteral("must be an object")});
        else
            validateObject(origin.toObject(), originFields(),
                           joinPath(prefix, QStringLiteral("origin")), errors,
                           {QStringLiteral("country")});
    }
    objectList(json, QStringLiteral("producers"), prefix, errors,
               [&](const QJsonObject& o, const QString& path) {
                   validateObject(o, producerFields(), path, errors, {QStringLiteral("name")});
               });
    return errors;
}

} // namespace dpp::passport
