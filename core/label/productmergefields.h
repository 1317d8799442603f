// productMergeFields: the merge fields a stored product supplies to a label
// (gtin, product.name and one product.name.<lang> per language, brand, model),
// shared by the designer's preview and the print dialog's product selection.
#pragma once

#include "passport/product.h"

#include <QHash>
#include <QString>

namespace dpp::label {

// `language` picks product.name (falling back as Product::displayName does).
QHash<QString, QString> productMergeFields(const passport::Product& product,
                                           const QString& language = QStringLiteral("en"));

} // namespace dpp::label
