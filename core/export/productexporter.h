// ProductExporter: a tenant's products as CSV (the import template's columns,
// so an export can be edited and imported again) or as JSON.
#pragma once

#include "passport/product.h"

#include <QByteArray>

namespace dpp::exporting {

class ProductExporter
{
public:
    static QByteArray toCsv(const QList<passport::Product>& products);
    // {"products": [ … product JSON … ]}
    static QByteArray toJson(const QList<passport::Product>& products);
    // Header plus example row, for `dppctl template`.
    static QByteArray templateCsv();
};

} // namespace dpp::exporting
