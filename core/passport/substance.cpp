#include "substance.h"

#include "casnumber.h"
#include "jsonhelpers.h"

namespace dpp::passport {

const QList<FieldSpec>& Substance::fields()
{
    static const QList<FieldSpec> specs = {
        {QStringLiteral("name"),
         FieldType::Text,
         0,
         0,
         {},
         200,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("Substance name")},
        {QStringLiteral("cas_number"),
         FieldType::Text,
         0,
         0,
         {},
         12,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("CAS number")},
        {QStringLiteral("ec_number"),
         FieldType::Text,
         0,
         0,
         {},
         9,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("EC number")},
        {QStringLiteral("concentration_pct"),
         FieldType::Percent,
         0,
         100,
         {},
         0,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("Concentration (% w/w)")},
        {QStringLiteral("svhc"),
         FieldType::Boolean,
         0,
         0,
         {},
         0,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("REACH SVHC")},
        {QStringLiteral("location"),
         FieldType::Text,
         0,
         0,
         {},
         200,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("Where in the product")},
        {QStringLiteral("hazard_class"),
         FieldType::Text,
         0,
         0,
         {},
         200,
         DataClass::Public,
         AccessGroup::Public,
         QStringLiteral("Hazard class (CLP)")},
    };
    return specs;
}

FieldErrors Substance::validate(const QJsonObject& json, const QString& prefix)
{
    FieldErrors errors;
    validateObject(json, fields(), prefix, errors, {QStringLiteral("name")});
    const QJsonValue cas = json.value(QStringLiteral("cas_number"));
    if (cas.isString() && !cas.toString().isEmpty()) {
        const QString problem = casNumberProblem(cas.toString());
        if (!problem.isEmpty())
            errors.append({joinPath(prefix, QStringLiteral("cas_number")), problem});
    }
    return errors;
}

Substance Substance::fromJson(const QJsonObject& o)
{
    Substance s;
    s.name = o.value(QStringLiteral("name")).toString();
    s.casNumber = o.value(QStringLiteral("cas_number")).toString();
    s.ecNumber = o.value(QStringLiteral("ec_number")).toString();
    s.concentrationPct = json::optDouble(o, QStringLiteral("concentration_pct"));
    s.svhc = json::optBool(o, QStringLiteral("svhc"));
    s.location = o.value(QStringLiteral("location")).toString();
    s.hazardClass = o.value(QStringLiteral("hazard_class")).toString();
    return s;
}

QJsonObject Substance::toJson() const
{
    QJsonObject o;
    json::put(o, QStringLiteral("name"), name);
    json::put(o, QStringLiteral("cas_number"), casNumber);
    json::put(o, QStringLiteral("ec_number"), ecNumber);
    json::put(o, QStringLiteral("concentration_pct"), concentrationPct);
    json::put(o, QStringLiteral("svhc"), svhc);
    json::put(o, QStringLiteral("location"), location);
    json::put(o, QStringLiteral("hazard_class"), hazardClass);
    return o;
}

} // namespace dpp::passport
