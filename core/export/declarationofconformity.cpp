#include "declarationofconformity.h"

#include <QJsonArray>

namespace dpp::exporting {

namespace {

QString attr(const passport::Product& p, const char* key)
{
    return p.attributes.value(QLatin1String(key)).toVariant().toString();
}

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

} // namespace

QJsonObject DeclarationOfConformity::build(const passport::Product& product,
                                           const QList<passport::Document>& documents,
                                           const QDateTime& issuedAt)
{
    const bool battery = product.battery.has_value();
    QJsonArray legislation;
    if (battery)
        legislation.append(QStringLiteral("Regulation (EU) 2023/1542 (batteries)"));
    if (product.attributes.value(QStringLiteral("reach_compliant")).toBool())
        legislation.append(QStringLiteral("Regulation (EC) No 1907/2006 (REACH)"));
    if (product.attributes.value(QStringLiteral("rohs_compliant")).toBool())
        legislation.append(QStringLiteral("Directive 2011/65/EU (RoHS)"));

    QJsonArray docs;
    for (const auto& d : documents)
        docs.append(QJsonObject{{QStringLiteral("doc_type"), d.docType},
                                {QStringLiteral("filename"), d.filename},
                                {QStringLiteral("sha256"), d.sha256}});

    QJsonObject object{{QStringLiteral("name"), product.displayName()},
                       {QStringLiteral("category"), product.category},
                       {QStringLiteral("gtin"), product.gtin},
                       {QStringLiteral("model_number"), attr(product, "model_number")},
                       {QStringLiteral("batch_lot"), attr(product, "batch_lot")}};
    if (battery) {
        object.insert(QStringLiteral("battery_category"), product.battery->category());
        object.insert(QStringLiteral("chemistry"), product.battery->chemistry());
    }
    return QJsonObject{
        {QStringLiteral("title"), QStringLiteral("EU declaration of conformity")},
        {QStringLiteral("annex"),
         battery ? QJsonValue(QStringLiteral("Regulation (EU) 2023/1542, Annex IX"))
                 : QJsonValue()},
        {QStringLiteral("identification"),
         QJsonObject{{QStringLiteral("gtin"), product.gtin},
                     {QStringLiteral("model_number"), attr(product, "model_number")},
                     {QStringLiteral("batch_lot"), attr(product, "batch_lot")}}},
        {QStringLiteral("manufacturer"),
         QJsonObject{{QStringLiteral("name"), attr(product, "manufacturer_name")},
                     {QStringLiteral("address"), attr(product, "manufacturer_address")},
                     {QStringLiteral("country"), attr(product, "manufacturer_country")}}},
        {QStringLiteral("statement"),
         QStringLiteral("This declaration of conformity is issued under the sole "
                        "responsibility of the manufacturer.")},
        {QStringLiteral("object"), object},
        {QStringLiteral("legislation"), legislation},
        {QStringLiteral("documents"), docs},
        {QStringLiteral("ce_marking"),
         product.attributes.value(QStringLiteral("ce_marking")).toBool()},
        {QStringLiteral("issued_at"), issuedAt.toUTC().toString(Qt::ISODate)}};
}

QByteArray DeclarationOfConformity::html(const QJsonObject& d)
{
    const auto line = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(label), esc(value));
    };
    const QJsonObject id = d.value(QStringLiteral("identification")).toObject();
    const QJsonObject m = d.value(QStringLiteral("manufacturer")).toObject();
    const QJsonObject o = d.value(QStringLiteral("object")).toObject();
    QString out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                                 "<title>%1</title></head><body>\n<h1>%1</h1>\n")
                      .arg(esc(d.value(QStringLiteral("title")).toString()));
    if (!d.value(QStringLiteral("annex")).isNull())
        out += QStringLiteral("<p>%1</p>\n").arg(esc(d.value(QStringLiteral("annex")).toString()));
    out += QStringLiteral("<h2>1. Product identification</h2><table>\n");
    out += line(QStringLiteral("GTIN"), id.value(QStringLiteral("gtin")).toString());
    out += line(QStringLiteral("Model"), id.value(QStringLiteral("model_number")).toString());
    out += line(QStringLiteral("Batch"), id.value(QStringLiteral("batch_lot")).toString());
    out += QStringLiteral("</table>\n<h2>2. Manufacturer</h2><table>\n");
    out += line(QStringLiteral("Name"), m.value(QStringLiteral("name")).toString());
    out += line(QStringLiteral("Address"), m.value(QStringLiteral("address")).toString());
    out += line(QStringLiteral("Country"), m.value(QStringLiteral("country")).toString());
    out += QStringLiteral("</table>\n<h2>3. Statement</h2><p>%1</p>\n")
               .arg(esc(d.value(QStringLiteral("statement")).toString()));
    out += QStringLiteral("<h2>4. Object of the declaration</h2><table>\n");
    for (auto it = o.begin(); it != o.end(); ++it)
        out += line(it.key(), it.value().toString());
    out += QStringLiteral("</table>\n<h2>5. Union harmonisation legislation</h2><ul>\n");
    for (const auto& l : d.value(QStringLiteral("legislation")).toArray())
        out += QStringLiteral("<li>%1</li>\n").arg(esc(l.toString()));
    out += QStringLiteral("</ul>\n<h2>6. Supporting documents</h2><ul>\n");
    for (const auto& doc : d.value(QStringLiteral("documents")).toArray())
        out += QStringLiteral("<li>%1: %2 (SHA-256 %3)</li>\n")
                   .arg(esc(doc[u"doc_type"].toString()), esc(doc[u"filename"].toString()),
                        esc(doc[u"sha256"].toString()));
    out += QStringLiteral("</ul>\n<h2>7. Issued</h2><p>%1</p>\n</body></html>\n")
               .arg(esc(d.value(QStringLiteral("issued_at")).toString()));
    return out.toUtf8();
}

} // namespace dpp::exporting
