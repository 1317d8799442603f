#include "eprregistration.h"

#include "country.h"

#include <QJsonArray>

namespace dpp::passport {

const QStringList& EprRegistration::regimes()
{
    static const QStringList list = {"battery", "weee", "packaging"};
    return list;
}

const QStringList& EprRegistration::complianceRoutes()
{
    static const QStringList list = {"individual", "pro", "authorised_representative"};
    return list;
}

FieldErrors EprRegistration::validate() const
{
    FieldErrors errors;
    if (!isIsoCountry(memberState))
        errors.append(
            {QStringLiteral("member_state"),
             QStringLiteral("must be an ISO 3166-1 alpha-2 country code such as \"DE\"")});
    if (!regimes().contains(regime))
        errors.append(
            {QStringLiteral("regime"),
             QStringLiteral("must be one of: %1").arg(regimes().join(QStringLiteral(", ")))});
    if (registrationNumber.trimmed().isEmpty())
        errors.append({QStringLiteral("registration_number"), QStringLiteral("is required")});
    else if (registrationNumber.size() > 64)
        errors.append({QStringLiteral("registration_number"),
                       QStringLiteral("must be at most 64 characters")});
    if (producerName.trimmed().isEmpty())
        errors.append({QStringLiteral("producer_name"), QStringLiteral("is required")});
    if (!complianceRoutes().contains(complianceRoute))
        errors.append({QStringLiteral("compliance_route"),
                       QStringLiteral("must be one of: %1")
                           .arg(complianceRoutes().join(QStringLiteral(", ")))});
    if (complianceRoute == QLatin1String("pro") && proName.trimmed().isEmpty())
        errors.append({QStringLiteral("pro_name"),
                       QStringLiteral("is required when the compliance route is pro")});
    if (validFrom.isValid() && validTo.isValid() && validTo < validFrom)
        errors.append(
            {QStringLiteral("valid_to"), QStringLiteral("must not be before valid_from")});
    return errors;
}

QJsonObject EprRegistration::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("member_state"), memberState},
            {QStringLiteral("regime"), regime},
            {QStringLiteral("registration_number"), registrationNumber},
            {QStringLiteral("producer_name"), producerName},
            {QStringLiteral("categories"), QJsonArray::fromStringList(categories)},
            {QStringLiteral("compliance_route"), complianceRoute},
            {QStringLiteral("pro_name"), proName},
            {QStringLiteral("valid_from"), validFrom.toString(Qt::ISODate)},
            {QStringLiteral("valid_to"), validTo.toString(Qt::ISODate)}};
}

EprRegistration EprRegistration::fromJson(const QJsonObject& o)
{
    EprRegistration r;
    r.id = o.value(QStringLiteral("id")).toString();
    r.memberState = o.value(QStringLiteral("member_state")).toString();
    r.regime = o.value(QStringLiteral("regime")).toString();
    r.registrationNumber = o.value(QStringLiteral("registration_number")).toString();
    r.producerName = o.value(QStringLiteral("producer_name")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("categories")).toArray())
        r.categories.append(v.toString());
    r.complianceRoute = o.value(QStringLiteral("compliance_route")).toString();
    r.proName = o.value(QStringLiteral("pro_name")).toString();
    r.validFrom = QDate::fromString(o.value(QStringLiteral("valid_from")).toString(), Qt::ISODate);
    r.validTo = QDate::fromString(o.value(QStringLiteral("valid_to")).toString(), Qt::ISODate);
    return r;
}

} // namespace dpp::passport
