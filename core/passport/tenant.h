// Tenant: an organisation using DPP Studio, with its GS1 Company Prefixes.
// Every stored row belongs to exactly one tenant.
#pragma once

#include "fielderror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace dpp::passport {

struct Tenant
{
    QString id;
    QString name;
    QStringList gcps; // GS1 Company Prefixes, 4–12 digits each
    QDateTime createdAt;

    FieldErrors validate() const;
    QJsonObject toJson() const;
};

} // namespace dpp::passport
