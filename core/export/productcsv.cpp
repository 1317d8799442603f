#include "productcsv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace dpp::exporting {

using passport::Battery;
using passport::FieldErrors;
using passport::FieldSpec;
using passport::FieldType;
using passport::Product;

namespace {
const QStringList kJsonColumns = {QStringLiteral("materials"), QStringLiteral("substances"),
                                  QStringLiteral("disassembly_steps")};
const QString kBatteryPrefix = QStringLiteral("battery.");
const QString kNamePrefix = QStringLiteral("name.");

// Converts one cell to the JSON type its field expects; empty string on success.
QString cellToJson(const FieldSpec& spec, const QString& cell, QJsonValue* out)
{
    switch (spec.type) {
    case FieldType::Number:
    case FieldType::Integer:
    case FieldType::Percent: {
        QString text = cell.trimmed();
        // Spreadsheets in many EU locales write a decimal comma.
        if (!text.contains(u'.') && text.count(u',') == 1)
            text.replace(u',', u'.');
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok)
            return QStringLiteral("must be a number; got \"%1\"").arg(cell);
        *out = v;
        return {};
    }
    case FieldType::Boolean: {
        const QString t = cell.trimmed().toLower();
        if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1"))
            *out = true;
        else if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0"))
            *out = false;
        else
            return QStringLiteral("must be true or false; got \"%1\"").arg(cell);
        return {};
    }
    default:
        *out = cell.trimmed();
        return {};
    }
}

QString valueToCell(const QJsonValue& v)
{
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return v.toString();
}
} // namespace

QStringList ProductCsv::readOnlyColumns()
{
    return {QStringLiteral("id"), QStringLiteral("created_at"), QStringLiteral("updated_at")};
}

QStringList ProductCsv::templateColumns()
{
    QStringList columns;
    for (const FieldSpec& s : Product::fields()) {
        if (readOnlyColumns().contains(s.key))
            continue;
        columns.append(s.key);
        if (s.key == QLatin1String("gtin"))
            columns.append(QStringLiteral("name.en"));
    }
    columns += kJsonColumns;
    for (const FieldSpec& s : Battery::fields())
        columns.append(kBatteryPrefix + s.key);
    return columns;
}

QStringList ProductCsv::exampleRow()
{
    QJsonObject example{
        {"gtin", "05601012012200"},
        {"name.en", "Quinta dos Carvalhais Alfrocheiro 2019"},
        {"category", "wine"},
        {"status", "active"},
        {"brand", "Quinta dos Carvalhais"},
        {"batch_lot", "L2019A"},
        {"manufacturer_name", "Sogrape Vinhos"},
        {"manufacturer_country", "PT"},
        {"country_of_origin", "PT"},
        {"net_content_ml", "750"},
        {"recycled_content_pct", "35"},
        {"materials", R"([{"name":"glass","percentage":88},{"name":"cork","percentage":2}])"},
    };
    QStringList row;
    for (const QString& c : templateColumns())
        row.append(example.value(c).toString());
    return row;
}

FieldErrors ProductCsv::checkHeader(const QStringList& header)
{
    FieldErrors errors;
    static const QRegularExpression lang(QStringLiteral("^name\\.[a-z]{2}$"));
    const QStringList known = templateColumns() + readOnlyColumns();
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString& c = header[i];
        if (!known.contains(c) && !lang.match(c).hasMatch())
            errors.append({c.isEmpty() ? QStringLiteral("(column %1)").arg(i + 1) : c,
                           QStringLiteral("unknown column; `dppctl template` lists the columns")});
        else if (header.indexOf(c) != i)
            errors.append({c, QStringLiteral("column appears twice")});
    }
    if (!header.contains(QStringLiteral("gtin")))
        errors.append({QStringLiteral("gtin"), QStringLiteral("the gtin column is required")});
    return errors;
}

QJsonObject ProductCsv::rowToJson(const QStringList& header, const QStringList& row,
                                  FieldErrors& errors)
{
    QJsonObject product, battery, names;
    if (row.size() > header.size())
        errors.append({QStringLiteral("(column %1)").arg(header.size() + 1),
                       QStringLiteral("row has %1 fields but the header has %2")
                           .arg(row.size())
                           .arg(header.size())});
    for (qsizetype i = 0; i < header.size() && i < row.size(); ++i) {
        const QString& column = header[i];
        const QString& cell = row[i];
        if (cell.trimmed().isEmpty() || readOnlyColumns().contains(column))
            continue;
        if (column.startsWith(kNamePrefix)) {
            names.insert(column.mid(kNamePrefix.size()), cell.trimmed());
        } else if (kJsonColumns.contains(column)) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(cell.toUtf8(), &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isArray())
                errors.append({column, QStringLiteral("must be a JSON list such as "
                                                      "[{\"name\":\"glass\",\"percentage\":80}]")});
            else
                product.insert(column, doc.array());
        } else if (column.startsWith(kBatteryPrefix)) {
            const QString key = column.mid(kBatteryPrefix.size());
            QJsonValue value;
            const QString problem =
                cellToJson(*passport::findSpec(Battery::fields(), key), cell, &value);
            if (!problem.isEmpty())
                errors.append({column, problem});
            else
                battery.insert(key, value);
        } else if (const FieldSpec* spec = passport::findSpec(Product::fields(), column)) {
            QJsonValue value;
            const QString problem = cellToJson(*spec, cell, &value);
            if (!problem.isEmpty())
                errors.append({column, problem});
            else
                product.insert(column, value);
        }
    }
    if (!names.isEmpty())
        product.insert(QStringLiteral("name"), names);
    if (!battery.isEmpty())
        product.insert(QStringLiteral("battery"), battery);
    return product;
}

QStringList ProductCsv::exportColumns(const QList<Product>& products)
{
    QStringList columns = readOnlyColumns().mid(0, 1) + templateColumns();
    for (const Product& p : products)
        for (auto it = p.name.begin(); it != p.name.end(); ++it)
            if (!columns.contains(kNamePrefix + it.key()))
                columns.insert(columns.indexOf(QStringLiteral("name.en")) + 1,
                               kNamePrefix + it.key());
    return columns + readOnlyColumns().mid(1);
}

QStringList ProductCsv::productToRow(const Product& product, const QStringList& columns)
{
    const QJsonObject json = product.toJson();
    const QJsonObject battery = json.value(QStringLiteral("battery")).toObject();
    QStringList row;
    for (const QString& c : columns) {
        if (c.startsWith(kNamePrefix))
            row.append(product.name.value(c.mid(kNamePrefix.size())));
        else if (c.startsWith(kBatteryPrefix))
            row.append(valueToCell(battery.value(c.mid(kBatteryPrefix.size()))));
        else
            row.append(valueToCell(json.value(c)));
    }
    return row;
}

QString ProductCsv::columnForParam(const QString& param)
{
    if (param == QLatin1String("name"))
        return QStringLiteral("name.en");
    for (const QString& c : kJsonColumns)
        if (param.startsWith(c))
            return c;
    if (param.startsWith(kBatteryPrefix) || param.startsWith(kNamePrefix))
        return param;
    if (param == QLatin1String("battery"))
        return QStringLiteral("battery.category");
    return param;
}

} // namespace dpp::exporting
