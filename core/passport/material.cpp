#include "material.h"

#include "jsonhelpers.h"

namespace dpp::passport {

const QList<FieldSpec>& Material::fields()
{
    static const QList<FieldSpec> specs = {
        {QStringLiteral("name"),
         FieldType::Text,
         0,
         0,
         {},
         120,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("Material name")},
        {QStringLiteral("percentage"),
         FieldType::Percent,
         0,
         100,
         {},
         0,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("Share of product mass (%)")},
        {QStringLiteral("recycled_pct"),
         FieldType::Percent,
         0,
         100,
         {},
         0,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("Recycled share (%)")},
        {QStringLiteral("renewable_pct"),
         FieldType::Percent,
         0,
         100,
         {},
         0,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("Renewable share (%)")},
        {QStringLiteral("origin_country"),
         FieldType::Country,
         0,
         0,
         {},
         2,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("Country of origin")},
        {QStringLiteral("recyclable"),
         FieldType::Boolean,
         0,
         0,
         {},
         0,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("Recyclable")},
    };
    return specs;
}

FieldErrors Material::validate(const QJsonObject& json, const QString& prefix)
{
    FieldErrors errors;
    validateObject(json, fields(), prefix, errors, {QStringLiteral("name")});
    return errors;
}

Material Material::fromJson(const QJsonObject& o)
{
    Material m;
    m.name = o.value(QStringLiteral("name")).toString();
    m.percentage = json::optDouble(o, QStringLiteral("percentage"));
    m.recycledPct = json::optDouble(o, QStringLiteral("recycled_pct"));
    m.renewablePct = json::optDouble(o, QStringLiteral("renewable_pct"));
    m.originCountry = o.value(QStringLiteral("origin_country")).toString();
    m.recyclable = json::optBool(o, QStringLiteral("recyclable"));
    return m;
}

QJsonObject Material::toJson() const
{
    QJsonObject o;
    json::put(o, QStringLiteral("name"), name);
    json::put(o, QStringLiteral("percentage"), percentage);
    json::put(o, QStringLiteral("recycled_pct"), recycledPct);
    json::put(o, QStringLiteral("renewable_pct"), renewablePct);
    json::put(o, QStringLiteral("origin_country"), originCountry);
    json::put(o, QStringLiteral("recyclable"), recyclable);
    return o;
}

} // namespace dpp::passport
