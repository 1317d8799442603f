#include "batchplan.h"

#include "gs1/digitallink.h"
#include "gs1/gtin.h"

#include <QSet>
#include <QUrl>

namespace dpp::exporting {

namespace {

Error fieldError(const char* param, const QString& message, const char* code = "invalid")
{
    return Error{QString::fromLatin1(param), message, QString::fromLatin1(code)};
}

// Serials may hold CSET 82 characters such as '/', ':' or '*' that are not safe
// in file names; they become '_'. Within one batch the running number keeps
// names unique.
QString safeFileStem(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                        (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_';
        if (!ok)
            c = u'_';
    }
    if (out.startsWith(u'.'))
        out[0] = u'_';
    return out;
}

QByteArray csvField(const QString& value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') ||
        bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

Result<BatchPlan> BatchPlan::create(const BatchRequest& request)
{
    BatchPlan plan;
    plan.m_request = request;
    if (auto ok = symbol::validateRenderOptions(request.render); !ok)
        return ok.error();
    if (auto ok = symbol::QrEncoder::validate(request.qr); !ok)
        return ok.error();
    if (auto ok = symbol::DataMatrixEncoder::validate(request.dataMatrix); !ok)
        return ok.error();
    if (request.threads < 0 || request.threads > 1024)
        return fieldError(
            "threads",
            QStringLiteral("threads must be 0 (all cores) to 1024; got %1").arg(request.threads));
    const QUrl base(request.base, QUrl::StrictMode);
    if (!base.isValid() || (base.scheme() != u"https" && base.scheme() != u"http") ||
        base.host().isEmpty() || base.hasQuery() || base.hasFragment())
        return fieldError("base", QStringLiteral("resolver base must be an http(s) URL without "
                                                 "query or fragment, e.g. https://id.gs1.org; "
                                                 "got '%1'")
                                      .arg(request.base));
    if (!request.lot.isEmpty()) {
        if (auto ok = gs1::validateAiValue(u"10", request.lot); !ok)
            return fieldError("lot",
                              QStringLiteral("lot '%1': %2").arg(request.lot, ok.error().message));
    }

    if (request.isList()) {
        QSet<QString> seen;
        for (qsizetype i = 0; i < request.gtins.size(); ++i) {
            const auto gtin = gs1::Gtin::parse(request.gtins.at(i));
            if (!gtin.ok())
                return fieldError("gtins", QStringLiteral("entry %1 ('%2'): %3")
                                               .arg(i + 1)
                                               .arg(request.gtins.at(i), gtin.error().message));
            if (seen.contains(gtin->gtin14()))
                return fieldError("gtins",
                                  QStringLiteral("entry %1: GTIN %2 is listed twice")
                                      .arg(i + 1)
                                      .arg(gtin->gtin14()),
                                  "duplicate");
            seen.insert(gtin->gtin14());
            plan.m_gtins << gtin->gtin14();
        }
        if (plan.m_gtins.size() > kMaxBatchCount)
            return fieldError("gtins",
                              QStringLiteral("at most %1 GTINs per batch").arg(kMaxBatchCount));
    } else {
        if (request.gtin.trimmed().isEmpty())
            return fieldError("gtin", QStringLiteral("a GTIN (or a GTIN list) is required"),
                              "required");
        const auto gtin = gs1::Gtin::parse(request.gtin);
        if (!gtin.ok())
            return fieldError(
                "gtin", QStringLiteral("GTIN '%1': %2").arg(request.gtin, gtin.error().message));
        plan.m_request.gtin = gtin->gtin14();
        if (request.count <= 0 || request.count > kMaxBatchCount)
            return fieldError("count",
                              QStringLiteral("count must be 1 to %1; got %2")
                                  .arg(kMaxBatchCount)
                                  .arg(request.count),
                              "out_of_range");
        if (request.start < 0)
            return fieldError("start",
                              QStringLiteral("start must be 0 or more; got %1").arg(request.start),
                              "out_of_range");
        if (request.width < 1 || request.width > 20)
            return fieldError(
                "width", QStringLiteral("width must be 1 to 20 digits; got %1").arg(request.width),
                "out_of_range");
        if (!request.prefix.isEmpty()) {
            if (auto ok = gs1::validateAiValue(u"21", request.prefix); !ok)
                return fieldError("prefix", QStringLiteral("serial prefix '%1': %2")
                                                .arg(request.prefix, ok.error().message));
        }
        // The last serial is the longest: if it fits AI 21 (X..20) all do.
        const QString last = plan.serialAt(request.count - 1);
        if (auto ok = gs1::validateAiValue(u"21", last); !ok)
            return fieldError("serial",
                              QStringLiteral("serial '%1' (the last of the range): %2")
                                  .arg(last, ok.error().message),
                              "too_long");
    }
    // Build the first and last items now so Digital Link and association
    // errors surface before any file is written.
    for (qint64 index : {qint64(0), plan.itemCount() - 1}) {
        const QString gtin = request.isList() ? plan.m_gtins.at(index) : plan.m_request.gtin;
        auto item = plan.makeItem(gtin, request.isList() ? QString() : plan.serialAt(index));
        if (!item.ok())
            return item.error();
    }
    return plan;
}

QString BatchPlan::serialAt(qint64 index) const
{
    return m_request.prefix +
           QStringLiteral("%1").arg(m_request.start + index, m_request.width, 10, QLatin1Char('0'));
}

Result<BatchItem> BatchPlan::makeItem(const QString& gtin14, const QString& serial) const
{
    BatchItem item;
    item.gtin = gtin14;
    item.lot = m_request.lot;
    item.serial = serial;
    QList<gs1::AiValue> values{{QStringLiteral("01"), gtin14}};
    if (!item.lot.isEmpty())
        values.append({QStringLiteral("10"), item.lot});
    if (!serial.isEmpty())
        values.append({QStringLiteral("21"), serial});
    auto link = gs1::DigitalLink::build(values, m_request.base);
    if (!link.ok())
        return link.error();
    item.digitalLink = link->uri();
    item.elementString = gs1::ElementString(values);
    item.fileStem = serial.isEmpty() ? gtin14 : safeFileStem(serial);
    return item;
}

BatchItem BatchPlan::item(qint64 index) const
{
    const QString gtin = m_request.isList() ? m_gtins.at(index) : m_request.gtin;
    auto item = makeItem(gtin, m_request.isList() ? QString() : serialAt(index));
    Q_ASSERT(item.ok()); // create() validated every field that can fail here
    return item.ok() ? std::move(item).value() : BatchItem{};
}

symbol::SymbolContent BatchPlan::content(const BatchItem& item, symbol::Symbology symbology) const
{
    const BatchContent kind =
        symbology == symbol::Symbology::Qr ? m_request.qrContent : m_request.dataMatrixContent;
    if (kind == BatchContent::DigitalLink)
        return symbol::SymbolContent::text(item.digitalLink);
    return symbol::SymbolContent::gs1(item.elementString);
}

QString BatchPlan::entryName(const BatchItem& item, symbol::Symbology symbology) const
{
    const QString ext =
        m_request.image == BatchImage::Svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    const QString name = symbol::symbologyName(symbology);
    if (m_request.isList())
        return item.fileStem + u'_' + name + ext;
    return name + u'/' + item.fileStem + ext;
}

QByteArray BatchPlan::manifestHeader()
{
    return QByteArrayLiteral("serial_number,gtin,batch_lot,digital_link,gs1_ai_string\n");
}

QByteArray BatchPlan::manifestRow(const BatchItem& item)
{
    return csvField(item.serial) + ',' + csvField(item.gtin) + ',' + csvField(item.lot) + ',' +
           csvField(item.digitalLink) + ',' + csvField(item.elementString.bracketed()) + '\n';
}

} // namespace dpp::exporting
