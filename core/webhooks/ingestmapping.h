// IngestMapping: how an inbound PIM webhook's fields become product and passport fields.
// A tenant edits it as JSON (PUT /v1/webhooks/ingest/{source}/mapping); ready ones exist
// for DatoCMS (the EUlabel example payload) and a generic flat record. Values the mapping
// cannot place are reported back (unmapped[]), never dropped silently.
//
// {"root": "entity.attributes",      where the record sits in the payload ("" = top level)
//  "kind": "wine",                   passport kind published (wine | battery | product)
//  "fields": {"product_name": "product.name.en",
//             "list_of_ingredient[].ingredient_name": "passport.ingredients[].name",
//             "energy_value_kj": {"to": "passport.nutrition.energyKj", "transform": "number"}},
//  "defaults": {"product": {…}, "passport": {…}}}
// Source paths use "a.b", "a[0].b" and "a[].b" (every element); a "[]" target takes the
// source's element index. Transforms: number (first number in a text: "351 kJ/100mL" →
// 351), integer, string, boolean, upper, allergen:<code> (true → [<code>], false → []).
#pragma once

#include "passport/fielderror.h"
#include "result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace dpp::webhooks {

class IngestMapping
{
public:
    /// The ready mapping for `source` ("datocms"; anything else gets the generic one).
    static IngestMapping preset(const QString& source);
    /// Validates a mapping document; errors name the key ("fields.product_name.transform").
    static Result<IngestMapping> fromJson(const QJsonObject& json);
    QJsonObject toJson() const { return m_json; }
    QString kind() const { return m_json.value(QStringLiteral("kind")).toString(); }

    struct Mapped
    {
        QJsonObject product;              // product JSON keys (gtin, name, category, …)
        QJsonObject passport;             // passport data for kind()
        QJsonArray unmapped;              // [{field, value, reason}]
        QHash<QString, QString> sourceOf; // target path ("product.gtin") → source field
    };
    /// Applies the mapping to one payload. Fails only when the root is not an object.
    Result<Mapped> apply(const QJsonObject& payload) const;

private:
    explicit IngestMapping(QJsonObject json) : m_json(std::move(json)) {}
    QJsonObject m_json;
};

} // namespace dpp::webhooks
