// EprRegistration: a producer's registration with a national extended
// producer responsibility register (batteries, WEEE, packaging) in one
// Member State; the basis for EPR reports.
#pragma once

#include "fielderror.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>

namespace dpp::passport {

struct EprRegistration
{
    QString id;
    QString memberState; // ISO 3166-1 alpha-2
    QString regime;      // battery | weee | packaging
    QString registrationNumber;
    QString producerName;
    QStringList categories;  // battery categories or WEEE categories
    QString complianceRoute; // individual | pro | authorised_representative
    QString proName;         // when complianceRoute is "pro"
    QDate validFrom;
    QDate validTo;

    static const QStringList& regimes();
    static const QStringList& complianceRoutes();
    FieldErrors validate() const;
    QJsonObject toJson() const;
    static EprRegistration fromJson(const QJsonObject& json);
};

} // namespace dpp::passport
