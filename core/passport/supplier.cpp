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
    static const QList<FieldSpec> specs = [] {
        QList<FieldSpec> s(6);
        s[0].key = QStringLiteral("id");
        s[1].key = QStringLiteral("name");
        s[2].key = QStringLiteral("country");
        s[2].type = FieldType::Country;
        s[3].key = QStringLiteral("role");
        s[3].type = FieldType::Enum;
        s[3].values = roles();
        s[4].key = QStringLiteral("gln");
        s[4].maxLength = 13;
        s[5].key = QStringLiteral("vat_number");
        s[5].maxLength = 16;
        for (FieldSpec& f : s) {
            f.dataClass = DataClass::Restricted; // supply chain data is not for consumers
            f.access = AccessGroup::Internal;
        }
        return s;
    }();
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
