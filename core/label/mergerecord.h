// MergeRecord: the values one label is printed with, by merge field name
// ("gtin", "serial", "product.name.de", "csv.colour", "counter" …). Built by
// a MergeSource; read by MergeTemplate when text and symbol contents expand.
#pragma once

#include "result.h"

#include <QHash>
#include <QString>

namespace dpp::label {

struct MergeRecord
{
    QHash<QString, QString> values;

    bool has(const QString& field) const { return values.contains(field); }
    QString value(const QString& field) const { return values.value(field); }
    void set(const QString& field, const QString& value) { values.insert(field, value); }

    // Adds gtin (14 digits), lot, serial, expiry (ISO date), digital_link and
    // element_string for one item. `expiryIso` is yyyy-MM-dd or empty. Errors
    // name the field ("gtin", "lot", "serial", "expiry").
    Status setProductKeys(const QString& gtin, const QString& lot, const QString& serial,
                          const QString& expiryIso, const QString& base = QString());
};

} // namespace dpp::label
