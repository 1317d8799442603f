#include "productexporter.h"

#include "csvwriter.h"
#include "productcsv.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dpp::exporting {

QByteArray ProductExporter::toCsv(const QList<passport::Product>& products)
{
    const QStringList columns = ProductCsv::exportColumns(products);
    CsvWriter writer;
    writer.addRecord(columns);
    for (const passport::Product& p : products)
        writer.addRecord(ProductCsv::productToRow(p, columns));
    return writer.data();
}

QByteArray ProductExporter::toJson(const QList<passport::Product>& products)
{
    QJsonArray list;
    for (const passport::Product& p : products)
        list.append(p.toJson());
    return QJsonDocument(QJsonObject{{QStringLiteral("products"), list}})
        .toJson(QJsonDocument::Indented);
}

QByteArray ProductExporter::templateCsv()
{
    CsvWriter writer;
    writer.addRecord(ProductCsv::templateColumns());
    writer.addRecord(ProductCsv::exampleRow());
    return writer.data();
}

} // namespace dpp::exporting
