#include "user.h"

#include <QRegularExpression>

namespace dpp::passport {

const QStringList& User::roles()
{
    // tenant_admin: the person who registered the tenant; everything in it, plus its users.
    static const QStringList list = {"tenant_admin",   "brand_manager", "compliance_officer",
                                     "retail_partner", "supplier",      "platform_admin"};
    return list;
}

FieldErrors User::validate() const
{
    FieldErrors errors;
    static const QRegularExpression mail(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (email.isEmpty())
        errors.append({QStringLiteral("email"), QStringLiteral("is required")});
    else if (email.size() > 254 || !mail.match(email).hasMatch())
        errors.append({QStringLiteral("email"), QStringLiteral("must be an e-mail address")});
    if (!roles().contains(role))
        errors.append(
            {QStringLiteral("role"),
             QStringLiteral("must be one of: %1").arg(roles().join(QStringLiteral(", ")))});
    return errors;
}

QJsonObject User::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("email"), email},
                  {QStringLiteral("role"), role},
                  {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)}};
    if (!supplierId.isEmpty())
        o.insert(QStringLiteral("supplier_id"), supplierId);
    return o;
}

} // namespace dpp::passport
