#include "product.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>
#include <gs1/checkdigit.h>
#include <gs1/gtin.h>

namespace dpp::passport {

namespace {
const QString kGtin = QStringLiteral("gtin");
const QString kName = QStringLiteral("name");
const QString kMaterials = QStringLiteral("materials");
const QString kSubstances = QStringLiteral("substances");
const QString kSteps = QStringLiteral("disassembly_steps");
const QString kBattery = QStringLiteral("battery");

QStringList classes()
{
    return {"A", "B", "C", "D", "E", "F", "G"};
}
} // namespace

const QStringList& Product::categories()
{
    static const QStringList list = {"wine",      "battery",   "electronics",
                                     "textile",   "furniture", "construction",
                                     "chemicals", "toys",      "other"};
    return list;
}

const QList<FieldSpec>& Product::fields()
{
    using T = FieldType;
    static const QList<FieldSpec> specs = {
        makeField("id", T::Text, "Product UUID (assigned by the store)", 0, 0, {}, 38),
        makeField("gtin", T::Text, "GTIN-8/12/13/14", 0, 0, {}, 14),
        makeField("category", T::Enum, "Category / sector", 0, 0, categories()),
        makeField("status", T::Enum, "Status", 0, 0, {"active", "deleted"}),
        makeField("brand", T::Text, "Brand", 0, 0, {}, 100),
        makeField("sku", T::Text, "SKU", 0, 0, {}, 64),
        makeField("model_number", T::Text, "Model number", 0, 0, {}, 80),
        makeField("batch_lot", T::Text, "Batch/lot (GS1 AI 10)", 0, 0, {}, 20),
        makeField("hs_code", T::Text, "Harmonized System code", 0, 0, {}, 10),
        makeField("description", T::Text, "Description", 0, 0, {}, 4000),
        makeField("manufacturer_name", T::Text, "Manufacturer name"),
        makeField("manufacturer_country", T::Country, "Manufacturer country"),
        makeField("manufacturer_address", T::Text, "Manufacturer address", 0, 0, {}, 500),
        makeField("manufacturer_gln", T::Text, "Manufacturer GLN", 0, 0, {}, 13),
        makeField("country_of_origin", T::Country, "Country of origin"),
        makeField("net_weight_kg", T::Number, "Net weight (kg)", 0, 1000000),
        makeField("gross_weight_kg", T::Number, "Gross weight (kg)", 0, 1000000),
        makeField("length_mm", T::Number, "Length (mm)", 0, 100000),
        makeField("width_mm", T::Number, "Width (mm)", 0, 100000),
        makeField("height_mm", T::Number, "Height (mm)", 0, 100000),
        makeField("net_content_ml", T::Number, "Net content (ml)", 0, 10000000),
        makeField("carbon_footprint_kg_co2e", T::Number, "Carbon footprint (kg CO2e)", 0,
                  100000000),
        makeField("carbon_footprint_class", T::Enum, "Carbon footprint class", 0, 0, classes()),
        makeField("carbon_footprint_method", T::Text,
                  "Carbon footprint method (e.g. PEF, ISO 14067)"),
        makeField("recycled_content_pct", T::Percent, "Recycled content (%)"),
        makeField("recyclability_pct", T::Percent, "Recyclability (%)"),
        makeField("renewable_content_pct", T::Percent, "Renewable content (%)"),
        makeField("repairability_score", T::Number, "Repairability score (0-10)", 0, 10),
        makeField("spare_parts_years", T::Integer, "Spare parts availability (years)", 0, 50),
        makeField("software_updates_years", T::Integer, "Software updates (years)", 0, 50),
        makeField("expected_lifetime_years", T::Number, "Expected lifetime (years)", 0, 200),
        makeField("warranty_years", T::Number, "Warranty (years)", 0, 100),
        makeField("energy_class", T::Enum, "Energy efficiency class", 0, 0, classes()),
        makeField("ce_marking", T::Boolean, "CE marking"),
        makeField("reach_compliant", T::Boolean, "REACH compliant"),
        makeField("rohs_compliant", T::Boolean, "RoHS compliant"),
        makeField("contains_svhc", T::Boolean, "Contains SVHC > 0.1 %"),
        makeField("battery_included", T::Boolean, "Battery included"),
        makeField("battery_removable", T::Boolean, "Battery removable by the end user"),
        makeField("battery_replaceable", T::Boolean, "Battery replaceable by a professional"),
        makeField("product_url", T::Url, "Product page"),
        makeField("image_url", T::Url, "Image"),
        makeField("manual_url", T::Url, "User manual"),
        makeField("repair_info_url", T::Url, "Repair information"),
        makeField("recycling_info_url", T::Url, "Recycling / end-of-life information"),
        makeField("sustainability_url", T::Url, "Sustainability information"),
        makeField("declaration_of_conformity_url", T::Url, "EU declaration of conformity"),
        makeField("safety_info_url", T::Url, "Safety information"),
        makeField("end_of_life_instructions", T::Text, "End-of-life instructions", 0, 0, {}, 2000),
        makeField("internal_notes", T::Text, "Internal notes (never published)", 0, 0, {}, 4000,
                  AccessGroup::Internal),
        makeField("created_at", T::Text, "Created (UTC, read only)", 0, 0, {}, 40),
        makeField("updated_at", T::Text, "Updated (UTC, read only)", 0, 0, {}, 40),
    };
    return specs;
}

const QStringList& Product::structuredKeys()
{
    static const QStringList keys = {kName, kMaterials, kSubstances, kSteps, kBattery};
    return keys;
}

namespace {
template <typename Validate>
void validateArray(const QJsonObject& json, const QString& key, FieldErrors& errors,
                   Validate validate)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined() || v.isNull())
        return;
    if (!v.isArray()) {
        errors.append({key, QStringLiteral("must be a list")});
        return;
    }
    const QJsonArray array = v.toArray();
    if (array.size() > 500)
        errors.append({key, QStringLiteral("must have at most 500 entries")});
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString prefix = QStringLiteral("%1[%2]").arg(key).arg(i);
        if (!array[i].isObject())
            errors.append({prefix, QStringLiteral("must be an object")});
        else
            errors += validate(array[i].toObject(), prefix);
    }
}
} // namespace

FieldErrors Product::validate(const QJsonObject& json, const QStringList& tenantGcps)
{
    FieldErrors errors;
    validateObject(json, fields(), QString(), errors, {kGtin}, structuredKeys());

    const QJsonValue gtinValue = json.value(kGtin);
    if (gtinValue.isString() && !gtinValue.toString().trimmed().isEmpty()) {
        const auto gtin = gs1::Gtin::parse(gtinValue.toString());
        if (!gtin.ok()) {
            errors.append({kGtin, gtin.error().message});
        } else if (!tenantGcps.isEmpty()) {
            const QString afterIndicator = gtin->gtin14().mid(1);
            bool inPrefix = false;
            // A GCP follows the indicator digit; some registries (DPP.GS) write it
            // as the leading digits of the 14-digit form instead, so accept both.
            for (const QString& gcp : tenantGcps)
                inPrefix =
                    inPrefix || afterIndicator.startsWith(gcp) || gtin->gtin14().startsWith(gcp);
            if (!inPrefix)
                errors.append({kGtin, QStringLiteral("is not in your GS1 Company Prefixes (%1)")
                                          .arg(tenantGcps.join(QStringLiteral(", ")))});
        }
    }

    const QJsonValue name = json.value(kName);
    if (name.isUndefined() || name.isNull() || (name.isObject() && name.toObject().isEmpty())) {
        errors.append({kName, QStringLiteral("is required (at least one language)")});
    } else if (!name.isObject()) {
        errors.append({kName, QStringLiteral("must be an object of language code to name, "
                                             "e.g. {\"en\": \"…\"}")});
    } else {
        static const QRegularExpression lang(QStringLiteral("^[a-z]{2}$"));
        const QJsonObject names = name.toObject();
        for (auto it = names.begin(); it != names.end(); ++it) {
            const QString param = QStringLiteral("name.%1").arg(it.key());
            if (!lang.match(it.key()).hasMatch())
                errors.append({param, QStringLiteral("language must be an ISO 639-1 code "
                                                     "such as \"en\"")});
            else if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
                errors.append({param, QStringLiteral("must be non-empty text")});
            else if (it.value().toString().size() > 200)
                errors.append({param, QStringLiteral("must be at most 200 characters")});
        }
    }

    const QJsonValue gln = json.value(QStringLiteral("manufacturer_gln"));
    if (gln.isString() && !gln.toString().isEmpty()) {
        const std::string digits = gln.toString().toStdString();
        if (digits.size() != 13 ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            errors.append(
                {QStringLiteral("manufacturer_gln"), QStringLiteral("must be a 13-digit GLN")});
        else if (!gs1::hasValidMod10(digits))
            errors.append({QStringLiteral("manufacturer_gln"),
                           QStringLiteral("check digit should be %1")
                               .arg(gs1::mod10CheckDigit(digits.substr(0, 12)))});
    }
    const QJsonValue hs = json.value(QStringLiteral("hs_code"));
    if (hs.isString() && !hs.toString().isEmpty() &&
        !QRegularExpression(QStringLiteral("^[0-9]{6,10}$")).match(hs.toString()).hasMatch())
        errors.append({QStringLiteral("hs_code"), QStringLiteral("must be 6 to 10 digits")});

    validateArray(json, kMaterials, errors, &Material::validate);
    validateArray(json, kSubstances, errors, &Substance::validate);
    validateArray(json, kSteps, errors, &DisassemblyStep::validate);

    // Material shares describe one product mass, so together they cannot exceed it.
    double total = 0;
    for (const QJsonValue& m : json.value(kMaterials).toArray())
        total += m.toObject().value(QStringLiteral("percentage")).toDouble();
    if (total > 100.0001)
        errors.append(
            {kMaterials, QStringLiteral("percentages add up to %1; at most 100").arg(total)});

    const QJsonValue battery = json.value(kBattery);
    const QString category = json.value(QStringLiteral("category")).toString();
    if (!battery.isUndefined() && !battery.isNull()) {
        if (!battery.isObject())
            errors.append({kBattery, QStringLiteral("must be an object")});
        else
            errors += Battery::validate(battery.toObject(), kBattery);
    } else if (category == QLatin1String("battery")) {
        errors.append({kBattery, QStringLiteral("is required for category battery")});
    }
    return errors;
}

Product Product::fromJson(const QJsonObject& json)
{
    Product p;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (structuredKeys().contains(it.key()) || it.value().isNull())
            continue;
        if (it.key() == QLatin1String("id"))
            p.id = it.value().toString();
        else if (it.key() == kGtin) {
            const auto gtin = gs1::Gtin::parse(it.value().toString());
            p.gtin = gtin.ok() ? gtin->gtin14() : it.value().toString();
        } else if (it.key() == QLatin1String("category"))
            p.category = it.value().toString();
        else if (it.key() == QLatin1String("status"))
            p.status = it.value().toString();
        else if (it.key() == QLatin1String("created_at"))
            p.createdAt = QDateTime::fromString(it.value().toString(), Qt::ISODateWithMs);
        else if (it.key() == QLatin1String("updated_at"))
            p.updatedAt = QDateTime::fromString(it.value().toString(), Qt::ISODateWithMs);
        else
            p.attributes.insert(it.key(), it.value());
    }
    const QJsonObject names = json.value(kName).toObject();
    for (auto it = names.begin(); it != names.end(); ++it)
        p.name.insert(it.key(), it.value().toString());
    for (const QJsonValue& v : json.value(kMaterials).toArray())
        p.materials.append(Material::fromJson(v.toObject()));
    for (const QJsonValue& v : json.value(kSubstances).toArray())
        p.substances.append(Substance::fromJson(v.toObject()));
    for (const QJsonValue& v : json.value(kSteps).toArray())
        p.disassemblySteps.append(DisassemblyStep::fromJson(v.toObject()));
    if (json.value(kBattery).isObject())
        p.battery = Battery::fromJson(json.value(kBattery).toObject());
    return p;
}

QJsonObject Product::toJson() const
{
    QJsonObject o = attributes;
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    o.insert(kGtin, gtin);
    QJsonObject names;
    for (auto it = name.begin(); it != name.end(); ++it)
        names.insert(it.key(), it.value());
    o.insert(kName, names);
    if (!category.isEmpty())
        o.insert(QStringLiteral("category"), category);
    o.insert(QStringLiteral("status"), status);
    if (createdAt.isValid())
        o.insert(QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs));
    if (updatedAt.isValid())
        o.insert(QStringLiteral("updated_at"), updatedAt.toUTC().toString(Qt::ISODateWithMs));
    if (!materials.isEmpty()) {
        QJsonArray a;
        for (const Material& m : materials)
            a.append(m.toJson());
        o.insert(kMaterials, a);
    }
    if (!substances.isEmpty()) {
        QJsonArray a;
        for (const Substance& s : substances)
            a.append(s.toJson());
        o.insert(kSubstances, a);
    }
    if (!disassemblySteps.isEmpty()) {
        QJsonArray a;
        for (const DisassemblyStep& s : disassemblySteps)
            a.append(s.toJson());
        o.insert(kSteps, a);
    }
    if (battery)
        o.insert(kBattery, battery->toJson());
    return o;
}

QString Product::displayName(const QString& language) const
{
    if (name.contains(language))
        return name.value(language);
    if (name.contains(QStringLiteral("en")))
        return name.value(QStringLiteral("en"));
    return name.isEmpty() ? QString() : name.first();
}

} // namespace dpp::passport
