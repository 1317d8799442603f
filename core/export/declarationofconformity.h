// DeclarationOfConformity: the EU declaration of conformity built from a product's data
// and its documents. For batteries it follows the contents of Battery Regulation
// (EU) 2023/1542 Annex IX (identification, manufacturer, sole-responsibility statement,
// object, legislation, supporting documents, place and date); for other products the
// legislation list comes from the product's compliance flags.
#pragma once

#include "passport/document.h"
#include "passport/product.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

namespace dpp::exporting {

class DeclarationOfConformity
{
public:
    static QJsonObject build(const passport::Product& product,
                             const QList<passport::Document>& documents, const QDateTime& issuedAt);
    /// A self-contained HTML page (no scripts, no inline styles: it is served under a
    /// strict Content-Security-Policy). Every value is HTML-escaped.
    static QByteArray html(const QJsonObject& declaration);
};

} // namespace dpp::exporting
