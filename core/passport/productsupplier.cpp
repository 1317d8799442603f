#include "productsupplier.h"

#include <QRegularExpression>

namespace dpp::passport {

const QStringList& ProductSupplier::commonRoles()
{
    static const QStringList roles = {"ingredients", "materials", "cells",     "components",
                                      "packaging",   "assembly",  "logistics", "recycling"};
    return roles;
}

ProductSupplier ProductSupplier::fromJson(const QJsonObject& json, FieldErrors* typeErrors)
{
    ProductSupplier link;
    for (auto [name, target] :
         {std::pair{"supplierId", &link.supplierId}, std::pair{"role", &link.role}}) {
        const QJsonValue v = json.value(QLatin1String(name));
        if (v.isString())
            *target = v.toString().trimmed();
        else if (!v.isUndefined() && !v.isNull() && typeErrors)
            typeErrors->append({QString::fromLatin1(name), QStringLiteral("must be a string")});
    }
    return link;
}

FieldErrors ProductSupplier::validate() const
{
    FieldErrors errors;
    if (productId.isEmpty())
        errors.append({QStringLiteral("productId"), QStringLiteral("is required")});
    if (supplierId.isEmpty())
        errors.append({QStringLiteral("supplierId"), QStringLiteral("is required")});
    static const QRegularExpression word(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,39}$"));
    if (role.isEmpty())
        errors.append(
            {QStringLiteral("role"), QStringLiteral("is required (e.g. %1)")
                                         .arg(commonRoles().mid(0, 3).join(QStringLiteral(", ")))});
    else if (!word.match(role).hasMatch())
        errors.append({QStringLiteral("role"),
                       QStringLiteral("must be one lower-case word of letters, digits, '_' or "
                                      "'-' (at most 40 characters)")});
    return errors;
}

QJsonObject ProductSupplier::toJson() const
{
    return {{QStringLiteral("productId"), productId},
            {QStringLiteral("supplierId"), supplierId},
            {QStringLiteral("role"), role},
            {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)}};
}

} // namespace dpp::passport
