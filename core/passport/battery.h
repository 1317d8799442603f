// Battery: the battery data nested in a battery product (Battery Regulation
// (EU) 2023/1542, Annex XIII model-level data). Scalar attributes are held as
// JSON keyed by Battery::fields(), which also carries each attribute's access
// group from the Battery Pass longlist (../shared/research/dpp.md §3).
#pragma once

#include "fieldspec.h"

#include <QJsonObject>
#include <optional>

namespace dpp::passport {

class Battery
{
public:
    static const QList<FieldSpec>& fields();
    static FieldErrors validate(const QJsonObject& json, const QString& prefix);

    /// The attributes the Battery Regulation makes mandatory in the passport of a battery
    /// of `category` (Battery Pass longlist v1.2 columns EV / LMT / industrial /
    /// stationary, research/dpp.md §3), as keys of fields(). Empty for portable and SLI
    /// batteries and for industrial batteries of 2 kWh or less (`ratedEnergyKwh` known
    /// and ≤ 2): they need no battery passport (Art. 77(1)). An industrial battery whose
    /// energy is not given is treated as > 2 kWh: the passport is what is being written.
    static QStringList mandatoryFields(const QString& category,
                                       std::optional<double> ratedEnergyKwh);
    /// The mandatory attributes `json` lacks, each named by its path, "is required for a
    /// <category> battery passport". Kept apart from validate(): drafts may be incomplete
    /// (values arrive from suppliers over weeks); this is the completeness check a
    /// passport must pass before it is published.
    static FieldErrors missingMandatory(const QJsonObject& json, const QString& prefix);
    static Battery fromJson(const QJsonObject& json) { return Battery(json); }
    QJsonObject toJson() const { return m_attributes; }

    QString category() const { return m_attributes.value(QStringLiteral("category")).toString(); }
    QString chemistry() const { return m_attributes.value(QStringLiteral("chemistry")).toString(); }
    QJsonValue value(const QString& key) const { return m_attributes.value(key); }

    bool operator==(const Battery&) const = default;

private:
    explicit Battery(QJsonObject attributes) : m_attributes(std::move(attributes)) {}
    QJsonObject m_attributes;
};

} // namespace dpp::passport
