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
    QDateTime createdAt;

    static const QStringList& roles();
    FieldErrors validate() const;
    QJsonObject toJson() const;
};

} // namespace dpp::passport
