// Material: one entry of a product's material composition (name, share of the
// product's mass, recycled and renewable shares, origin).
#pragma once

#include "fieldspec.h"

#include <QJsonObject>
#include <optional>

namespace dpp::passport {

struct Material
{
    QString name;
    std::optional<double> percentage;   // share of product mass, 0–100
    std::optional<double> recycledPct;  // recycled share of this material
    std::optional<double> renewablePct; // renewable share of this material
    QString originCountry;              // ISO 3166-1 alpha-2
    std::optional<bool> recyclable;

    static const QList<FieldSpec>& fields();
    static FieldErrors validate(const QJsonObject& json, const QString& prefix);
    static Material fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
    bool operator==(const Material&) const = default;
};

} // namespace dpp::passport
