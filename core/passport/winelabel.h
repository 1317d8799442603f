// WineLabel: the EU wine e-label content (Reg. (EU) 1308/2013 Art. 119 as
// amended by 2021/2117): ingredients, nutrition per 100 ml, alcohol, allergens,
// origin and producers. It is the `wine` part of a wine passport's data.
// Keys are camelCase ("nutrition.energyKj"), as the passport API names them.
#pragma once

#include "fieldspec.h"

#include <QJsonObject>

namespace dpp::passport {

class WineLabel
{
public:
    // Spec tables per part, also used by the audience projection and JSON-LD.
    static const QList<FieldSpec>& fields();          // top level scalars
    static const QList<FieldSpec>& nutritionFields(); // per 100 ml
    static const QList<FieldSpec>& ingredientFields();
    static const QList<FieldSpec>& originFields();
    static const QList<FieldSpec>& producerFields();
    static const QStringList& allergenCodes();

    static FieldErrors validate(const QJsonObject& json, const QString& prefix = QString());
    static WineLabel fromJson(const QJsonObject& json) { return WineLabel(json); }
    QJsonObject toJson() const { return m_data; }

    QJsonObject nutrition() const { return m_data.value(QStringLiteral("nutrition")).toObject(); }
    bool operator==(const WineLabel&) const = default;

private:
    explicit WineLabel(QJsonObject data) : m_data(std::move(data)) {}
    QJsonObject m_data;
};

} // namespace dpp::passport
