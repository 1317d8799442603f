// Supplier: a party in the product's supply chain (raw material, component,
// assembler …), identified by GLN and VAT number.
#pragma once

#include "fieldspec.h"

#include <QJsonObject>

namespace dpp::passport {

struct Supplier
{
    QString id;
    QString name;
    QString country; // ISO 3166-1 alpha-2
    QString role;    // see roles()
    QString gln;     // 13 digits, mod-10 check digit
    QString vatNumber;
    // The store's row version (ETag and "version" on the API; not part of toJson()).
    qint64 rowVersion = 0;

    static const QStringList& roles();
    static const QList<FieldSpec>& fields();
    static FieldErrors validate(const QJsonObject& json);
    static Supplier fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
    bool operator==(const Supplier&) const = default;
};

} // namespace dpp::passport
