// User: a person of a tenant with one role.
#pragma once

#include "fielderror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace dpp::passport {

struct User
{
    QString id;
    QString tenantId;
    QString email;
    QString role; // see roles()
    // Role "supplier": the supplier record this person acts for; they see only the
    // products linked to it (product_suppliers). Empty for every other role.
    QString supplierId;
    QDateTime createdAt;

    static const QStringList& roles();
    FieldErrors validate() const;
    QJsonObject toJson() const;
};

} // namespace dpp::passport
