#include "mergetemplate.h"

#include <QDate>
#include <QRegularExpression>

namespace dpp::label {

namespace {
const QRegularExpression& fieldPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"(\{\{\s*([A-Za-z_][A-Za-z0-9_.\-]*)\s*(?:\|\s*([^}]*?)\s*)?\}\})"));
    return re;
}

Result<QString> applyFormat(const QString& value, const QString& format, const QString& param)
{
    if (format.isEmpty())
        return value;
    if (format == QLatin1String("upper"))
        return value.toUpper();
    if (format == QLatin1String("lower"))
        return value.toLower();
    if (format == QLatin1String("gtin13")) {
        // EAN-13 carries a GTIN-14 that starts with 0 without that 0.
        if (value.size() == 14 && value.startsWith(u'0'))
            return value.mid(1);
        if (value.size() == 13)
            return value;
        return Error{param, QStringLiteral("GTIN '%1' has no EAN-13 form").arg(value),
                     QStringLiteral("invalid_format")};
    }
    if (format.startsWith(QLatin1String("pad:"))) {
        bool ok = false;
        const int width = format.mid(4).toInt(&ok);
        if (!ok || width < 0 || width > 64)
            return Error{param,
                         QStringLiteral("pad width must be 0…64; got '%1'").arg(format.mid(4)),
                         QStringLiteral("invalid_format")};
        return value.rightJustified(width, u'0');
    }
    if (format.startsWith(QLatin1String("date:"))) {
        if (value.isEmpty())
            return value;
        const QDate d = QDate::fromString(value.left(10), Qt::ISODate);
        if (!d.isValid())
            return Error{param, QStringLiteral("'%1' is not an ISO date for %2").arg(value, format),
                         QStringLiteral("invalid_date")};
        return d.toString(format.mid(5));
    }
    return Error{
        param,
        QStringLiteral("unknown format '%1' (date:…, upper, lower, pad:N, gtin13)").arg(format),
        QStringLiteral("invalid_format")};
}
} // namespace

Result<QList<MergeTemplate::Placeholder>> MergeTemplate::placeholders(const QString& text,
                                                                      const QString& param)
{
    QList<Placeholder> out;
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), pos);
        if (open < 0)
            break;
        const auto m = fieldPattern().match(text, open, QRegularExpression::NormalMatch,
                                            QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return Error{param,
                         QStringLiteral("malformed merge field at character %1 (use {{field}} or "
                                        "{{field|format}})")
                             .arg(open + 1),
                         QStringLiteral("invalid_merge_field")};
        out.append({m.captured(1), m.captured(2)});
        pos = m.capturedEnd();
    }
    return out;
}

bool MergeTemplate::isKnownFieldName(const QString& field)
{
    static const QStringList plain = {
        QStringLiteral("gtin"),         QStringLiteral("lot"),
        QStringLiteral("serial"),       QStringLiteral("expiry"),
        QStringLiteral("digital_link"), QStringLiteral("element_string"),
        QStringLiteral("counter"),      QStringLiteral("copy"),
        QStringLiteral("product.name"), QStringLiteral("product.brand"),
        QStringLiteral("product.gtin"), QStringLiteral("product.model"),
    };
    if (plain.contains(field))
        return true;
    // Prefixed families whose members depend on the data (languages, CSV columns, passport fields).
    for (const char* prefix : {"product.name.", "csv.", "passport."}) {
        if (field.startsWith(QLatin1String(prefix)) && field.size() > qsizetype(qstrlen(prefix)))
            return true;
    }
    return false;
}

QStringList MergeTemplate::fieldCatalogue()
{
    return {QStringLiteral("digital_link"),
            QStringLiteral("serial"),
            QStringLiteral("gtin"),
            QStringLiteral("lot"),
            QStringLiteral("expiry"),
            QStringLiteral("element_string"),
            QStringLiteral("product.name"),
            QStringLiteral("product.brand"),
            QStringLiteral("product.model"),
            QStringLiteral("product.gtin"),
            QStringLiteral("counter"),
            QStringLiteral("copy"),
            QStringLiteral("product.name.de"),
            QStringLiteral("csv.column"),
            QStringLiteral("passport.field")};
}

Result<QString> MergeTemplate::expand(const QString& text, const MergeRecord& record,
                                      const QString& param)
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    QString out;
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), pos);
        if (open < 0)
            break;
        const auto m = fieldPattern().match(text, open, QRegularExpression::NormalMatch,
                                            QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return Error{param,
                         QStringLiteral("malformed merge field at character %1").arg(open + 1),
                         QStringLiteral("invalid_merge_field")};
        out += QStringView(text).mid(pos, open - pos);
        const QString field = m.captured(1);
        if (!record.has(field))
            return Error{param, QStringLiteral("the record has no field '%1'").arg(field),
                         QStringLiteral("unknown_merge_field")};
        auto formatted = applyFormat(record.value(field), m.captured(2), param);
        if (!formatted)
            return formatted;
        out += formatted.value();
        pos = m.capturedEnd();
    }
    out += QStringView(text).mid(pos);
    return out;
}

} // namespace dpp::label
