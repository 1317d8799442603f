#include "mergerecord.h"

#include "gs1/digitallink.h"
#include "gs1/gtin.h"
#include "symbol/symbolcontent.h"

#include <QDate>

namespace dpp::label {

Status MergeRecord::setProductKeys(const QString& gtin, const QString& lot, const QString& serial,
                                   const QString& expiryIso, const QString& base)
{
    QString yymmdd;
    if (!expiryIso.isEmpty()) {
        const QDate d = QDate::fromString(expiryIso, Qt::ISODate);
        if (!d.isValid())
            return Error{QStringLiteral("expiry"),
                         QStringLiteral("'%1' is not a date (yyyy-MM-dd)").arg(expiryIso),
                         QStringLiteral("invalid_date")};
        yymmdd = d.toString(QStringLiteral("yyMMdd"));
    }
    auto content = symbol::SymbolContent::fromProductKeys(gtin, lot, serial, yymmdd, base);
    if (!content)
        return content.error();
    const QString uri = content->humanReadable;
    auto link = gs1::DigitalLink::parse(uri);
    if (!link)
        return Error{QStringLiteral("digital_link"), link.error().message, link.error().code};
    set(QStringLiteral("gtin"), gs1::Gtin::parse(gtin)->gtin14());
    set(QStringLiteral("lot"), lot);
    set(QStringLiteral("serial"), serial);
    set(QStringLiteral("expiry"), expiryIso);
    set(QStringLiteral("digital_link"), uri);
    set(QStringLiteral("element_string"), link->elementString().bracketed());
    return Ok{};
}

} // namespace dpp::label
