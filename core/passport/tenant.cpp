#include "tenant.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace dpp::passport {

FieldErrors Tenant::validate() const
{
    FieldErrors errors;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        errors.append({QStringLiteral("name"), QStringLiteral("is required")});
    else if (trimmed.size() > 100)
        errors.append({QStringLiteral("name"), QStringLiteral("must be at most 100 characters")});
    else if (trimmed != name)
        errors.append(
            {QStringLiteral("name"), QStringLiteral("must not start or end with white space")});
    static const QRegularExpression digits(QStringLiteral("^[0-9]{4,12}$"));
    for (qsizetype i = 0; i < gcps.size(); ++i) {
        if (!digits.match(gcps[i]).hasMatch())
            errors.append({QStringLiteral("gcps[%1]").arg(i),
                           QStringLiteral("a GS1 Company Prefix has 4 to 12 digits; got \"%1\"")
                               .arg(gcps[i])});
        else if (gcps.indexOf(gcps[i]) != i)
            errors.append({QStringLiteral("gcps[%1]").arg(i), QStringLiteral("is listed twice")});
    }
    return errors;
}

QJsonObject Tenant::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("gcps"), QJsonArray::fromStringList(gcps)},
            {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)}};
}

} // namespace dpp::passport
