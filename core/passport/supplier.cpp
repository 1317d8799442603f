#include "supplier.h"

#include "jsonhelpers.h"

#include <QRegularExpression>
#include <gs1/checkdigit.h>

namespace dpp::passport {

const QStringList& Supplier::roles()
{
    static const QStringList list = {"raw_material", "component", "manufacturer",
                                     "assembler",    "packaging", "logistics",
                                     "distributor",  "recycler",  "other"};
    return list;
}

const QList<FieldSpec>& Supplier::fields()
{
    // Supply chain data is for the owner only, never for a passport audience.
    constexpr AccessGroup kOwner = AccessGroup::Internal;
    static const QList<FieldSpec> specs = {
        makeField("id", FieldType::Text, "Supplier UUID", 0, 0, {}, 38, kOwner),
        makeField("name", FieldType::Text, "Name", 0, 0, {}, 200, kOwner),
        makeField("country", FieldType::Country, "Country", 0, 0, {}, 2, kOwner),
        makeField("role", FieldType::Enum, "Role", 0, 0, roles(), 200, kOwner),
        makeField("gln", FieldType::Text, "GLN", 0, 0, {}, 13, kOwner),
        makeField("vat_number", FieldType::Text, "VAT number", 0, 0, {}, 16, kOwner),
    };
    return specs;
}

FieldErrors Supplier::validate(const QJsonObject& json)
{
    FieldErrors errors;
    validateObject(json, fields(), QString(), errors,
                   {QStringLiteral("name"), QStringLiteral("role")});
    const QString gln = json.value(QStringLiteral("gln")).toString();
    if (!gln.isEmpty()) {
        const std::string digits = gln.toStdString();
        if (!QRegularExpression(QStringLiteral("^[0-9]{13}$")).match(gln).hasMatch())
            errors.append({QStringLiteral("gln"), QStringLiteral("a GLN has 13 digits")});
        else if (!gs1::hasValidMod10(digits))
            errors.append(
                {QStringLiteral("gln"), QStringLiteral("check digit should be %1, got %2")
                                            .arg(gs1::mod10CheckDigit(digits.substr(0, 12)))
                                            .arg(gln.back())});
    }
    const QString vat = json.value(QStringLiteral("vat_number")).toString();
    // EU VAT numbers: two-letter country prefix (EL for Greece) and 2–13 characters.
    if (!vat.isEmpty() &&
        !QRegularExpression(QStringLiteral("^[A-Z]{2}[0-9A-Z+*]{2,13}$")).match(vat).hasMatch())
        errors.append({QStringLiteral("vat_number"),
                       QStringLiteral("must be a VAT number with its country prefix, e.g. "
                                      "DE123456789")});
    return errors;
}

Supplier Supplier::fromJson(const QJsonObject& o)
{
    Supplier s;
    s.id = o.value(QStringLiteral("id")).toString();
    s.name = o.value(QStringLiteral("name")).toString();
    s.country = o.value(QStringLiteral("country")).toString();
    s.role = o.value(QStringLiteral("role")).toString();
    s.gln = o.value(QStringLiteral("gln")).toString();
    s.vatNumber = o.value(QStringLiteral("vat_number")).toString();
    return s;
}

QJsonObject Supplier::toJson() const
{
    QJsonObject o;
    json::put(o, QStringLiteral("id"), id);
    json::put(o, QStringLiteral("name"), name);
    json::put(o, QStringLiteral("country"), country);
    json::put(o, QStringLiteral("role"), role);
    json::put(o, QStringLiteral("gln"), gln);
    json::put(o, QStringLiteral("vat_number"), vatNumber);
    return o;
}

} // namespace dpp::passport
