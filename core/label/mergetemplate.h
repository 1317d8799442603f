// MergeTemplate: "{{field}}" and "{{field|format}}" placeholders in label
// text and symbol contents. Formats: date:<Qt date pattern> (for ISO dates),
// upper, lower, pad:<width> (left-pads with zeros), gtin13 (GTIN-14 → EAN-13). A field the record
// lacks is an error, never an empty string on a printed label.
#pragma once

#include "mergerecord.h"
#include "result.h"

#include <QStringList>

namespace dpp::label {

class MergeTemplate
{
public:
    struct Placeholder
    {
        QString field;
        QString format; // "" or "date:dd.MM.yyyy", "upper", …
    };

    // Placeholders in order; an unclosed "{{" or an empty field is an error naming `param`.
    static Result<QList<Placeholder>> placeholders(const QString& text, const QString& param);
    // Whether `field` is one the merge engine can ever supply (product.*, csv.*,
    // passport.*, gtin, lot, serial, expiry, digital_link, element_string, counter).
    static bool isKnownFieldName(const QString& field);
    // The fields a designer offers to insert, most used first; prefixed
    // families appear as one example each (product.name.de, csv.column, passport.field).
    static QStringList fieldCatalogue();
    static Result<QString> expand(const QString& text, const MergeRecord& record,
                                  const QString& param);
};

} // namespace dpp::label
