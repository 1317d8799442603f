#include "productmergefields.h"

namespace dpp::label {

QHash<QString, QString> productMergeFields(const passport::Product& product,
                                           const QString& language)
{
    QHash<QString, QString> out;
    out.insert(QStringLiteral("gtin"), product.gtin);
    out.insert(QStringLiteral("product.gtin"), product.gtin);
    out.insert(QStringLiteral("product.name"), product.displayName(language));
    for (auto it = product.name.begin(); it != product.name.end(); ++it)
        out.insert(QStringLiteral("product.name.") + it.key(), it.value());
    // Empty rather than missing: a label that shows the brand prints a blank
    // for a product without one instead of refusing the whole job.
    out.insert(QStringLiteral("product.brand"),
               product.attributes.value(QStringLiteral("brand")).toString());
    out.insert(QStringLiteral("product.model"),
               product.attributes.value(QStringLiteral("model_number")).toString());
    return out;
}

} // namespace dpp::label
