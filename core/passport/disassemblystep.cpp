#include "disassemblystep.h"

#include "jsonhelpers.h"

namespace dpp::passport {

const QList<FieldSpec>& DisassemblyStep::fields()
{
    static const QList<FieldSpec> specs = {
        {QStringLiteral("step"),
         FieldType::Integer,
         1,
         1000,
         {},
         0,
         DataClass::Public,
         AccessGroup::LegitimateInterestAndAuthority,
         QStringLiteral("Step number")},
        {QStringLiteral("description"),
         FieldType::Text,
         0,
         0,
         {},
         2000,
         DataClass::Public,
         AccessGroup::LegitimateInterestAndAuthority,
         QStringLiteral("What to do")},
        {QStringLiteral("tool"),
         FieldType::Text,
         0,
         0,
         {},
         200,
         DataClass::Public,
         AccessGroup::LegitimateInterestAndAuthority,
         QStringLiteral("Tool")},
        {QStringLiteral("fastener"),
         FieldType::Text,
         0,
         0,
         {},
         200,
         DataClass::Public,
         AccessGroup::LegitimateInterestAndAuthority,
         QStringLiteral("Fastener")},
        {QStringLiteral("duration_min"),
         FieldType::Number,
         0,
         10000,
         {},
         0,
         DataClass::Public,
         AccessGroup::LegitimateInterestAndAuthority,
         QStringLiteral("Duration (min)")},
        {QStringLiteral("warning"),
         FieldType::Text,
         0,
         0,
         {},
         2000,
         DataClass::Public,
         AccessGroup::LegitimateInterestAndAuthority,
         QStringLiteral("Safety warning")},
    };
    return specs;
}

FieldErrors DisassemblyStep::validate(const QJsonObject& json, const QString& prefix)
{
    FieldErrors errors;
    validateObject(json, fields(), prefix, errors,
                   {QStringLiteral("step"), QStringLiteral("description")});
    return errors;
}

DisassemblyStep DisassemblyStep::fromJson(const QJsonObject& o)
{
    DisassemblyStep s;
    s.step = o.value(QStringLiteral("step")).toInt();
    s.description = o.value(QStringLiteral("description")).toString();
    s.tool = o.value(QStringLiteral("tool")).toString();
    s.fastener = o.value(QStringLiteral("fastener")).toString();
    s.durationMin = json::optDouble(o, QStringLiteral("duration_min"));
    s.warning = o.value(QStringLiteral("warning")).toString();
    return s;
}

QJsonObject DisassemblyStep::toJson() const
{
    QJsonObject o{{QStringLiteral("step"), step}};
    json::put(o, QStringLiteral("description"), description);
    json::put(o, QStringLiteral("tool"), tool);
    json::put(o, QStringLiteral("fastener"), fastener);
    json::put(o, QStringLiteral("duration_min"), durationMin);
    json::put(o, QStringLiteral("warning"), warning);
    return o;
}

} // namespace dpp::passport
