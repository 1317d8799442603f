// Battery: the battery data nested in a battery product (Battery Regulation
// (EU) 2023/1542, Annex XIII model-level data). Scalar attributes are held as
// JSON keyed by Battery::fields(), which also carries each attribute's access
// group from the Battery Pass longlist (../shared/research/dpp.md §3).
#pragma once

#include "fieldspec.h"

#include <QJsonObject>

namespace dpp::passport {

class Battery
{
public:
    static const QList<FieldSpec>& fields();
    static FieldErrors validate(const QJsonObject& json, const QString& prefix);
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
