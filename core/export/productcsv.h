// ProductCsv: how a product maps to one CSV row. Columns come from the
// passport field tables: every scalar product field by its key, the name as
// name.<language> (name.en, name.de, …), every battery field as
// battery.<key>, and materials / substances / disassembly_steps as a JSON
// array in one cell. The template, the importer and the exporter all use it.
#pragma once

#include "passport/fielderror.h"
#include "passport/product.h"

#include <QJsonObject>
#include <QStringList>

namespace dpp::exporting {

class ProductCsv
{
public:
    // Header of `dppctl template`: every importable column, name.en first after gtin.
    static QStringList templateColumns();
    // An example row for the template (a wine), matching templateColumns().
    static QStringList exampleRow();
    // Columns the store fills (id, created_at, updated_at): exported, ignored on import.
    static QStringList readOnlyColumns();

    // Empty when the header can be imported; otherwise the unknown/duplicate columns.
    static passport::FieldErrors checkHeader(const QStringList& header);

    // Product JSON from one row; cell-level errors use the column name as param.
    static QJsonObject rowToJson(const QStringList& header, const QStringList& row,
                                 passport::FieldErrors& errors);
    // The row for `product` under `columns` (export).
    static QStringList productToRow(const passport::Product& product, const QStringList& columns);
    // Columns for exporting `products`: the template plus every name language in use.
    static QStringList exportColumns(const QList<passport::Product>& products);

    // The CSV column a validation param belongs to ("materials[2].name" -> "materials").
    static QString columnForParam(const QString& param);
};

} // namespace dpp::exporting
